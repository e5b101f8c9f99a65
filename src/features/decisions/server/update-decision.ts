import "server-only";

import { adrLabel, isDecisionEditable } from "@/domain/decisions";
import { DECISION_STATUS_LABELS } from "@/domain/enums";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { updateDecisionSchema, type UpdateDecisionInput } from "../schemas";
import { decisionAuditSelect, lockDecisions } from "./decision-state";

/** The programme manager revises a proposed record. An accepted decision changes only through an accepted successor. */
export async function updateDecision(actor: Actor, raw: UpdateDecisionInput) {
  const input = updateDecisionSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "decisions.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const locked = (await lockDecisions(tx, programmeId, [input.decisionId])).get(input.decisionId)!;
    if (!isDecisionEditable(locked.status))
      throw new RuleError(
        `${adrLabel(locked.number)} is ${DECISION_STATUS_LABELS[locked.status].toLowerCase()}; only a proposed record can be edited. Write a successor that supersedes it.`,
      );
    const before = await tx.decisionRecord.findUniqueOrThrow({ where: { id: locked.id }, select: decisionAuditSelect });
    const after = await tx.decisionRecord.update({
      where: { id: locked.id },
      data: {
        title: input.title,
        claudeProduct: input.claudeProduct,
        models: input.models,
        dataFlows: input.dataFlows,
        integrationPoints: input.integrationPoints,
        failureModes: input.failureModes,
      },
      select: decisionAuditSelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "decision.update",
      entityType: "DecisionRecord",
      entityId: locked.id,
      before,
      after,
    });
    return after;
  });
}
