import "server-only";

import { decisionTransitionProblems } from "@/domain/decisions";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { acceptDecisionSchema, type AcceptDecisionInput } from "../schemas";
import { decisionAuditSelect, lockDecisions } from "./decision-state";

/** The programme manager accepts a proposed record; an accepted record is evidence for the Architecture Review. */
export async function acceptDecision(actor: Actor, raw: AcceptDecisionInput, now = new Date()) {
  const input = acceptDecisionSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "decisions.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const record = (await lockDecisions(tx, programmeId, [input.decisionId])).get(input.decisionId)!;
    const problems = decisionTransitionProblems(record, "ACCEPTED");
    if (problems.length > 0) throw new RuleError(problems.join(" "));
    const before = await tx.decisionRecord.findUniqueOrThrow({ where: { id: record.id }, select: decisionAuditSelect });
    const after = await tx.decisionRecord.update({
      where: { id: record.id },
      data: { status: "ACCEPTED", acceptedAt: now },
      select: decisionAuditSelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "decision.accept",
      entityType: "DecisionRecord",
      entityId: record.id,
      before: { number: before.number, status: before.status },
      after: { number: after.number, status: after.status, acceptedAt: after.acceptedAt },
    });
    return after;
  });
}
