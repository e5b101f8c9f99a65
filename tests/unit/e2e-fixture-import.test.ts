import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every e2e spec takes `test` from tests/e2e/fixtures.ts, whose automatic fixture runs axe on every page the
 * test visits (docs/ARCHITECTURE.md, Tests). A spec that took `test` from @playwright/test would silently
 * skip the accessibility scan, so this fails it.
 */
function importProblems(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const problems: string[] = [];
  let testFromFixtures = false;
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const named = clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : [];
    const values = named.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text);
    if (from === "@playwright/test") {
      if (clause.name || (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings)))
        problems.push("imports @playwright/test as a whole: import types only, and `test`/`expect` from ./fixtures");
      for (const v of values) problems.push(`imports \`${v}\` from @playwright/test: take it from ./fixtures`);
    }
    if (from === "./fixtures" && values.includes("test")) testFromFixtures = true;
  }
  if (!testFromFixtures) problems.push("does not import `test` from ./fixtures");
  return problems;
}

describe("e2e specs use the accessibility-scanning test", () => {
  const dir = "tests/e2e";
  const specs = readdirSync(dir).filter((f) => f.endsWith(".spec.ts"));

  it("finds the specs", () => {
    expect(specs.length).toBeGreaterThanOrEqual(10);
  });

  it.each(specs)("%s imports `test` and `expect` from ./fixtures", (spec) => {
    expect(importProblems(spec, readFileSync(path.join(dir, spec), "utf8"))).toEqual([]);
  });

  it("the rule fails a spec that takes `test` from @playwright/test", () => {
    const wrong = 'import { expect, test, type Page } from "@playwright/test";\nimport { signIn } from "./helpers";\n';
    expect(importProblems("wrong.spec.ts", wrong)).toEqual([
      "imports `expect` from @playwright/test: take it from ./fixtures",
      "imports `test` from @playwright/test: take it from ./fixtures",
      "does not import `test` from ./fixtures",
    ]);
    expect(importProblems("wrong.spec.ts", 'import * as pw from "@playwright/test";\nimport { test } from "./fixtures";\n')).toHaveLength(
      1,
    );
    expect(
      importProblems("ok.spec.ts", 'import { type Page } from "@playwright/test";\nimport { expect, test } from "./fixtures";\n'),
    ).toEqual([]);
  });
});
