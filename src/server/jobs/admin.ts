import "server-only";

import type { JobStatus } from "@/generated/prisma/client";

import { db, type Tx } from "../db";
import { ConflictError, NotFoundError, RuleError } from "../errors";
import { activeKeyOf } from "./schedule";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What leaves the server about a job: never its payload (it may name internal ids), only what it was for. */
export const jobSelect = {
  id: true,
  name: true,
  subject: true,
  status: true,
  attempts: true,
  maxAttempts: true,
  lastError: true,
  runAt: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  programme: { select: { slug: true } },
} as const;

export interface JobView {
  id: string;
  name: string;
  subject: string | null;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: Date;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  programme: { slug: string } | null;
}

/** Jobs, newest first, optionally of one status and one programme (operators: the CLI; managers: through their feature). */
export async function listJobs(filter: { status?: JobStatus; programmeId?: string; limit?: number } = {}): Promise<JobView[]> {
  return db.job.findMany({
    where: { ...(filter.status ? { status: filter.status } : {}), ...(filter.programmeId ? { programmeId: filter.programmeId } : {}) },
    orderBy: [{ finishedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: filter.limit ?? 100,
    select: jobSelect,
  });
}

/**
 * Runs a FAILED job again from a fresh count of attempts, now. Only failed jobs: a pending or running one
 * runs anyway. Refused when another job with the same dedupe key is pending or running.
 * `programmeId` restricts it to that programme's jobs (a manager's retry).
 */
export async function retryJob(
  jobId: string,
  scope: { programmeId?: string } = {},
  /** Runs in the retry's transaction (the caller's audit event). */
  also?: (tx: Tx, job: JobView) => Promise<void>,
): Promise<JobView> {
  if (!UUID.test(jobId)) throw new NotFoundError("No such job.");
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: JobStatus; name: string; dedupeKey: string | null; programmeId: string | null }[]>`
      SELECT "status", "name", "dedupeKey", "programmeId"::text AS "programmeId" FROM "Job" WHERE "id" = ${jobId}::uuid FOR UPDATE`;
    const job = rows[0];
    if (!job || (scope.programmeId !== undefined && job.programmeId !== scope.programmeId)) throw new NotFoundError("No such job.");
    if (job.status !== "FAILED") throw new RuleError(`Only a failed job can be retried; this one is ${job.status.toLowerCase()}.`);
    const activeKey = job.dedupeKey === null ? null : activeKeyOf(job.name, job.dedupeKey);
    if (activeKey && (await tx.job.findUnique({ where: { activeKey }, select: { id: true } })))
      throw new ConflictError("Another job for the same thing is already pending or running.");
    const retried = await tx.job.update({
      where: { id: jobId },
      data: { status: "PENDING", attempts: 0, runAt: new Date(), finishedAt: null, activeKey },
      select: jobSelect,
    });
    await also?.(tx, retried);
    return retried;
  });
}
