import "server-only";

import { settleGate } from "@/domain/gates";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { closeConditionSchema, type CloseConditionInput } from "../schemas";
import { notifyGateDecided } from "./gate-notifications";
import { loadGate, lockGate } from "./gate-state";

/** The programme manager, or the condition's owner, closes a Conditional-go condition with a note. */
export async function closeCondition(actor: Actor, raw: CloseConditionInput, now = new Date()) {
  const input = closeConditionSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    // Production readiness reads open conditions under this lock: close and approve never interleave.
    const prr = await lockGate(tx, programmeId, "PRODUCTION_READINESS");
    const condition = await tx.gateCondition.findFirst({
      where: { id: input.conditionId, programmeId },
      select: { id: true, title: true, ownerId: true, closedAt: true },
    });
    if (!condition) throw new NotFoundError("Condition not found.");
    if (!access.can("gates.manage") && condition.ownerId !== access.membership.id)
      throw new RuleError("Only the condition's owner or a programme manager can close it.");
    if (condition.closedAt) throw new RuleError("This condition is already closed.");
    await tx.gateCondition.update({ where: { id: condition.id }, data: { closedAt: now, closedNote: input.note } });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "condition.close",
      entityType: "GateCondition",
      entityId: condition.id,
      before: { title: condition.title, closedAt: null },
      after: { closedAt: now.toISOString(), note: input.note },
    });
    // The last open condition may be all that held the Production Readiness Review back.
    const after = await loadGate(tx, prr.gate.id);
    const status = settleGate(after.state);
    if (status !== prr.gate.status) {
      await tx.gate.update({ where: { id: prr.gate.id }, data: { status, decidedAt: now } });
      await appendAudit(tx, {
        programmeId,
        actor: auditActor(actor),
        action: "gate.approve",
        entityType: "Gate",
        entityId: prr.gate.id,
        before: { status: prr.gate.status },
        after: { status, round: prr.gate.round, evidenceHash: after.evidenceHash },
      });
      if (status === "APPROVED") await notifyGateDecided(tx, programmeId, prr.gate, { status }, actor.id);
    }
    return { closed: condition.id, productionReadiness: status };
  });
}
