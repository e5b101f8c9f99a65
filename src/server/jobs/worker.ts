import "server-only";

import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import pg from "pg";

import { Prisma } from "@/generated/prisma/client";

import { db, type Tx } from "../db";
import { env } from "../env";
import { DEFAULT_LEASE_MS, DEFAULT_RETRIES, type AnyJobDefinition } from "./define";
import { JOBS_CHANNEL } from "./enqueue";
import { registeredJobs } from "./registry";
import { backoffMs, DEFAULT_BACKOFF, periodKey, periodStart } from "./schedule";

/**
 * The worker: claims due jobs with FOR UPDATE SKIP LOCKED (so any number of processes share one table and
 * each job runs in one of them), runs their handlers with bounded concurrency, extends each running job's
 * lease while its handler runs, retries failures with exponential backoff up to the job's maximum, then
 * marks the job FAILED with its last error and calls the job's onFailed in that transaction. A job whose
 * worker died (its lease expired) is given back to the queue, or failed if that was its last attempt.
 * Recurring jobs are enqueued once per period, settled by a unique key. docs/decisions/013.
 */

export interface WorkerOptions {
  /** Job kinds to run (default: every registered one). */
  definitions?: AnyJobDefinition[];
  /** Jobs run at once (default 4). */
  concurrency?: number;
  /** How often an idle worker looks for due jobs (default 500 ms). */
  pollMs?: number;
  /** Overrides every job's lease (tests use short ones). */
  leaseMs?: number;
  /** How often recurring jobs are enqueued for their current period (default 30 s). */
  scheduleEveryMs?: number;
  /** Only these programmes' jobs (tests sharing a database; an operator's choice). */
  programmeIds?: string[];
  /** On stop, how long running jobs may take to finish before their leases are released (default 25 s). */
  shutdownGraceMs?: number;
  log?: (line: string) => void;
  /**
   * LISTEN for new jobs on a connection of its own, so a job starts without waiting for the next poll.
   * Default: when the pool has more than one connection (not the embedded database, which is one session).
   */
  listen?: boolean;
}

export interface Worker {
  id: string;
  /** Jobs running now. */
  running(): number;
  /** Stops claiming, lets running jobs finish within the grace period, releases the leases of the rest. */
  stop(): Promise<void>;
}

interface ClaimedJob {
  id: string;
  name: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  programmeId: string | null;
}

const MAX_ERROR_LENGTH = 2_000;

