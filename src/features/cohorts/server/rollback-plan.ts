import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { addRollbackTestSchema, saveRollbackPlanSchema, type AddRollbackTestInput, type SaveRollbackPlanInput } from "../schemas";

/** The rollback plan: procedure (Markdown), who may roll back (named members; none = the programme managers), target time. */
export async function saveRollbackPlan(actor: Actor, raw: SaveRollbackPlanInput) {
  const input = saveRollbackPlanSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "cohorts.manage");
  const programmeId = access.programme.id;
  const authorityIds = [...new Set(input.authorityIds)];
  return db.$transaction(async (tx) => {
    const members = await tx.membership.count({ where: { programmeId, id: { in: authorityIds } } });
    if (members !== authorityIds.length)
      throw new RuleError("Rollback authority can only go to members of this programme.", "authorityIds");
    const before = await tx.rollbackPlan.findUnique({ where: { programmeId } });
    const data = { procedure: input.procedure, targetMinutes: input.targetMinutes ?? null, authorityIds };
    await tx.rollbackPlan.upsert({ where: { programmeId }, create: { programmeId, ...data }, update: data });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "rollback-plan.update",
      entityType: "RollbackPlan",
      entityId: programmeId,
      before: before ? { procedure: before.procedure, targetMinutes: before.targetMinutes, authorityIds: before.authorityIds } : null,
      after: data,
    });
    return { programmeId };
  });
}

/** Records a rollback test (date, environment, how long it took, result): evidence for the Production Readiness Review. */
export async function addRollbackTest(actor: Actor, raw: AddRollbackTestInput) {
  const input = addRollbackTestSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "cohorts.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const test = await tx.rollbackTest.create({
      data: {
        programmeId,
        testedOn: new Date(`${input.testedOn}T00:00:00Z`),
        environment: input.environment,
        durationMinutes: input.durationMinutes,
        result: input.result,
        notes: input.notes,
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "rollback-test.add",
      entityType: "RollbackTest",
      entityId: test.id,
      after: { testedOn: input.testedOn, environment: input.environment, durationMinutes: input.durationMinutes, result: input.result },
    });
    return test;
  });
}
