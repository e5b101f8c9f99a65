import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";

import { db } from "@/server/db";
import { retryJob } from "@/server/jobs/admin";
import { defineJob, type AnyJobDefinition } from "@/server/jobs/define";
import { enqueue } from "@/server/jobs/enqueue";
import { startWorker, type Worker, type WorkerOptions } from "@/server/jobs/worker";

/**
 * The job layer against a real PostgreSQL, with workers in this process. Every test uses job names of its
 * own, so its workers never claim another test's (or another file's) jobs. Waits poll the table.
 */

const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

function work(definitions: AnyJobDefinition[], options: WorkerOptions = {}): Worker {
  const w = startWorker({ definitions, pollMs: 20, log: () => undefined, ...options });
  workers.push(w);
  return w;
}

const unique = (what: string) => `test.${what}.${randomUUID().slice(0, 8)}`;
const payload = z.object({ n: z.number().int() });

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const dbNow = async () => (await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`)[0]!.now;
const jobRow = (id: string) => db.job.findUniqueOrThrow({ where: { id } });
const statusIs = (id: string, status: string) => async () => ((await jobRow(id)).status === status ? jobRow(id) : null);

describe("durable jobs", () => {
  it("a job enqueued in a transaction that rolls back never runs; one that commits does", async () => {
    const ran: number[] = [];
    const job = defineJob({ name: unique("rollback"), schema: payload, handler: async ({ n }) => void ran.push(n) });
    await expect(
      db.$transaction(async (tx) => {
        await enqueue(tx, job, { n: 1 });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    const committed = await db.$transaction((tx) => enqueue(tx, job, { n: 2 }));
    work([job]);
    await waitFor("the committed job", statusIs(committed.id, "SUCCEEDED"));
    expect(ran).toEqual([2]);
    expect(await db.job.count({ where: { name: job.name } })).toBe(1);
  });

  it("a bad payload is refused at enqueue, failing the change", async () => {
    const job = defineJob({ name: unique("payload"), schema: payload, handler: async () => undefined });
    await expect(db.$transaction((tx) => enqueue(tx, job, { n: "x" } as never))).rejects.toThrow();
    expect(await db.job.count({ where: { name: job.name } })).toBe(0);
  });

  it("a failing job is retried with backoff, then marked failed with its last error, and runs again when retried by hand", async () => {
    let calls = 0;
    let healthy = false;
    const failed: { error: string; attempts: number; n: number }[] = [];
    const job = defineJob({
      name: unique("failing"),
      schema: payload,
      retries: 2,
      backoff: { baseMs: 30, maxMs: 1_000 },
      handler: async () => {
        calls++;
        if (!healthy) throw new Error(`boom ${calls}`);
      },
      onFailed: async (tx, p, info) => {
        // Runs in the transaction that marks the job failed: the job is FAILED inside it.
        const row = await tx.job.findUniqueOrThrow({ where: { id: info.jobId }, select: { status: true } });
        expect(row.status).toBe("FAILED");
        failed.push({ error: info.error, attempts: info.attempts, n: p.n });
      },
    });
    const { id } = await db.$transaction((tx) => enqueue(tx, job, { n: 7 }, { subject: "Something that fails" }));
    work([job]);
    const row = await waitFor("the job to fail", statusIs(id, "FAILED"));
    expect(row).toMatchObject({ attempts: 3, maxAttempts: 3, lastError: "boom 3", activeKey: null, subject: "Something that fails" });
    expect(row.finishedAt).not.toBeNull();
    expect(calls).toBe(3);
    expect(failed).toEqual([{ error: "boom 3", attempts: 3, n: 7 }]);

    healthy = true;
    const retried = await retryJob(id);
    expect(retried).toMatchObject({ status: "PENDING", attempts: 0 });
    const done = await waitFor("the retried job", statusIs(id, "SUCCEEDED"));
    expect(done.attempts).toBe(1);
    expect(calls).toBe(4);
    await expect(retryJob(id)).rejects.toMatchObject({ code: "INVALID" });
    await expect(retryJob(randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(retryJob("not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the wait between attempts grows: each retry is scheduled at least the backoff after the failure", async () => {
    const failuresAt: Date[] = [];
    const job = defineJob({
      name: unique("backoff"),
      schema: payload,
      retries: 2,
      backoff: { baseMs: 200, maxMs: 10_000 },
      handler: async () => {
        throw new Error("no");
      },
    });
    const { id } = await db.$transaction((tx) => enqueue(tx, job, { n: 1 }));
    work([job]);
    // After each failure the row is PENDING with runAt in the future by the backoff (200 ms, then 400 ms).
    for (const attempts of [1, 2]) {
      const r = await waitFor(`failure ${attempts}`, async () => {
        const r = await jobRow(id);
        return r.status === "PENDING" && r.attempts === attempts ? r : null;
      });
      const now = await dbNow();
      failuresAt.push(now);
      expect(r.runAt.getTime() - now.getTime()).toBeLessThanOrEqual(200 * 2 ** (attempts - 1));
      expect(r.runAt.getTime()).toBeGreaterThan(r.startedAt!.getTime() + 200 * 2 ** (attempts - 1) - 5);
    }
    await waitFor("the job to fail", statusIs(id, "FAILED"));
  });

  it("dedupe: one pending or running job per key; once it finished, the key can be used again", async () => {
    const release: (() => void)[] = [];
    const job = defineJob({
      name: unique("dedupe"),
      schema: payload,
      handler: () => new Promise<void>((r) => release.push(r)),
    });
    const a = await db.$transaction((tx) => enqueue(tx, job, { n: 1 }, { dedupeKey: "k" }));
    const b = await db.$transaction((tx) => enqueue(tx, job, { n: 2 }, { dedupeKey: "k" }));
    const other = await db.$transaction((tx) => enqueue(tx, job, { n: 3 }, { dedupeKey: "other" }));
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
    expect(other.created).toBe(true);
    // Two transactions enqueuing the same key at once: one row.
    const [c, d] = await Promise.all([
      db.$transaction((tx) => enqueue(tx, job, { n: 4 }, { dedupeKey: "race" })),
      db.$transaction((tx) => enqueue(tx, job, { n: 5 }, { dedupeKey: "race" })),
    ]);
    expect(c.id).toBe(d.id);
    expect([c.created, d.created].sort()).toEqual([false, true]);

    work([job], { concurrency: 1 });
    await waitFor("the first job to run", statusIs(a.id, "RUNNING"));
    // Still deduplicated while running.
    expect((await db.$transaction((tx) => enqueue(tx, job, { n: 6 }, { dedupeKey: "k" }))).id).toBe(a.id);
    release.shift()!();
    await waitFor("the first job to finish", statusIs(a.id, "SUCCEEDED"));
    const again = await db.$transaction((tx) => enqueue(tx, job, { n: 7 }, { dedupeKey: "k" }));
    expect(again.created).toBe(true);
    expect(again.id).not.toBe(a.id);
    // Let the rest finish.
    const rest = [other.id, c.id, again.id];
    await waitFor("the rest", async () => {
      release.splice(0).forEach((r) => r());
      return (await db.job.count({ where: { id: { in: rest }, status: "SUCCEEDED" } })) === rest.length;
    });
  });

  it("a scheduled job does not run before its time", async () => {
    const ranAt = new Map<number, Date>();
    const job = defineJob({
      name: unique("scheduled"),
      schema: payload,
      handler: async ({ n }) => {
        const now = await dbNow();
        ranAt.set(n, now);
      },
    });
    const runAt = new Date(Date.now() + 600);
    const later = await db.$transaction((tx) => enqueue(tx, job, { n: 1 }, { runAt }));
    const now = await db.$transaction((tx) => enqueue(tx, job, { n: 2 }));
    work([job]);
    await waitFor("the immediate job", statusIs(now.id, "SUCCEEDED"));
    expect((await jobRow(later.id)).status).toBe("PENDING");
    await waitFor("the scheduled job", statusIs(later.id, "SUCCEEDED"));
    expect(ranAt.get(1)!.getTime()).toBeGreaterThanOrEqual(runAt.getTime());
  });

  it("a job whose worker died is claimed again after its lease; on its last attempt it is failed and settled", async () => {
    const ran: number[] = [];
    const settled: string[] = [];
    const job = defineJob({
      name: unique("lease"),
      schema: payload,
      retries: 1,
      handler: async ({ n }) => void ran.push(n),
      onFailed: async (_tx, p, info) => void settled.push(`${p.n}: ${info.error}`),
    });
    // Two jobs a dead worker had claimed: one with an attempt left, one on its last attempt.
    const a = await db.$transaction((tx) => enqueue(tx, job, { n: 1 }));
    const b = await db.$transaction((tx) => enqueue(tx, job, { n: 2 }));
    await db.job.update({
      where: { id: a.id },
      data: { status: "RUNNING", attempts: 1, lockedBy: "dead", lockedUntil: new Date(Date.now() - 1) },
    });
    await db.job.update({
      where: { id: b.id },
      data: { status: "RUNNING", attempts: 2, lockedBy: "dead", lockedUntil: new Date(Date.now() - 1) },
    });
    work([job]);
    const doneA = await waitFor("the orphaned job to run again", statusIs(a.id, "SUCCEEDED"));
    expect(doneA.attempts).toBe(2);
    const failedB = await waitFor("the orphaned job on its last attempt to fail", statusIs(b.id, "FAILED"));
    expect(failedB.lastError).toMatch(/Attempt 2 was interrupted: its worker stopped/);
    expect(ran).toEqual([1]);
    expect(settled).toEqual([`2: ${failedB.lastError}`]);
  });

  it("a long job extends its lease, so another worker never takes it while it runs", async () => {
    let runs = 0;
    const job = defineJob({
      name: unique("long"),
      schema: payload,
      handler: async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 900));
      },
    });
    const { id } = await db.$transaction((tx) => enqueue(tx, job, { n: 1 }));
    work([job], { leaseMs: 150 });
    await waitFor("the job to start", statusIs(id, "RUNNING"));
    work([job], { leaseMs: 150 });
    await waitFor("the job to finish", statusIs(id, "SUCCEEDED"));
    expect(runs).toBe(1);
    expect((await jobRow(id)).attempts).toBe(1);
  });

  it("stopping a worker lets running jobs finish within the grace period and gives the others back without using an attempt", async () => {
    let quickDone = false;
    const quick = defineJob({
      name: unique("quick"),
      schema: payload,
      handler: async () => {
        await new Promise((r) => setTimeout(r, 100));
        quickDone = true;
      },
    });
    const stuck = defineJob({ name: unique("stuck"), schema: payload, handler: () => new Promise<void>(() => undefined) });
    const q = await db.$transaction((tx) => enqueue(tx, quick, { n: 1 }));
    const s = await db.$transaction((tx) => enqueue(tx, stuck, { n: 1 }));
    const w = startWorker({ definitions: [quick, stuck], pollMs: 20, shutdownGraceMs: 400, log: () => undefined });
    await waitFor(
      "both to start",
      async () => (await db.job.count({ where: { id: { in: [q.id, s.id] }, status: { not: "PENDING" } } })) === 2,
    );
    await w.stop();
    expect(quickDone).toBe(true);
    expect((await jobRow(q.id)).status).toBe("SUCCEEDED");
    expect(await jobRow(s.id)).toMatchObject({ status: "PENDING", attempts: 0, lockedBy: null });
  });

  it("a recurring job is enqueued once per period by several workers", async () => {
    const runs: string[] = [];
    const job = defineJob({
      name: unique("recurring"),
      schema: z.object({}),
      every: { everyMs: 400 },
      handler: async () => void runs.push("run"),
    });
    work([job], { scheduleEveryMs: 50 });
    work([job], { scheduleEveryMs: 50 });
    work([job], { scheduleEveryMs: 50 });
    const rows = await waitFor("three periods", async () => {
      const r = await db.job.findMany({ where: { name: job.name, status: "SUCCEEDED" }, select: { periodKey: true } });
      return r.length >= 3 ? r : null;
    });
    const keys = rows.map((r) => r.periodKey);
    expect(new Set(keys).size).toBe(keys.length);
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    const all = await db.job.findMany({ where: { name: job.name }, select: { periodKey: true } });
    expect(new Set(all.map((r) => r.periodKey)).size).toBe(all.length);
    expect(runs.length).toBe(await db.job.count({ where: { name: job.name, status: "SUCCEEDED" } }));
  });
});
