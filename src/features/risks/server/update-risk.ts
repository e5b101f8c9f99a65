import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { updateRiskSchema, type UpdateRiskInput } from "../schemas";
import { assertOwnerIsMember, riskAuditSelect, riskData } from "./risk-select";

/** The programme manager reassesses a risk: probability, impact, mitigation, owner, status, next review. */
export async function updateRisk(actor: Actor, raw: UpdateRiskInput) {
  const input = updateRiskSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "risks.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const before = await tx.risk.findFirst({ where: { id: input.riskId, programmeId }, select: riskAuditSelect });
    if (!before) throw new NotFoundError("Risk not found.");
    await assertOwnerIsMember(tx, programmeId, input.ownerId);
    const after = await tx.risk.update({
      where: { id: before.id },
      data: riskData(input),
      select: riskAuditSelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "risk.update",
      entityType: "Risk",
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}
