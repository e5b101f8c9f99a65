/**
 * `npm test`: the whole suite — format, lint, typecheck, knip, unit, integration, e2e — against fresh databases.
 * Database: the machine's PostgreSQL (TEST_DATABASE_ADMIN_URL, default postgres@127.0.0.1:5432) when it
 * answers, with a new database per run for integration and one for e2e, dropped afterwards;
 * otherwise embedded PGlite servers in memory. Nothing is skipped.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

import { startEmbeddedPostgres, type EmbeddedPostgres } from "../src/server/db/embedded";
import { applyMigrations } from "../src/server/db/migrations";

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const only = process.argv.slice(2); // e.g. `npm test -- unit integration`
const want = (step: string) => only.length === 0 || only.includes(step);

/**
 * Runs one step as a child process. Asynchronously on purpose: an embedded database is served by this
 * very process, which must keep answering while the step runs.
 */
async function run(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const started = Date.now();
  console.log(`\n━━ ${title} ━━ ${cmd} ${args.join(" ")}`);
  const child = spawn(cmd, args, { stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  const code = await new Promise<number | string>((resolve) => child.on("exit", (c, signal) => resolve(c ?? signal ?? "?")));
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) throw new Error(`${title} failed (exit ${code}) after ${secs} s`);
  console.log(`━━ ${title} passed in ${secs} s`);
}

async function serverAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface TestDb {
  url: string;
  drop(): Promise<void>;
}

async function freshDatabase(kind: string, useServer: boolean): Promise<TestDb> {
  if (!useServer) {
    const embedded: EmbeddedPostgres = await startEmbeddedPostgres();
    return { url: embedded.url, drop: embedded.stop };
  }
  const name = `gatehouse_${kind}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

async function main() {
  const started = Date.now();
  const bin = (name: string) => `node_modules/.bin/${name}`;
  if (want("format")) await run("format check", bin("prettier"), ["--check", "--log-level=warn", "."]);
  if (want("lint")) await run("lint", bin("eslint"), ["--max-warnings=0", "."]);
  if (want("typecheck")) await run("typecheck", bin("tsc"), ["--noEmit"]);
  if (want("knip")) await run("unused files, exports and dependencies (knip)", bin("knip"), []);
  if (want("unit")) await run("unit tests", bin("vitest"), ["run", "--project", "unit"]);

  const needDb = want("integration") || want("e2e");
  if (!needDb) return;
  const useServer = await serverAnswers(ADMIN_URL);
  console.log(
    `\n━━ databases: ${useServer ? `fresh databases on ${new URL(ADMIN_URL).host}` : "embedded PGlite in memory (no PostgreSQL answered)"}`,
  );
  const dbs: TestDb[] = [];
  try {
    if (want("integration")) {
      const db = await freshDatabase("it", useServer);
      dbs.push(db);
      await applyMigrations(db.url);
      // PGlite is one session behind its socket: run the files one after another there.
      await run("integration tests", bin("vitest"), ["run", "--project", "integration", ...(useServer ? [] : ["--no-file-parallelism"])], {
        ...process.env,
        DATABASE_URL: db.url,
        TEST_DB_KIND: useServer ? "server" : "embedded",
        ...(useServer ? {} : { DATABASE_POOL_MAX: "1" }),
      });
    }
    if (want("e2e")) {
      const db = await freshDatabase("e2e", useServer);
      dbs.push(db);
      await applyMigrations(db.url);
      await run("demo seed for e2e", "node_modules/.bin/tsx", ["--conditions=react-server", "src/cli/index.ts", "seed-demo"], {
        ...process.env,
        DATABASE_URL: db.url,
      });
      const e2eEnv = { ...process.env, DATABASE_URL: db.url, ...(useServer ? {} : { DATABASE_POOL_MAX: "1" }) };
      await run("build", bin("next"), ["build"], e2eEnv);
      await run("e2e tests", bin("playwright"), ["test"], e2eEnv);
    }
  } finally {
    for (const db of dbs) await db.drop().catch((e: unknown) => console.warn(`could not drop a test database: ${String(e)}`));
  }
  console.log(`\n━━ all tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((e: unknown) => {
  console.error(`\n✗ ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
