import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * House rules that a reviewer should not have to check by eye (docs/ARCHITECTURE.md): every server
 * action is written with the one factory.
 */
describe("server actions", () => {
  const files = readdirSync("src/features", { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "actions.ts")
    .map((f) => path.join("src/features", f));

  it("finds the actions files", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)("%s: every exported action comes from programmeAction() or userAction()", (file) => {
    const source = readFileSync(file, "utf8");
    expect(source.startsWith('"use server";')).toBe(true);
    const exported = [...source.matchAll(/^export\s+(?:const|async function|function)\s+(\w+)\s*=?\s*([^\n]*)/gm)];
    expect(exported.length).toBeGreaterThan(0);
    for (const [, name, rest] of exported) {
      expect(`${name} = ${rest}`).toMatch(/= (programmeAction|userAction)\(/);
    }
    // What the factory does is not done again by hand.
    expect(source).not.toMatch(/revalidatePath|next-safe-action|\btry\s*\{/);
  });
});
