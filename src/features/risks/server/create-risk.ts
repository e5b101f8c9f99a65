import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { createRiskSchema, type CreateRiskInput } from "../schemas";
import { assertOwnerIsMember, riskAuditSelect, riskData } from "./risk-select";

/** The programme manager adds one of the programme's own risks to the register. */
export async function createRisk(actor: Actor, raw: CreateRiskInput) {
  const input = createRiskSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "risks.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    await assertOwnerIsMember(tx, programmeId, input.ownerId);
    const risk = await tx.risk.create({
      data: { programmeId, ...riskData(input) },
      select: riskAuditSelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "risk.create",
      entityType: "Risk",
      entityId: risk.id,
      after: risk,
    });
    return risk;
  });
}
