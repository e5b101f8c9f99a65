import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The layer rules of eslint.config.mjs, proved by linting wrong-way imports (and allowed ones) as if
 * they were written in the file named. If a rule is loosened by mistake, one of these fails.
 */
let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: process.cwd() });
  await eslint.lintText("export {};\n", { filePath: "src/server/warm-up.ts" }); // loads the config and parsers once
}, 120_000);

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-properties")
    .map((m) => m.message);
}

describe("imports point one way: app → features → server → domain", () => {
  it.each([
    [
      "src/server/jobs/x.ts",
      'import { createRisk } from "@/features/risks/server/create-risk";\nexport const x = createRisk;',
      "src/server must not import features",
    ],
    ["src/server/x.ts", 'import { seedDemo } from "@/demo/seed-demo";\nexport const x = seedDemo;', "src/server must not import"],
    ["src/domain/x.ts", 'import { db } from "@/server/db";\nexport const x = db;', "src/domain is pure"],
    ["src/domain/x.ts", 'import { formatDate } from "@/lib/format";\nexport const x = formatDate;', "src/domain is pure"],
    [
      "src/features/risks/server/x.ts",
      'import { RiskForm } from "@/features/costs/components/scenario-form";\nexport const x = RiskForm;',
      "only through its server/ operations",
    ],
    [
      "src/features/risks/server/x.ts",
      'import { addPriceAction } from "@/features/costs/actions";\nexport const x = addPriceAction;',
      "only through its server/ operations",
    ],
    [
      "src/features/risks/server/x.ts",
      'import { addPriceSchema } from "@/features/costs/schemas";\nexport const x = addPriceSchema;',
      "only through its server/ operations",
    ],
    ["src/features/risks/components/x.tsx", 'import { db } from "@/server/db";\nexport const x = db;', "pages and components read through"],
    ["src/app/(app)/x/page.tsx", 'import { db } from "@/server/db";\nexport const x = db;', "pages and components read through"],
    ["src/components/ui/x.tsx", 'import { requireUser } from "@/server/auth/session";\nexport const x = requireUser;', "leaf modules"],
  ])("%s refuses %s", async (file, code, why) => {
    const errors = await errorsFor(file, code);
    expect(errors.join("\n")).toContain(why);
  });

  it.each([
    [
      "src/features/programmes/server/x.ts",
      'import { riskSummary } from "@/features/risks/server/risk-summary";\nexport const x = riskSummary;',
    ],
    [
      "src/features/reports/server/x.ts",
      'import { syncSelect } from "@/features/usage/sync/server/list-usage-syncs";\nexport const x = syncSelect;',
    ],
    ["src/app/(app)/x/page.tsx", 'import { RiskForm } from "@/features/risks/components/risk-form";\nexport const x = RiskForm;'],
    ["src/demo/x.ts", 'import { createRisk } from "@/features/risks/server/create-risk";\nexport const x = createRisk;'],
    ["src/server/x.ts", 'import { gateReadiness } from "@/domain/gates";\nexport const x = gateReadiness;'],
  ])("%s allows %s", async (file, code) => {
    expect(await errorsFor(file, code)).toEqual([]);
  });
});

describe("the environment is read in one module", () => {
  it("refuses process.env in a feature", async () => {
    const errors = await errorsFor("src/features/risks/server/x.ts", "export const x = process.env.ANTHROPIC_API_KEY;");
    expect(errors.join("\n")).toContain("src/server/env.ts");
  });

  it("allows it in src/server/env.ts", async () => {
    expect(await errorsFor("src/server/env.ts", "export const x = process.env.ANTHROPIC_API_KEY;")).toEqual([]);
  });
});
