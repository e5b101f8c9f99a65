import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { createDecisionSchema, type CreateDecisionInput } from "../schemas";
import { decisionAuditSelect } from "./decision-state";

/**
 * The programme manager proposes an Architecture Decision Record. Records are numbered per programme
 * (ADR-1, ADR-2, …): a transaction-scoped advisory lock on the programme's numbering serializes
 * concurrent creators, so each reads the highest number after the previous one committed; the unique
 * (programmeId, number) constraint is the last line of defence.
 */
export async function createDecision(actor: Actor, raw: CreateDecisionInput) {
  const input = createDecisionSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "decisions.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`adr-number:${programmeId}`}, 0))`;
    const last = await tx.decisionRecord.aggregate({ where: { programmeId }, _max: { number: true } });
    const record = await tx.decisionRecord.create({
      data: {
        programmeId,
        number: (last._max.number ?? 0) + 1,
        title: input.title,
        claudeProduct: input.claudeProduct,
        models: input.models,
        dataFlows: input.dataFlows,
        integrationPoints: input.integrationPoints,
        failureModes: input.failureModes,
        status: "PROPOSED",
      },
      select: decisionAuditSelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "decision.create",
      entityType: "DecisionRecord",
      entityId: record.id,
      after: record,
    });
    return record;
  });
}
