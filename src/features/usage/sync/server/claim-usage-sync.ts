import "server-only";

import { randomUUID } from "node:crypto";

import { calendarDateOf, toUtcDate } from "@/domain/dates";
import {
  ANALYTICS_DELAY_DAYS,
  clampRangeFor,
  emptyEndpointProgress,
  heartbeatIsStale,
  readProgress,
  scheduledSyncDue,
  type EndpointProgress,
  type SyncKeyKind,
  type SyncProgress,
} from "@/domain/sync";
import type { Prisma } from "@/generated/prisma/client";
import { appendAudit, type AuditActor } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { ConflictError, NotFoundError, RuleError } from "@/server/errors";
import { enqueue } from "@/server/jobs/enqueue";

import { SYNC_ENDPOINTS } from "../endpoints";
import { usageSyncRunJob } from "../jobs";
import { keyLabel } from "./anthropic-key-select";

/**
 * Claiming a sync is settled in the database, so two requests or two app processes never run two syncs
 * of one programme: the claim locks the Programme row (SELECT … FOR UPDATE), settles running syncs whose
 * heartbeat went stale (they count as failed), and refuses while one with a fresh heartbeat runs.
 */

export const SCHEDULER_ACTOR: AuditActor = { id: null, label: "system (daily usage sync)" };
const STALE_ACTOR: AuditActor = { id: null, label: "system (usage sync)" };

export const dateOf = (day: string) => toUtcDate(day);
export const dayOf = (d: Date) => calendarDateOf(d);

const CLAIM_TX = { maxWait: 15_000, timeout: 20_000 };

type RunningSync = { id: string; startedAt: Date; startedBy: string | null };

async function lockProgramme(tx: Tx, programmeId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Programme" WHERE "id" = ${programmeId}::uuid FOR UPDATE`;
}

export const staleMessage = (heartbeatAt: Date) =>
  `Stopped without finishing: no progress since ${heartbeatAt.toISOString().replace("T", " ").slice(0, 16)} UTC (the app was probably restarted). Resume continues from the last page saved.`;

/** Marks stale running syncs failed; returns the one still running with a fresh heartbeat, if any. */
async function settleRunning(tx: Tx, programmeId: string, now: Date): Promise<RunningSync | null> {
  const running = await tx.usageSync.findMany({
    where: { programmeId, status: "RUNNING" },
    select: { id: true, heartbeatAt: true, startedAt: true, startedBy: true },
  });
  let fresh: RunningSync | null = null;
  for (const r of running) {
    if (!heartbeatIsStale(r.heartbeatAt, now)) {
      fresh = r;
      continue;
    }
    const error = staleMessage(r.heartbeatAt);
    const done = await tx.usageSync.update({
      where: { id: r.id },
      data: { status: "FAILED", error, finishedAt: now },
      select: { pages: true, records: true },
    });
    await appendAudit(tx, {
      programmeId,
      actor: STALE_ACTOR,
      action: "usage.sync.fail",
      entityType: "UsageSync",
      entityId: r.id,
      after: { ...done, error },
    });
  }
  return fresh;
}

const alreadyRunning = (r: RunningSync) =>
  new ConflictError(
    `A sync of this programme is already running (started ${r.startedAt.toISOString().replace("T", " ").slice(0, 16)} UTC${r.startedBy ? ` by ${r.startedBy}` : ""}); wait for it to finish.`,
  );

