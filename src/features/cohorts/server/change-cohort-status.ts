import "server-only";

import { ACTION_RESULT, actionProblem, goLiveProblems, type CohortStatus, type ThresholdMetric } from "@/domain/cohorts";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize, type ProgrammeAccess } from "@/server/authorization";
import { db, type Tx } from "@/server/db";
import { ForbiddenError, NotFoundError, RuleError } from "@/server/errors";

import { cohortStatusChangeSchema, type CohortStatusChangeInput } from "../schemas";
import { measuredAsOf, measureThresholds } from "./measure";
import { assertRollbackAuthority } from "./rollback-authority";

const AUDIT_ACTION = {
  goLive: "cohort.go-live",
  pause: "cohort.pause",
  complete: "cohort.complete",
  rollBack: "cohort.roll-back",
} as const;

/**
 * Going live, pausing, completing and rolling back a cohort, each audited. Going live needs the right phase
 * (the pilot: Controlled Pilot; later cohorts: Staged Production Rollout) and the previous cohort to meet every
 * entry threshold: the refusal names each unmet threshold with its measured value and target. Rolling back is
 * for the people with rollback authority, and settles the cohort's open rollback alerts as rolled back.
 * The programme's cohorts are locked in order for the change, so two changes at once are decided one after the other.
 */
export async function changeCohortStatus(actor: Actor, raw: CohortStatusChangeInput, now = new Date()) {
  const input = cohortStatusChangeSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "programme.read");
  if (input.action !== "rollBack" && !access.can("cohorts.manage"))
    throw new ForbiddenError("Only a programme manager can take a cohort live, pause it or complete it.");
  return db.$transaction((tx) => applyStatusChange(tx, access, input.cohortId, input.action, input.note ?? "", now));
}

/** The change itself, in the caller's transaction (resolving an alert by rolling back uses it too). */
export async function applyStatusChange(
  tx: Tx,
  access: ProgrammeAccess,
  cohortId: string,
  action: "goLive" | "pause" | "complete" | "rollBack",
  note: string,
  now: Date,
) {
  const programmeId = access.programme.id;
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "Cohort" WHERE "programmeId" = ${programmeId}::uuid ORDER BY "ordinal" FOR UPDATE`;
  if (!locked.some((c) => c.id === cohortId)) throw new NotFoundError("Cohort not found.");
  const cohort = await tx.cohort.findUniqueOrThrow({
    where: { id: cohortId },
    select: { id: true, name: true, ordinal: true, status: true, wentLiveAt: true, thresholds: { select: { metric: true, target: true } } },
  });
  if (action === "rollBack") await assertRollbackAuthority(tx, programmeId, access.membership.id);

  let to: CohortStatus;
  let thresholds: Awaited<ReturnType<typeof measureThresholds>> = [];
  if (action === "goLive") {
    const programme = await tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { currentPhase: true, status: true } });
    if (programme.status !== "ACTIVE") throw new RuleError(`The programme is ${programme.status.toLowerCase()}; no cohort can go live.`);
    const previous = await tx.cohort.findFirst({
      where: { programmeId, ordinal: { lt: cohort.ordinal } },
      orderBy: { ordinal: "desc" },
      select: { name: true, key: true, status: true, plannedSeats: true, wentLiveAt: true, _count: { select: { people: true } } },
    });
    if (previous) {
      const asOf = await measuredAsOf(tx, programmeId, now);
      thresholds = await measureThresholds(
        tx,
        programmeId,
        { ...previous, peopleCount: previous._count.people },
        cohort.thresholds as { metric: ThresholdMetric; target: number }[],
        asOf,
        now,
      );
    }
    const problems = goLiveProblems({
      cohortName: cohort.name,
      ordinal: cohort.ordinal,
      status: cohort.status,
      currentPhase: programme.currentPhase,
      previous: previous ? { name: previous.name, status: previous.status, wentLive: previous.wentLiveAt !== null } : null,
      thresholds,
    });
    if (problems.length > 0) throw new RuleError(`${cohort.name} cannot go live. ${problems.join(" ")}`);
    to = "LIVE";
  } else {
    const problem = actionProblem(action, cohort.status, cohort.name);
    if (problem) throw new RuleError(problem);
    to = ACTION_RESULT[action];
  }

  await tx.cohort.update({
    where: { id: cohort.id },
    data: { status: to, statusChangedAt: now, ...(to === "LIVE" && !cohort.wentLiveAt ? { wentLiveAt: now } : {}) },
  });
  let alertsClosed = 0;
  if (to === "ROLLED_BACK") {
    const closed = await tx.rollbackAlert.updateMany({
      where: { cohortId: cohort.id, status: "OPEN" },
      data: { status: "ROLLED_BACK", resolvedAt: now, resolvedById: access.actor.id, reason: note || null },
    });
    alertsClosed = closed.count;
  }
  await appendAudit(tx, {
    programmeId,
    actor: auditActor(access.actor),
    action: AUDIT_ACTION[action],
    entityType: "Cohort",
    entityId: cohort.id,
    before: { status: cohort.status },
    after: {
      status: to,
      cohort: cohort.name,
      ...(thresholds.length > 0
        ? { thresholds: thresholds.map((t) => ({ metric: t.metric, target: t.target, measured: t.measured, basis: t.basis })) }
        : {}),
      ...(note ? { note } : {}),
      ...(alertsClosed > 0 ? { alertsClosed } : {}),
    },
  });
  return { cohortId: cohort.id, status: to };
}
