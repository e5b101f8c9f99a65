import "server-only";

import { THRESHOLD_DEFINITIONS, TRIGGER_DEFINITIONS, type MetricUnit } from "@/domain/cohorts";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db, type Tx } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { setThresholdSchema, setTriggerSchema, type SetThresholdInput, type SetTriggerInput } from "../schemas";

/** Forms and the CLI give shares in percent; they are stored as fractions. */
const stored = (value: number, unit: MetricUnit) => (unit === "share" ? value / 100 : value);

async function lockCohort(tx: Tx, programmeId: string, cohortId: string) {
  const rows = await tx.$queryRaw<{ id: string; ordinal: number; name: string }[]>`
    SELECT "id"::text AS "id", "ordinal", "name" FROM "Cohort" WHERE "id" = ${cohortId}::uuid AND "programmeId" = ${programmeId}::uuid FOR UPDATE`;
  const cohort = rows[0];
  if (!cohort) throw new NotFoundError("Cohort not found.");
  return cohort;
}

/** Sets (or, with no target, removes) one entry threshold: what the previous cohort must meet before this one goes live. */
export async function setThreshold(actor: Actor, raw: SetThresholdInput) {
  const input = setThresholdSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "cohorts.manage");
  const programmeId = access.programme.id;
  const def = THRESHOLD_DEFINITIONS[input.metric];
  if (def.unit === "share" && input.target !== undefined && input.target > 100) throw new RuleError("A share is at most 100%.", "target");
  return db.$transaction(async (tx) => {
    const cohort = await lockCohort(tx, programmeId, input.cohortId);
    if (cohort.ordinal === 1)
      throw new RuleError(
        "The pilot cohort has no previous cohort to meet thresholds; its go-live needs the Controlled Pilot phase.",
        "metric",
      );
    const before = await tx.cohortThreshold.findUnique({ where: { cohortId_metric: { cohortId: cohort.id, metric: input.metric } } });
    const target = input.target === undefined ? null : stored(input.target, def.unit);
    if (target === null) await tx.cohortThreshold.deleteMany({ where: { cohortId: cohort.id, metric: input.metric } });
    else
      await tx.cohortThreshold.upsert({
        where: { cohortId_metric: { cohortId: cohort.id, metric: input.metric } },
        create: { programmeId, cohortId: cohort.id, metric: input.metric, target },
        update: { target },
      });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: target === null ? "cohort.threshold.remove" : "cohort.threshold.set",
      entityType: "Cohort",
      entityId: cohort.id,
      before: before ? { metric: input.metric, target: before.target } : null,
      after: target === null ? null : { cohort: cohort.name, metric: input.metric, target },
    });
    return { cohortId: cohort.id };
  });
}

/**
 * Sets (or, with no limit, removes) one rollback trigger. A changed limit starts a new round: the trigger can
 * raise one new alert even if an earlier one was accepted.
 */
export async function setTrigger(actor: Actor, raw: SetTriggerInput) {
  const input = setTriggerSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "cohorts.manage");
  const programmeId = access.programme.id;
  const def = TRIGGER_DEFINITIONS[input.metric];
  if (def.unit === "share" && input.limit !== undefined && input.limit > 100) throw new RuleError("A share is at most 100%.", "limit");
  return db.$transaction(async (tx) => {
    const cohort = await lockCohort(tx, programmeId, input.cohortId);
    const before = await tx.cohortTrigger.findUnique({ where: { cohortId_metric: { cohortId: cohort.id, metric: input.metric } } });
    const limit = input.limit === undefined ? null : stored(input.limit, def.unit);
    if (limit === null) await tx.cohortTrigger.deleteMany({ where: { cohortId: cohort.id, metric: input.metric } });
    else if (!before) await tx.cohortTrigger.create({ data: { programmeId, cohortId: cohort.id, metric: input.metric, limit } });
    else if (before.limit !== limit) await tx.cohortTrigger.update({ where: { id: before.id }, data: { limit, round: { increment: 1 } } });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: limit === null ? "cohort.trigger.remove" : "cohort.trigger.set",
      entityType: "Cohort",
      entityId: cohort.id,
      before: before ? { metric: input.metric, limit: before.limit } : null,
      after: limit === null ? null : { cohort: cohort.name, metric: input.metric, limit },
    });
    return { cohortId: cohort.id };
  });
}