export function errorMessage(e: unknown): string {
  const text = e instanceof Error ? e.message || e.name : String(e);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

const interval = (ms: number) => Prisma.sql`(${Math.round(ms)}::int * interval '1 millisecond')`;

export function startWorker(options: WorkerOptions = {}): Worker {
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const definitions = new Map((options.definitions ?? registeredJobs()).map((d) => [d.name, d]));
  const concurrency = options.concurrency ?? 4;
  const pollMs = options.pollMs ?? 500;
  const periods = (options.definitions ?? registeredJobs()).flatMap((d) => (d.every ? [d.every.everyMs] : []));
  const scheduleEveryMs = options.scheduleEveryMs ?? Math.min(30_000, ...periods);
  const graceMs = options.shutdownGraceMs ?? 25_000;
  const log = options.log ?? ((line: string) => console.log(`[gatehouse] ${line}`));
  const leaseOf = (d: AnyJobDefinition) => options.leaseMs ?? d.leaseMs ?? DEFAULT_LEASE_MS;
  const names = [...definitions.keys()];
  const programmeFilter = options.programmeIds
    ? Prisma.sql`AND j."programmeId" IN (${Prisma.join(options.programmeIds.map((p) => Prisma.sql`${p}::uuid`))})`
    : Prisma.empty;

  const active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  let stopping = false;
  let stopped: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  let woken = false; // a wake-up while the loop was busy: its next sleep returns at once
  const wake = () => {
    if (wakeUp) wakeUp();
    else woken = true;
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) {
        woken = false;
        return resolve();
      }
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  async function claim(limit: number): Promise<ClaimedJob[]> {
    if (names.length === 0 || limit <= 0) return [];
    const defs = Prisma.join([...definitions.values()].map((d) => Prisma.sql`(${d.name}::text, ${leaseOf(d)}::int)`));
    return db.$queryRaw<ClaimedJob[]>(Prisma.sql`
      WITH defs("name", "leaseMs") AS (VALUES ${defs}),
      due AS (
        SELECT j."id", d."leaseMs" FROM "Job" j JOIN defs d ON d."name" = j."name"
        WHERE j."status" = 'PENDING' AND j."runAt" <= clock_timestamp() ${programmeFilter}
        ORDER BY j."runAt", j."createdAt" LIMIT ${limit}
        FOR UPDATE OF j SKIP LOCKED)
      UPDATE "Job" j SET "status" = 'RUNNING', "attempts" = j."attempts" + 1, "lockedBy" = ${id},
        "lockedUntil" = clock_timestamp() + due."leaseMs" * interval '1 millisecond', "startedAt" = clock_timestamp()
      FROM due WHERE j."id" = due."id"
      RETURNING j."id"::text AS "id", j."name", j."payload", j."attempts", j."maxAttempts", j."programmeId"::text AS "programmeId"`);
  }

  /** Marks the job FAILED after its last attempt and lets its definition settle what it was doing, in one transaction. */
  async function failFinally(tx: Tx, job: ClaimedJob, definition: AnyJobDefinition | undefined, error: string) {
    await tx.$executeRaw`
      UPDATE "Job" SET "status" = 'FAILED', "lastError" = ${error}, "finishedAt" = clock_timestamp(),
        "lockedBy" = NULL, "lockedUntil" = NULL, "activeKey" = NULL
      WHERE "id" = ${job.id}::uuid`;
    if (definition?.onFailed) {
      const payload = definition.schema.safeParse(job.payload);
      if (payload.success) await definition.onFailed(tx, payload.data, { jobId: job.id, attempts: job.attempts, error });
    }
    log(`job ${job.name} ${job.id} failed after ${job.attempts} attempt(s): ${error}`);
  }

  /** Gives lost jobs back: a RUNNING job whose lease expired had a worker that died (or hung). */
  async function reapExpired(): Promise<void> {
    if (names.length === 0) return;
    await db.$transaction(async (tx) => {
      const expired = await tx.$queryRaw<ClaimedJob[]>(Prisma.sql`
        SELECT j."id"::text AS "id", j."name", j."payload", j."attempts", j."maxAttempts", j."programmeId"::text AS "programmeId"
        FROM "Job" j WHERE j."status" = 'RUNNING' AND j."lockedUntil" < clock_timestamp()
          AND j."name" IN (${Prisma.join(names)}) ${programmeFilter}
        ORDER BY j."lockedUntil" LIMIT 20 FOR UPDATE SKIP LOCKED`);
      for (const job of expired) {
        const error = `Attempt ${job.attempts} was interrupted: its worker stopped before finishing (the lease expired).`;
        if (job.attempts >= job.maxAttempts) await failFinally(tx, job, definitions.get(job.name), error);
        else
          await tx.$executeRaw`
            UPDATE "Job" SET "status" = 'PENDING', "lastError" = ${error}, "runAt" = clock_timestamp(), "lockedBy" = NULL, "lockedUntil" = NULL
            WHERE "id" = ${job.id}::uuid`;
      }
    });
  }

  /** Enqueues each recurring job for the current period; the unique period key makes it once across processes. */
  async function enqueueRecurring(): Promise<void> {
    const now = new Date();
    for (const d of definitions.values()) {
      if (!d.every) continue;
      const payload = d.schema.parse({});
      const start = periodStart(now, d.every.everyMs);
      await db.$executeRaw`
        INSERT INTO "Job" ("id", "name", "payload", "subject", "periodKey", "maxAttempts", "runAt")
        VALUES (gen_random_uuid(), ${d.name}, ${JSON.stringify(payload ?? {})}::jsonb, ${d.describe?.(payload) ?? null},
                ${periodKey(d.name, now, d.every.everyMs)}, ${(d.retries ?? DEFAULT_RETRIES) + 1}, ${start})
        ON CONFLICT ("periodKey") DO NOTHING`;
    }
  }

  async function run(job: ClaimedJob): Promise<void> {
    const definition = definitions.get(job.name)!;
    const controller = new AbortController();
    const leaseMs = leaseOf(definition);
    const heartbeat = setInterval(
      () => {
        db.$executeRaw`
          UPDATE "Job" SET "lockedUntil" = clock_timestamp() + ${interval(leaseMs)}
          WHERE "id" = ${job.id}::uuid AND "status" = 'RUNNING' AND "lockedBy" = ${id}`
          .then((n) => {
            if (n === 0) controller.abort(new Error("The job's lease was lost."));
          })
          .catch((e: unknown) => log(`could not extend the lease of job ${job.id}: ${errorMessage(e)}`));
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref?.();
    const entry = { controller, done: Promise.resolve() };
    active.set(job.id, entry);
    entry.done = (async () => {
      try {
        const payload = definition.schema.parse(job.payload);
        await definition.handler(payload, {
          jobId: job.id,
          attempt: job.attempts,
          maxAttempts: job.maxAttempts,
          programmeId: job.programmeId,
          signal: controller.signal,
        });
        clearInterval(heartbeat);
        const n = await db.$executeRaw`
          UPDATE "Job" SET "status" = 'SUCCEEDED', "finishedAt" = clock_timestamp(), "lockedBy" = NULL, "lockedUntil" = NULL, "activeKey" = NULL
          WHERE "id" = ${job.id}::uuid AND "status" = 'RUNNING' AND "lockedBy" = ${id}`;
        if (n === 0) log(`job ${job.name} ${job.id} finished after its lease was lost; the queue had already given it back`);
      } catch (e) {
        clearInterval(heartbeat);
        const error = errorMessage(e);
        await db.$transaction(async (tx) => {
          const owned = await tx.$queryRaw<{ id: string }[]>`
            SELECT "id" FROM "Job" WHERE "id" = ${job.id}::uuid AND "status" = 'RUNNING' AND "lockedBy" = ${id} FOR UPDATE`;
          if (owned.length === 0) return; // given back meanwhile (lease lost, or released on shutdown)
          if (job.attempts >= job.maxAttempts) return failFinally(tx, job, definition, error);
          const wait = backoffMs(job.attempts, definition.backoff ?? DEFAULT_BACKOFF);
          await tx.$executeRaw`
            UPDATE "Job" SET "status" = 'PENDING', "lastError" = ${error}, "runAt" = clock_timestamp() + ${interval(wait)},
              "lockedBy" = NULL, "lockedUntil" = NULL
            WHERE "id" = ${job.id}::uuid`;
          log(
            `job ${job.name} ${job.id} attempt ${job.attempts} of ${job.maxAttempts} failed (next in ${Math.round(wait / 1000)} s): ${error}`,
          );
        });
      }
    })()
      .catch((e: unknown) => log(`could not record the outcome of job ${job.name} ${job.id}: ${errorMessage(e)}`))
      .finally(() => {
        clearInterval(heartbeat);
        active.delete(job.id);
        wake();
      });
  }

  // A dedicated connection that LISTENs: a committed enqueue wakes the loop at once. Polling stays the
  // backstop (a lost connection is reopened on a later turn of the loop).
  let listener: pg.Client | null = null;
  let listenerRetryAt = 0;
  const listen = options.listen ?? env().DATABASE_POOL_MAX > 1;
  async function ensureListener() {
    if (!listen || listener || stopping || Date.now() < listenerRetryAt) return;
    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    const drop = (e?: Error) => {
      if (listener !== client) return;
      listener = null;
      listenerRetryAt = Date.now() + 5_000;
      if (e && !stopping) log(`the job worker's LISTEN connection was lost (${e.message}); polling meanwhile`);
      void client.end().catch(() => undefined);
    };
    client.on("error", drop);
    client.on("end", () => drop());
    client.on("notification", () => wake());
    listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${JOBS_CHANNEL}`);
    } catch (e) {
      drop(e instanceof Error ? e : new Error(String(e)));
    }
  }

  /** Succeeded jobs are kept two weeks (what ran, when), then deleted; failed ones stay until retried. */
  async function prune(): Promise<void> {
    await db.$executeRaw`
      DELETE FROM "Job" WHERE "id" IN (
        SELECT "id" FROM "Job" WHERE "status" = 'SUCCEEDED' AND "finishedAt" < clock_timestamp() - interval '14 days' LIMIT 1000)`;
  }

  const loop = (async () => {
    let lastPrune = 0;
    let lastSchedule = 0;
    let lastReap = 0;
    while (!stopping) {
      let claimed = 0;
      try {
        await ensureListener();
        const now = Date.now();
        if (now - lastPrune >= 3_600_000) {
          lastPrune = now;
          await prune();
        }
        if (now - lastSchedule >= scheduleEveryMs) {
          lastSchedule = now;
          await enqueueRecurring();
        }
        if (now - lastReap >= pollMs) {
          lastReap = now;
          await reapExpired();
        }
        const jobs = stopping ? [] : await claim(concurrency - active.size);
        claimed = jobs.length;
        for (const job of jobs) void run(job);
      } catch (e) {
        log(`the job worker could not reach the database (${errorMessage(e)}); trying again`);
      }
      // Claim again at once while jobs keep coming and slots are free; otherwise wait for a slot or the next poll.
      if (stopping) break;
      if (claimed === 0 || active.size >= concurrency) await sleep(pollMs);
    }
  })();

  return {
    id,
    running: () => active.size,
    stop() {
      stopped ??= shutdown();
      return stopped;
    },
  };

  async function shutdown(): Promise<void> {
    stopping = true;
    wake();
    await loop;
    const all = Promise.all([...active.values()].map((a) => a.done));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise<void>((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
    for (const [jobId, a] of active) {
      a.controller.abort(new Error("The worker is stopping."));
      // Not counted as an attempt: the job starts again at once elsewhere.
      await db.$executeRaw`
          UPDATE "Job" SET "status" = 'PENDING', "attempts" = GREATEST("attempts" - 1, 0), "runAt" = clock_timestamp(),
            "lockedBy" = NULL, "lockedUntil" = NULL
          WHERE "id" = ${jobId}::uuid AND "status" = 'RUNNING' AND "lockedBy" = ${id}`.catch(() => undefined);
    }
  }
}
