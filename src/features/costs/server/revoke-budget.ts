import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { revokeBudgetSchema, type RevokeBudgetInput } from "../schemas";
import { lockProgrammeBudget } from "./approve-budget";

/**
 * The sponsor revokes the approved budget, with a reason. No earlier approval comes back by itself:
 * the programme has no approved budget until the sponsor approves one again (decision record 023).
 * Revoking an approval that is no longer the approved budget is refused and changes nothing.
 */
export async function revokeBudget(actor: Actor, raw: RevokeBudgetInput, now = new Date()) {
  const input = revokeBudgetSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "budget.approve");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    await lockProgrammeBudget(tx, programmeId);
    const approval = await tx.budgetApproval.findFirst({
      where: { id: input.approvalId, programmeId },
      select: { id: true, status: true, monthlyAmount: true, scenario: { select: { name: true } }, endedBy: true },
    });
    if (!approval) throw new NotFoundError("Approval not found.");
    if (approval.status === "REVOKED")
      throw new RuleError(`This approval was already revoked by ${approval.endedBy ?? "someone"}; nothing changed.`);
    if (approval.status === "SUPERSEDED") throw new RuleError("This approval was already superseded by a later one; nothing changed.");
    const endedBy = `${actor.name} <${actor.email}>`;
    const revoked = await tx.budgetApproval.update({
      where: { id: approval.id },
      data: { status: "REVOKED", activeProgrammeId: null, endedAt: now, endedBy, endedById: actor.id, endReason: input.reason },
      select: { id: true, status: true, endedAt: true, endReason: true },
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "budget.revoke",
      entityType: "BudgetApproval",
      entityId: approval.id,
      before: { status: "ACTIVE", scenario: approval.scenario.name, monthlyAmount: approval.monthlyAmount },
      after: { status: "REVOKED", reason: input.reason },
    });
    return revoked;
  });
}
