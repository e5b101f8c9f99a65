import "server-only";

import { toUtcDate } from "@/domain/dates";
import { weekOfDueDate } from "@/domain/milestones";
import { utcDateOf } from "@/domain/template";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { updateMilestoneSchema, type UpdateMilestoneInput } from "../schemas";

const milestoneAudit = { id: true, title: true, status: true, ownerId: true, dueDate: true, week: true, completedAt: true } as const;

/** The programme manager moves a milestone on (done is dated today), gives it an owner or moves its due date. */
export async function updateMilestone(actor: Actor, raw: UpdateMilestoneInput, now = new Date()) {
  const input = updateMilestoneSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "programme.update");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const before = await tx.milestone.findFirst({ where: { id: input.milestoneId, programmeId }, select: milestoneAudit });
    if (!before) throw new NotFoundError("Milestone not found.");
    if (input.ownerId && !(await tx.membership.findFirst({ where: { id: input.ownerId, programmeId }, select: { id: true } })))
      throw new RuleError("The owner must be a member of this programme.", "ownerId");
    const completedAt = input.status === "DONE" ? (before.status === "DONE" ? before.completedAt : utcDateOf(now)) : null;
    const due = input.dueDate ? toUtcDate(input.dueDate) : undefined;
    const after = await tx.milestone.update({
      where: { id: before.id },
      data: {
        status: input.status,
        ownerId: input.ownerId,
        completedAt,
        ...(due ? { dueDate: due, week: weekOfDueDate(access.programme.startDate, due) } : {}),
      },
      select: milestoneAudit,
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
