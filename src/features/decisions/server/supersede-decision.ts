import "server-only";

import { adrLabel, decisionTransitionProblems } from "@/domain/decisions";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { supersedeDecisionSchema, type SupersedeDecisionInput } from "../schemas";
import { decisionAuditSelect, lockDecisions } from "./decision-state";

/**
 * The programme manager marks a proposed or accepted record superseded by an accepted successor of the
 * same programme. Both rows are locked, so the successor cannot itself be superseded meanwhile.
 */
export async function supersedeDecision(actor: Actor, raw: SupersedeDecisionInput) {
  const input = supersedeDecisionSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "decisions.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const locked = await lockDecisions(tx, programmeId, [input.decisionId, input.successorId]);
    const record = locked.get(input.decisionId)!;
    const successor = locked.get(input.successorId)!;
    const problems = decisionTransitionProblems(record, "SUPERSEDED", successor);
    if (problems.length > 0) throw new RuleError(problems.join(" "), "successorId");
    const before = await tx.decisionRecord.findUniqueOrThrow({ where: { id: record.id }, select: decisionAuditSelect });
    const after = await tx.decisionRecord.update({
      where: { id: record.id },
      data: { status: "SUPERSEDED", supersededById: successor.id },
      select: decisionAuditSelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "decision.supersede",
      entityType: "DecisionRecord",
      entityId: record.id,
      before: { number: before.number, status: before.status, supersededById: before.supersededById },
      after: { number: after.number, status: after.status, supersededById: successor.id, supersededBy: adrLabel(successor.number) },
    });
    return after;
  });
}
