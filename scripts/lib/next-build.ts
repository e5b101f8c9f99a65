import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = ["src", "public", "next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];
/** Written beside the build: the hash of the sources it was built from. */
const HASH_FILE = path.join(".next", "gatehouse-sources.sha256");

function files(root: string, p: string): string[] {
  const full = path.join(root, p);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [p];
  return readdirSync(full)
    .sort()
    .flatMap((entry) => files(root, path.join(p, entry)));
}

/** SHA-256 over the sources' paths and contents: the same sources give the same hash whatever their timestamps (a fresh clone). */
export function sourcesHash(root = process.cwd()): string {
  const h = createHash("sha256");
  for (const f of SOURCES.flatMap((s) => files(root, s)))
    h.update(f)
      .update("\0")
      .update(readFileSync(path.join(root, f)))
      .update("\0");
  return h.digest("hex");
}

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/**
 * True when there is no production build, or it was built from other sources: the hash recorded with the
 * build differs from the sources' hash now. A build made without a recorded hash (by `next build` by hand)
 * is stale when a source file is newer than it.
 */
export function buildIsStale(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const recorded = path.join(root, HASH_FILE);
  if (existsSync(recorded)) return readFileSync(recorded, "utf8").trim() !== sourcesHash(root);
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

/**
 * `next build` in `root`, recording the hash of the sources it started from (an edit during the build
 * leaves it stale). `skipTypecheck`: the typecheck is `npm test`'s job (`npm run typecheck`); a start does
 * not wait for it (next.config.ts reads GATEHOUSE_BUILD_SKIP_TYPECHECK).
 */
export async function nextBuild(
  env: NodeJS.ProcessEnv,
  opts: { root?: string; quiet?: boolean; skipTypecheck?: boolean } = {},
): Promise<void> {
  const root = opts.root ?? process.cwd();
  const hash = sourcesHash(root);
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: opts.quiet ? ["ignore", "ignore", "pipe"] : "inherit",
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1", ...(opts.skipTypecheck ? { GATEHOUSE_BUILD_SKIP_TYPECHECK: "1" } : {}) },
  });
  let errors = "";
  child.stderr?.on("data", (d: Buffer) => (errors = (errors + d.toString()).slice(-4000)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (c, signal) => resolve(c ?? (signal ? -1 : null)));
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code})${errors ? `:\n${errors}` : ""}`);
  writeFileSync(path.join(root, HASH_FILE), hash);
}
