/**
 * Every route handler goes through one of the wrappers in src/server/api (docs/decisions/014): each
 * exported HTTP method of every src/app/**\/route.ts is `withApiToken(…)`, `withSession(…)` or
 * `withPublicRoute(…)` imported from there. NextAuth's route is the one listed exception. Route files
 * build no error JSON of their own and never read process.env.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const APP = path.resolve(__dirname, "../../src/app");
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const WRAPPERS: Record<string, string> = {
  withApiToken: "@/server/api/with-api-token",
  withSession: "@/server/api/with-session",
  withPublicRoute: "@/server/api/with-public-route",
};
/** NextAuth owns its requests and responses (redirects, CSRF tokens, its own errors). */
const EXCEPTIONS = new Set(["api/auth/[...nextauth]/route.ts"]);

function routeFiles(dir = APP): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

const hasExport = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The problems of one route file's source: each exported method that is not a wrapper's result. */
function routeProblems(source: string): { methods: string[]; problems: string[] } {
  const file = ts.createSourceFile("route.ts", source, ts.ScriptTarget.Latest, true);
  const imported = new Map<string, string>();
  const methods: string[] = [];
  const problems: string[] = [];
  for (const st of file.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const bindings = st.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) imported.set(el.name.text, st.moduleSpecifier.text);
    }
  }
  for (const st of file.statements) {
    if (ts.isFunctionDeclaration(st) && hasExport(st) && st.name && METHODS.has(st.name.text)) {
      methods.push(st.name.text);
      problems.push(`${st.name.text} is a plain function`);
    } else if (ts.isVariableStatement(st) && hasExport(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || !METHODS.has(d.name.text)) continue;
        methods.push(d.name.text);
        const init = d.initializer;
        const callee = init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) ? init.expression.text : undefined;
        if (!callee || !(callee in WRAPPERS)) problems.push(`${d.name.text} is not withApiToken(…), withSession(…) or withPublicRoute(…)`);
        else if (imported.get(callee) !== WRAPPERS[callee])
          problems.push(`${d.name.text}: ${callee} is not imported from ${WRAPPERS[callee]}`);
      }
    } else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements)
        if (METHODS.has(el.name.text)) {
          methods.push(el.name.text);
          problems.push(`${el.name.text} is re-exported, not wrapped`);
        }
    }
  }
  if (/process\.env/.test(source)) problems.push("reads process.env (use src/server/env.ts)");
  if (/\berror\s*:\s*\{/.test(source)) problems.push("builds its own error JSON (throw an AppError; the wrapper answers it)");
  if (/\bcatch\s*[({]/.test(source)) problems.push("catches errors itself (the wrapper maps them)");
  return { methods, problems };
}

describe("route handlers", () => {
  const files = routeFiles();

  it("finds the app's route files", () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const e of EXCEPTIONS) expect(files.map((f) => path.relative(APP, f))).toContain(e);
  });

  it.each(files.map((f) => [path.relative(APP, f), f]))("%s uses a wrapper for every method", (rel, file) => {
    const { methods, problems } = routeProblems(readFileSync(file, "utf8"));
    expect(methods.length).toBeGreaterThan(0);
    if (EXCEPTIONS.has(rel)) return;
    expect(problems).toEqual([]);
  });

  it("the check fails for a handler written by hand, a wrapper from elsewhere, a re-export, process.env and home-made error JSON", () => {
    const plain = `import { NextResponse } from "next/server";
export async function GET() { return NextResponse.json({ ok: true }); }`;
    expect(routeProblems(plain).problems).toEqual(["GET is a plain function"]);
    const arrow = `export const POST = async () => new Response("x");`;
    expect(routeProblems(arrow).problems).toHaveLength(1);
    const impostor = `import { withSession } from "./my-wrapper";
export const GET = withSession(async () => new Response("x"));`;
    expect(routeProblems(impostor).problems).toEqual(["GET: withSession is not imported from @/server/api/with-session"]);
    const reexport = `const h = () => new Response(""); export { h as GET };`;
    expect(routeProblems(reexport).problems).toEqual(["GET is re-exported, not wrapped"]);
    const leaky = `import { withSession } from "@/server/api/with-session";
export const POST = withSession(async () => {
  try { return Response.json({ url: process.env.NEXTAUTH_URL }); } catch { return Response.json({ error: { code: "X" } }, { status: 500 }); }
});`;
    expect(routeProblems(leaky).problems).toEqual([
      "reads process.env (use src/server/env.ts)",
      "builds its own error JSON (throw an AppError; the wrapper answers it)",
      "catches errors itself (the wrapper maps them)",
    ]);
    const good = `import { withApiToken } from "@/server/api/with-api-token";
export const GET = withApiToken(async () => new Response("x"));`;
    expect(routeProblems(good)).toEqual({ methods: ["GET"], problems: [] });
  });
});
