import "server-only";

import type { z } from "zod";

import { Prisma } from "@/generated/prisma/client";

import type { Tx } from "../db";
import { DEFAULT_RETRIES, type JobDefinition } from "./define";
import { activeKeyOf } from "./schedule";

export interface EnqueueOptions {
  /** The programme the job belongs to: its managers see it on the Jobs page if it fails. */
  programmeId?: string | null;
  /** What it is for, in words; default the definition's describe(payload). */
  subject?: string;
  /** At most one pending or running job of this kind has this key; enqueuing another returns the existing one. */
  dedupeKey?: string;
  /** Not before this time (default now). */
  runAt?: Date;
}

export interface Enqueued {
  id: string;
  /** false when a pending or running job with the same dedupe key already existed (its id is returned). */
  created: boolean;
}

type Queryable = Pick<Tx, "$queryRaw">;

/** The channel workers LISTEN on (on a real PostgreSQL); a notification only shortens their wait. */
export const JOBS_CHANNEL = "gatehouse_jobs";

/**
 * Adds a job in the caller's transaction: pass the Prisma transaction client of the change that causes
 * the job, so the job exists only if that change commits (a rolled-back change fires nothing). The
 * payload is checked against the job's schema here, so a bad payload fails the change, not the worker.
 */
export async function enqueue<S extends z.ZodType>(
  tx: Queryable,
  definition: JobDefinition<S>,
  payload: z.input<S>,
  options: EnqueueOptions = {},
): Promise<Enqueued> {
  const parsed = definition.schema.parse(payload) as z.output<S>;
  const subject = options.subject ?? definition.describe?.(parsed) ?? null;
  const activeKey = options.dedupeKey !== undefined ? activeKeyOf(definition.name, options.dedupeKey) : null;
  const maxAttempts = (definition.retries ?? DEFAULT_RETRIES) + 1;
  const runAt = options.runAt ?? null;
  // A conflicting job may finish between the insert and the look-up: then the insert is tried again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
      INSERT INTO "Job" ("id", "name", "payload", "programmeId", "subject", "dedupeKey", "activeKey", "maxAttempts", "runAt")
      VALUES (gen_random_uuid(), ${definition.name}, ${JSON.stringify(parsed ?? {})}::jsonb, ${options.programmeId ?? null}::uuid,
              ${subject}, ${options.dedupeKey ?? null}, ${activeKey}, ${maxAttempts}, COALESCE(${runAt}::timestamptz, clock_timestamp()))
      ON CONFLICT ("activeKey") DO NOTHING
      RETURNING "id"::text AS "id"`);
    if (rows[0]) {
      // Wakes listening workers when the transaction commits (nothing is sent if it rolls back).
      if (!runAt || runAt.getTime() <= Date.now()) await tx.$queryRaw`SELECT pg_notify(${JOBS_CHANNEL}, ${definition.name})::text AS "n"`;
      return { id: rows[0].id, created: true };
    }
    const existing = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "Job" WHERE "activeKey" = ${activeKey}`;
    if (existing[0]) return { id: existing[0].id, created: false };
  }
  throw new Error(`Job ${definition.name} with key ${options.dedupeKey} was neither created nor found`);
}
