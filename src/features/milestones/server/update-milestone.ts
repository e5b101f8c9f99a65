import "server-only";

import { utcDateOf } from "@/domain/template";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { updateMilestoneSchema, type UpdateMilestoneInput } from "../schemas";

/** The programme manager moves a milestone on (done is dated today) or gives it an owner. */
export async function updateMilestone(actor: Actor, raw: UpdateMilestoneInput, now = new Date()) {
  const input = updateMilestoneSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "programme.update");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const before = await tx.milestone.findFirst({
      where: { id: input.milestoneId, programmeId },
      select: { id: true, title: true, status: true, ownerId: true, completedAt: true },
    });
    if (!before) throw new NotFoundError("Milestone not found.");
    if (input.ownerId && !(await tx.membership.findFirst({ where: { id: input.ownerId, programmeId }, select: { id: true } })))
      throw new RuleError("The owner must be a member of this programme.", "ownerId");
    const completedAt = input.status === "DONE" ? (before.status === "DONE" ? before.completedAt : utcDateOf(now)) : null;
    const after = await tx.milestone.update({
      where: { id: before.id },
      data: { status: input.status, ownerId: input.ownerId, completedAt },
      select: { id: true, title: true, status: true, ownerId: true, completedAt: true },
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "milestone.update",
      entityType: "Milestone",
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}
