import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { updateCriterionSchema, type UpdateCriterionInput } from "../schemas";
import { notifySignaturesVoided } from "./gate-notifications";
import { loadGate, lockGate } from "./gate-state";

/**
 * The programme manager records a criterion's status, owner and evidence, or waives it with a reason.
 * Evidence is what reviewers sign: when it changes during a round, every valid signature of that
 * round is voided ("re-sign required"); the void signatures stay in the history.
 */
export async function updateCriterion(actor: Actor, raw: UpdateCriterionInput) {
  const input = updateCriterionSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "gates.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const criterion = await tx.gateCriterion.findFirst({
      where: { id: input.criterionId, programmeId },
      select: { gate: { select: { key: true } } },
    });
    if (!criterion) throw new NotFoundError("Criterion not found.");
    const before = await lockGate(tx, programmeId, criterion.gate.key);
    if (before.gate.status === "APPROVED") throw new RuleError(`${before.gate.name} is approved; its evidence can no longer change.`);
    if (input.ownerId && !(await tx.membership.findFirst({ where: { id: input.ownerId, programmeId }, select: { id: true } })))
      throw new RuleError("The owner must be a member of this programme.", "ownerId");
    const old = before.gate.criteria.find((c) => c.id === input.criterionId)!;
    const updated = await tx.gateCriterion.update({
      where: { id: input.criterionId },
      data: {
        status: input.status,
        ownerId: input.ownerId,
        evidenceUrl: input.evidenceUrl,
        evidenceNote: input.evidenceNote,
        waiverReason: input.status === "WAIVED" ? input.waiverReason : null,
      },
      select: { id: true, title: true, status: true, ownerId: true, evidenceUrl: true, evidenceNote: true, waiverReason: true },
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "criterion.update",
      entityType: "GateCriterion",
      entityId: updated.id,
      before: old,
      after: updated,
    });

    const after = await loadGate(tx, before.gate.id);
    // Only an open round's signatures are voided; a closed (rejected) round stays as it was decided.
    const toVoid =
      after.gate.status === "IN_REVIEW" ? after.signOffs.filter((s) => s.voidedAt === null && s.evidenceHash !== after.evidenceHash) : [];
    for (const s of toVoid) {
      await tx.signOff.update({
        where: { id: s.id },
        data: {
          voidedAt: new Date(),
          voidReason: `Evidence changed: '${updated.title}'`,
          activeFunctionKey: null,
          activeReviewerKey: null,
        },
      });
      await appendAudit(tx, {
        programmeId,
        actor: auditActor(actor),
        action: "signoff.void",
        entityType: "SignOff",
        entityId: s.id,
        before: { function: s.function, evidenceHash: s.evidenceHash },
        after: { reason: "evidence changed", evidenceHash: after.evidenceHash },
      });
    }
    await notifySignaturesVoided(
      tx,
      programmeId,
      before.gate,
      toVoid.map((s) => ({ reviewerId: s.reviewerId, function: s.function, reason: `Evidence changed: '${updated.title}'` })),
    );
    return { criterion: updated, voided: toVoid.map((s) => s.function) };
  });
}
