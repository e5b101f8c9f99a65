import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { deleteMilestoneSchema, type DeleteMilestoneInput } from "../schemas";

/** The programme manager deletes one of the programme's own milestones; the playbook's stay (mark them done or move them). */
export async function deleteMilestone(actor: Actor, raw: DeleteMilestoneInput) {
  const input = deleteMilestoneSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "programme.update");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const before = await tx.milestone.findFirst({
      where: { id: input.milestoneId, programmeId },
      select: { id: true, title: true, phase: true, dueDate: true, status: true, custom: true },
    });
    if (!before) throw new NotFoundError("Milestone not found.");
    if (!before.custom)
      throw new RuleError(`"${before.title}" is one of the playbook's milestones: move its due date or mark its status instead.`);
    await tx.milestone.delete({ where: { id: before.id } });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "milestone.delete",
      entityType: "Milestone",
      entityId: before.id,
      before,
    });
    return before;
  });
}
