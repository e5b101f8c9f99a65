/**
 * A worker process for tests/integration/jobs-processes.test.ts: the real worker (src/server/jobs) with
 * test job kinds named after JOB_TEST_PREFIX, each recording its runs in the table JOB_TEST_TABLE
 * (job id, this process's pid, what happened). Prints "ready" once it claims jobs; SIGTERM stops it
 * gracefully. Run with `tsx --conditions=react-server tests/support/job-worker.ts`.
 */
import { z } from "zod";

import { db, disconnectDb } from "@/server/db";
import { defineJob } from "@/server/jobs/define";
import { startWorker } from "@/server/jobs/worker";

const prefix = process.env.JOB_TEST_PREFIX!;
const table = process.env.JOB_TEST_TABLE!;
const leaseMs = Number(process.env.JOB_TEST_LEASE_MS ?? 1_000);
const everyMs = Number(process.env.JOB_TEST_EVERY_MS ?? 1_000);
if (!/^[a-z0-9_]+$/.test(table)) throw new Error("JOB_TEST_TABLE must be a plain table name");

async function record(jobId: string, what: string) {
  await db.$executeRawUnsafe(`INSERT INTO "${table}" ("jobId", "pid", "what") VALUES ($1::uuid, $2, $3)`, jobId, process.pid, what);
}

const definitions = [
  defineJob({ name: `${prefix}.count`, schema: z.object({ n: z.number() }), handler: (_p, ctx) => record(ctx.jobId, "run") }),
  defineJob({ name: `${prefix}.tick`, schema: z.object({}), every: { everyMs }, handler: (_p, ctx) => record(ctx.jobId, "tick") }),
  defineJob({
    name: `${prefix}.hang`,
    schema: z.object({}),
    retries: 2,
    handler: async (_p, ctx) => {
      await record(ctx.jobId, `start ${ctx.attempt}`);
      if (ctx.attempt === 1) await new Promise(() => undefined); // until the process is killed
    },
  }),
];

const worker = startWorker({
  definitions,
  concurrency: 4,
  pollMs: 25,
  leaseMs,
  scheduleEveryMs: Math.min(100, everyMs),
  log: () => undefined,
});
console.log("ready");

const stop = async () => {
  await worker.stop();
  await disconnectDb();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
