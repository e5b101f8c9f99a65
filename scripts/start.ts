/**
 * `npm start`: one command from a fresh clone to a running Gatehouse.
 * - DATABASE_URL set: that PostgreSQL. Not set: embedded PGlite served over the Postgres protocol,
 *   data under .gatehouse/, seeded with the demo programmes on first start.
 * - Applies pending migrations, builds the app if the build is missing or was made from other sources
 *   (a hash of the sources), starts it on PORT (default 3000) and prints the URL (and, for the demo
 *   database, the demo sign-ins). The build runs while the database starts, migrates and seeds, and says
 *   that it is building and about how long that takes (the last build's time on this machine).
 * `npm run dev` does the same with `next dev`.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { startEmbeddedPostgres, type EmbeddedPostgres } from "../src/server/db/embedded";
import { buildIsStale, nextBuild } from "./lib/next-build";

const dev = process.argv.includes("--dev");
const root = process.cwd();
const stateDir = path.join(root, ".gatehouse");

function log(msg: string) {
  console.log(`[gatehouse] ${msg}`);
}

function secret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  mkdirSync(stateDir, { recursive: true });
  const file = path.join(stateDir, "nextauth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** Encrypts programmes' Anthropic keys at rest; generated once into .gatehouse/ unless set. */
function encryptionKey(): string {
  if (process.env.GATEHOUSE_ENCRYPTION_KEY) return process.env.GATEHOUSE_ENCRYPTION_KEY;
  mkdirSync(stateDir, { recursive: true });
  const file = path.join(stateDir, "encryption-key");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main() {
  const started = Date.now();
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a TCP port number, got "${process.env.PORT}"`);
  const baseUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;

  // The production build, when it is missing or stale, runs beside the database's start, migrations and seed.
  const building = !dev && buildIsStale(root) ? startBuild() : null;
  building?.catch(() => undefined); // awaited below, after the database work

  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    log("DATABASE_URL is not set: starting the embedded PostgreSQL (PGlite), data in .gatehouse/pgdata");
    embedded = await startEmbeddedPostgres(path.join(stateDir, "pgdata"));
    databaseUrl = embedded.url;
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    // PGlite is one session: concurrent statements from several connections can interleave through
    // its socket server (docs/decisions/001), so the embedded app uses a single connection.
    DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? (embedded ? "1" : undefined),
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: secret(),
    GATEHOUSE_ENCRYPTION_KEY: encryptionKey(),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(process.env, env);

  const shutdown = async (code: number) => {
    child?.kill("SIGTERM");
    await embedded?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  if (embedded) {
    // Lets `npm run cli` reach the running embedded database instead of opening the data folder twice.
    writeFileSync(path.join(stateDir, "runtime.json"), JSON.stringify({ pid: process.pid, databaseUrl }));
  }

  const { applyMigrations } = await import("../src/server/db/migrations");
  const { applied } = await applyMigrations(databaseUrl);
  log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "database schema is up to date");

  let demo = false;
  if (embedded) {
    const { seedDemoIfEmpty } = await import("../src/demo/seed-demo");
    const seeded = await seedDemoIfEmpty();
    demo = true;
    if (seeded) log("seeded the demo programmes (acme, globex)");
    const { disconnectDb } = await import("../src/server/db");
    await disconnectDb();
  }

  if (building) await building;

  const next = path.join(root, "node_modules", ".bin", "next");
  child = spawn(next, [dev ? "dev" : "start", "-p", String(port)], { stdio: ["ignore", "inherit", "inherit"], env });
  child.on("exit", (code) => void shutdown(code ?? 0));

  if (await waitForHttp(`http://127.0.0.1:${port}/signin`, 120_000)) {
    log(`Gatehouse is running at ${baseUrl}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (demo) {
      const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("../src/demo/accounts");
      log(`demo sign-ins (password "${DEMO_PASSWORD}"):`);
      for (const a of DEMO_ACCOUNTS) log(`  ${a.email.padEnd(24)} ${a.description}`);
    }
  } else {
    log("the app did not answer within 120 s; see the output above");
  }
}

let child: ReturnType<typeof spawn> | undefined;

/** Seconds the last build took here, kept in .gatehouse/ to tell the next first start what to expect. */
const buildTimeFile = path.join(stateDir, "build-seconds");

function startBuild(): Promise<void> {
  const last = existsSync(buildTimeFile) ? Number(readFileSync(buildTimeFile, "utf8")) : NaN;
  log(
    `building the app first (next build, once until the sources change): ${
      Number.isFinite(last) && last > 0 ? `about ${Math.round(last)} s, as the last build here` : "about a minute on a laptop"
    }. The database gets ready meanwhile.`,
  );
  const t0 = Date.now();
  const ticker = setInterval(() => log(`still building… ${Math.round((Date.now() - t0) / 1000)} s`), 20_000);
  // NEXT_TELEMETRY_DISABLED and no typecheck (npm test's job); the build does not need the database.
  return nextBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, { root, skipTypecheck: true }).then(
    () => {
      clearInterval(ticker);
      const secs = (Date.now() - t0) / 1000;
      mkdirSync(stateDir, { recursive: true });
      writeFileSync(buildTimeFile, String(Math.round(secs)));
      log(`built in ${secs.toFixed(0)} s`);
    },
    (e: unknown) => {
      clearInterval(ticker);
      throw e;
    },
  );
}

main().catch((e: unknown) => {
  console.error(`[gatehouse] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
