import "server-only";

import { toUtcDate } from "@/domain/dates";
import { weekOfDueDate } from "@/domain/milestones";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { createMilestoneSchema, type CreateMilestoneInput } from "../schemas";

/** The programme manager adds one of the programme's own milestones (beside the playbook's); its week follows from its due date. */
export async function createMilestone(actor: Actor, raw: CreateMilestoneInput) {
  const input = createMilestoneSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "programme.update");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    if (input.ownerId && !(await tx.membership.findFirst({ where: { id: input.ownerId, programmeId }, select: { id: true } })))
      throw new RuleError("The owner must be a member of this programme.", "ownerId");
    const dueDate = toUtcDate(input.dueDate);
    const created = await tx.milestone.create({
      data: {
        programmeId,
        title: input.title,
        deliverable: input.deliverable,
        phase: input.phase,
        dueDate,
        week: weekOfDueDate(access.programme.startDate, dueDate),
        ownerId: input.ownerId,
        custom: true,
      },
      select: { id: true, title: true, deliverable: true, phase: true, dueDate: true, week: true, ownerId: true, status: true },
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "milestone.create",
      entityType: "Milestone",
      entityId: created.id,
      after: created,
    });
    return created;
  });
}
