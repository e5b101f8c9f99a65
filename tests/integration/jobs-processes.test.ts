import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { db } from "@/server/db";
import { defineJob } from "@/server/jobs/define";
import { enqueue } from "@/server/jobs/enqueue";

/**
 * Several worker PROCESSES on one database (tests/support/job-worker.ts, the real worker with test jobs):
 * every job runs exactly once, a recurring job once per period, and a job whose process is killed
 * (SIGKILL) mid-run is run again after its lease.
 */

const suffix = randomUUID().slice(0, 8);
const prefix = `proc-${suffix}`;
const table = `job_test_runs_${suffix}`;
const LEASE_MS = 1_000;
const EVERY_MS = 1_000;
const children: ChildProcess[] = [];

// The same kinds as the worker process defines (only enqueued here).
const countJob = defineJob({ name: `${prefix}.count`, schema: z.object({ n: z.number() }), handler: async () => undefined });
const hangJob = defineJob({ name: `${prefix}.hang`, schema: z.object({}), retries: 2, handler: async () => undefined });

function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/support/job-worker.ts"], {
    env: {
      ...process.env,
      DATABASE_POOL_MAX: "4",
      JOB_TEST_PREFIX: prefix,
      JOB_TEST_TABLE: table,
      JOB_TEST_LEASE_MS: String(LEASE_MS),
      JOB_TEST_EVERY_MS: String(EVERY_MS),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (b: Buffer) => {
      if (b.toString().includes("ready")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`worker process exited with ${code} before it was ready`)));
  });
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Run = { jobId: string; pid: number; what: string };
const runs = () => db.$queryRawUnsafe<Run[]>(`SELECT "jobId"::text AS "jobId", "pid", "what" FROM "${table}"`);

beforeAll(async () => {
  await db.$executeRawUnsafe(`CREATE TABLE "${table}" ("jobId" uuid NOT NULL, "pid" int NOT NULL, "what" text NOT NULL)`);
});

afterAll(async () => {
  await Promise.all(children.map((c) => stopProcess(c, "SIGKILL")));
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${table}"`);
  await db.job.deleteMany({ where: { name: { startsWith: `${prefix}.` } } });
});

describe("worker processes on one database", () => {
  it("two processes run each of 200 jobs exactly once, and the recurring job once per period", async () => {
    const [a, b] = await Promise.all([startWorkerProcess(), startWorkerProcess()]);
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 20) {
      const batch = await db.$transaction(async (tx) => {
        const out: string[] = [];
        for (let n = i; n < i + 20; n++) out.push((await enqueue(tx, countJob, { n })).id);
        return out;
      });
      ids.push(...batch);
    }
    await waitFor("200 jobs", async () => (await db.job.count({ where: { id: { in: ids }, status: "SUCCEEDED" } })) === 200);
    // Let the recurring job pass three periods while both processes run.
    await waitFor("three periods of the recurring job", async () => {
      return (await db.job.count({ where: { name: `${prefix}.tick`, status: "SUCCEEDED" } })) >= 3;
    });
    await Promise.all([stopProcess(a), stopProcess(b)]);

    const all = await runs();
    const counted = all.filter((r) => r.what === "run");
    expect(counted.length).toBe(200);
    expect(new Set(counted.map((r) => r.jobId))).toEqual(new Set(ids));
    // Both processes took part (200 jobs between two pollers that claim as soon as jobs appear).
    expect(new Set(counted.map((r) => r.pid))).toEqual(new Set([a.pid, b.pid]));

    const ticks = await db.job.findMany({ where: { name: `${prefix}.tick` }, select: { id: true, periodKey: true, status: true } });
    expect(new Set(ticks.map((t) => t.periodKey)).size).toBe(ticks.length);
    const tickRuns = all.filter((r) => r.what === "tick");
    expect(tickRuns.length).toBe(ticks.filter((t) => t.status === "SUCCEEDED").length);
    expect(new Set(tickRuns.map((r) => r.jobId)).size).toBe(tickRuns.length);
  });

  it("a process killed mid-job (SIGKILL): the job is run again by another process after its lease", async () => {
    const first = await startWorkerProcess();
    const { id } = await db.$transaction((tx) => enqueue(tx, hangJob, {}));
    await waitFor("the job to start in the first process", async () => (await runs()).some((r) => r.jobId === id && r.what === "start 1"));
    await stopProcess(first, "SIGKILL");
    expect((await db.job.findUniqueOrThrow({ where: { id } })).status).toBe("RUNNING");
    const second = await startWorkerProcess();
    const done = await waitFor("the job to be run again", async () => {
      const j = await db.job.findUniqueOrThrow({ where: { id } });
      return j.status === "SUCCEEDED" ? j : null;
    });
    expect(done.attempts).toBe(2);
    expect(done.lastError).toMatch(/Attempt 1 was interrupted: its worker stopped/);
    const starts = (await runs()).filter((r) => r.jobId === id);
    expect(starts).toEqual([
      { jobId: id, pid: first.pid, what: "start 1" },
      { jobId: id, pid: second.pid, what: "start 2" },
    ]);
    await stopProcess(second);
  });
});
