import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { updateStakeholderSchema, type UpdateStakeholderInput } from "../schemas";

export const stakeholderAuditSelect = {
  id: true,
  role: true,
  personName: true,
  personTitle: true,
  relationshipOwnerId: true,
  concerns: true,
  engagementPlan: true,
  stance: true,
  engageByWeek: true,
} as const;

/** The programme manager fills in a stakeholder card: the named person, the relationship owner, the plan and the stance. */
export async function updateStakeholder(actor: Actor, raw: UpdateStakeholderInput) {
  const input = updateStakeholderSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "stakeholders.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const before = await tx.stakeholder.findFirst({ where: { id: input.stakeholderId, programmeId }, select: stakeholderAuditSelect });
    if (!before) throw new NotFoundError("Stakeholder not found.");
    if (
      input.relationshipOwnerId &&
      !(await tx.membership.findFirst({ where: { id: input.relationshipOwnerId, programmeId }, select: { id: true } }))
    )
      throw new RuleError("The relationship owner must be a member of this programme.", "relationshipOwnerId");
    const after = await tx.stakeholder.update({
      where: { id: before.id },
      data: {
        personName: input.personName,
        personTitle: input.personTitle,
        relationshipOwnerId: input.relationshipOwnerId,
        concerns: input.concerns,
        engagementPlan: input.engagementPlan,
        stance: input.stance,
        engageByWeek: input.engageByWeek,
      },
      select: stakeholderAuditSelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "stakeholder.update",
      entityType: "Stakeholder",
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}