/** Which endpoints the configured keys allow, each clamped to the days its source has published. */
export function initialProgress(kinds: readonly SyncKeyKind[], from: string, to: string, now: Date): SyncProgress {
  const endpoints: Record<string, EndpointProgress> = {};
  for (const e of SYNC_ENDPOINTS) {
    if (!kinds.includes(e.kind)) continue;
    const range = clampRangeFor(e.kind, from, to, now);
    if (!range) {
      endpoints[e.key] = {
        ...emptyEndpointProgress(from, to, false),
        state: "skipped",
        note: `Not published yet: Claude Enterprise analytics publish a day about ${ANALYTICS_DELAY_DAYS} days after it.`,
      };
      continue;
    }
    const p = emptyEndpointProgress(range.from, range.to, e.per === "day");
    if (range.to < to) p.note = `Up to ${range.to}: later days are not published yet (about ${ANALYTICS_DELAY_DAYS} days' delay).`;
    if (e.key === "analytics_summaries")
      p.note = [
        p.note,
        "Organisation-level counts (active users, seats, adoption): stored as daily facts of the organisation, not as people.",
      ]
        .filter(Boolean)
        .join(" ");
    endpoints[e.key] = p;
  }
  return { runId: randomUUID(), endpoints };
}

export interface NewSyncClaim {
  programmeId: string;
  trigger: "MANUAL" | "SCHEDULED";
  from: string;
  to: string;
  actor: AuditActor;
  now: Date;
  /** The caller runs the sync itself (the CLI, tests); default: a "usage-sync.run" job is enqueued with the claim. */
  inline?: boolean;
}

/** The sync's job, in the claim's transaction: a worker runs it (one job per sync: its id is the dedupe key). */
async function enqueueRun(tx: Tx, programmeId: string, syncId: string, trigger: "MANUAL" | "SCHEDULED") {
  await enqueue(
    tx,
    usageSyncRunJob,
    { syncId },
    { programmeId, dedupeKey: syncId, subject: `${trigger === "SCHEDULED" ? "Daily usage sync" : "Usage sync"} ${syncId.slice(0, 8)}` },
  );
}

/**
 * Starts a sync: a RUNNING UsageSync row with every endpoint's starting point. A manual claim is refused
 * (ConflictError) while another sync runs; a scheduled claim returns null then, or when a scheduled sync
 * already started in the last 24 hours (checked again under the lock, so two processes claim it once).
 */
