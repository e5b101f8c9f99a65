/**
 * `npm run worker [-- --concurrency N --poll-ms N --lease-ms N --programme <slug>]`: runs the job worker in
 * a process of its own (the app's `npm start` runs one too unless GATEHOUSE_WORKER=off). Several workers
 * and apps may share one PostgreSQL: each job runs in one of them. Database: DATABASE_URL, else the
 * embedded database of a running `npm start`, else the embedded data folder (as `npm run cli`).
 * SIGTERM or SIGINT stops it gracefully: no new jobs, running ones finish (or are given back).
 */
import { existsSync, readFileSync } from "node:fs";

import { resolveOperatorDatabase } from "../src/server/db/embedded";

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function numberFlag(name: string): number | undefined {
  const v = flag(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number`);
  return n;
}

async function main() {
  if (process.argv.includes("--help")) {
    console.log(`npm run worker [-- options]
  --concurrency N     jobs run at once (default GATEHOUSE_WORKER_CONCURRENCY, 4)
  --poll-ms N         how often an idle worker looks for jobs (default GATEHOUSE_WORKER_POLL_MS, 500)
  --lease-ms N        lease of every job (default each job's own, 60 s)
  --programme <slug>  only this programme's jobs`);
    return;
  }
  const database = await resolveOperatorDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_POOL_MAX ??= database.embedded ? "1" : "4";
  const keyFile = ".gatehouse/encryption-key"; // written by `npm start` when GATEHOUSE_ENCRYPTION_KEY is not set
  if (!process.env.GATEHOUSE_ENCRYPTION_KEY && existsSync(keyFile))
    process.env.GATEHOUSE_ENCRYPTION_KEY = readFileSync(keyFile, "utf8").trim();

  const { env } = await import("../src/server/env");
  const { db, disconnectDb } = await import("../src/server/db");
  const { registerAllJobs } = await import("../src/jobs");
  const { registeredJobs } = await import("../src/server/jobs/registry");
  const { startWorker } = await import("../src/server/jobs/worker");
  registerAllJobs();

  let programmeIds: string[] | undefined;
  const slug = flag("programme");
  if (slug) {
    const p = await db.programme.findUnique({ where: { slug }, select: { id: true } });
    if (!p) throw new Error(`No programme with the slug "${slug}".`);
    programmeIds = [p.id];
  }
  const worker = startWorker({
    concurrency: numberFlag("concurrency") ?? env().GATEHOUSE_WORKER_CONCURRENCY,
    pollMs: numberFlag("poll-ms") ?? env().GATEHOUSE_WORKER_POLL_MS,
    leaseMs: numberFlag("lease-ms"),
    programmeIds,
  });
  console.log(
    `[gatehouse] worker ${worker.id} is running: ${registeredJobs()
      .map((d) => d.name)
      .join(", ")}${slug ? ` (programme ${slug} only)` : ""}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[gatehouse] ${signal}: the worker stops claiming jobs and lets running ones finish`);
    await worker.stop();
    await disconnectDb();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((e: unknown) => {
  console.error(`[gatehouse] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