export async function claimNewUsageSync(claim: NewSyncClaim): Promise<{ id: string } | null> {
  return db.$transaction(async (tx) => {
    await lockProgramme(tx, claim.programmeId);
    const running = await settleRunning(tx, claim.programmeId, claim.now);
    if (claim.trigger === "SCHEDULED") {
      if (running) return null;
      const last = await tx.usageSync.findFirst({
        where: { programmeId: claim.programmeId, trigger: "SCHEDULED" },
        orderBy: { startedAt: "desc" },
        select: { startedAt: true },
      });
      if (!scheduledSyncDue(last?.startedAt ?? null, claim.now)) return null;
    } else if (running) throw alreadyRunning(running);
    const keys = await tx.anthropicKey.findMany({ where: { programmeId: claim.programmeId }, select: { kind: true } });
    if (keys.length === 0) {
      if (claim.trigger === "SCHEDULED") return null;
      throw new RuleError("Add an admin key or an analytics key first: a sync pulls from the endpoints the keys allow.");
    }
    const progress = initialProgress(
      keys.map((k) => k.kind),
      claim.from,
      claim.to,
      claim.now,
    );
    const row = await tx.usageSync.create({
      data: {
        programmeId: claim.programmeId,
        trigger: claim.trigger,
        fromDay: dateOf(claim.from),
        toDay: dateOf(claim.to),
        progress: progress as unknown as Prisma.InputJsonValue,
        startedBy: claim.actor.label,
        startedAt: claim.now,
        heartbeatAt: claim.now,
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      programmeId: claim.programmeId,
      actor: claim.actor,
      action: "usage.sync.start",
      entityType: "UsageSync",
      entityId: row.id,
      after: { trigger: claim.trigger, from: claim.from, to: claim.to, endpoints: Object.keys(progress.endpoints) },
    });
    if (!claim.inline) await enqueueRun(tx, claim.programmeId, row.id, claim.trigger);
    return row;
  }, CLAIM_TX);
}

/**
 * Resumes a failed sync: the same row goes back to RUNNING with a new run id, keeping every endpoint's
 * cursor and counts, so it continues from the page that failed. Refused while another sync runs.
 */
export async function claimResumeUsageSync(input: {
  programmeId: string;
  syncId: string;
  actor: AuditActor;
  now: Date;
  inline?: boolean;
}): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await lockProgramme(tx, input.programmeId);
    const running = await settleRunning(tx, input.programmeId, input.now);
    const sync = await tx.usageSync.findFirst({
      where: { id: input.syncId, programmeId: input.programmeId },
      select: { id: true, status: true, progress: true, trigger: true },
    });
    if (!sync) throw new NotFoundError("No such sync in this programme.");
    if (running) throw running.id === sync.id ? new ConflictError("This sync is still running.") : alreadyRunning(running);
    if (sync.status === "SUCCEEDED") throw new RuleError("This sync finished; there is nothing to resume.");
    const progress = readProgress(sync.progress);
    const kinds = new Set(
      (await tx.anthropicKey.findMany({ where: { programmeId: input.programmeId }, select: { kind: true } })).map((k) => k.kind),
    );
    for (const [key, p] of Object.entries(progress.endpoints)) {
      const e = SYNC_ENDPOINTS.find((x) => x.key === key);
      if (e && p.state !== "done" && p.state !== "skipped" && !kinds.has(e.kind))
        throw new RuleError(`This sync needs the ${keyLabel(e.kind)}, which has been removed; add it again to resume.`);
      if (p.state === "failed") progress.endpoints[key] = { ...p, state: "running", error: undefined };
    }
    const resumed = { ...progress, runId: randomUUID() };
    await tx.usageSync.update({
      where: { id: sync.id },
      data: {
        status: "RUNNING",
        error: null,
        finishedAt: null,
        heartbeatAt: input.now,
        progress: resumed as unknown as Prisma.InputJsonValue,
      },
    });
    await appendAudit(tx, {
      programmeId: input.programmeId,
      actor: input.actor,
      action: "usage.sync.resume",
      entityType: "UsageSync",
      entityId: sync.id,
    });
    if (!input.inline) await enqueueRun(tx, input.programmeId, sync.id, sync.trigger);
    return { id: sync.id };
  }, CLAIM_TX);
}

/**
 * A sync's job is claimed again after its worker stopped (restart, crash): the sync, still RUNNING, gets a
 * new run id so that a worker presumed dead stops at its next write, and continues from the last saved page.
 */
export async function adoptUsageSync(syncId: string, now: Date): Promise<void> {
  await db.$executeRaw`
    UPDATE "UsageSync" SET "progress" = jsonb_set("progress", '{runId}', to_jsonb(${randomUUID()}::text)), "heartbeatAt" = ${now}
    WHERE "id" = ${syncId}::uuid AND "status" = 'RUNNING'`;
}

/** The sync's job ran out of attempts (its workers kept stopping): the sync fails, ready to resume, with the reason. */
export async function settleFailedSyncJob(tx: Tx, syncId: string, info: { attempts: number; error: string }, now = new Date()) {
  const sync = await tx.usageSync.findUnique({ where: { id: syncId }, select: { status: true, programmeId: true } });
  if (!sync || sync.status !== "RUNNING") return;
  const error = `The sync stopped after ${info.attempts} attempt${info.attempts === 1 ? "" : "s"}: ${info.error} Resume continues from the last page saved.`;
  const done = await tx.usageSync.update({
    where: { id: syncId },
    data: { status: "FAILED", error, finishedAt: now },
    select: { pages: true, records: true },
  });
  await appendAudit(tx, {
    programmeId: sync.programmeId,
    actor: STALE_ACTOR,
    action: "usage.sync.fail",
    entityType: "UsageSync",
    entityId: syncId,
    after: { ...done, error },
  });
}
