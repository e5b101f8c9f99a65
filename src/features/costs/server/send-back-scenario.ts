import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { sendBackScenarioSchema, type SendBackScenarioInput } from "../schemas";
import { activeApproval, lockProgrammeBudget } from "./approve-budget";

/**
 * The sponsor sends a scenario back to the programme manager with a reason instead of approving it.
 * The mark stays until the programme manager changes the scenario (or the sponsor approves it after all).
 * The approved budget's own scenario is not sent back: the sponsor revokes the approval first.
 */
export async function sendBackScenario(actor: Actor, raw: SendBackScenarioInput, now = new Date()) {
  const input = sendBackScenarioSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "budget.approve");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    await lockProgrammeBudget(tx, programmeId);
    const scenario = await tx.costScenario.findFirst({
      where: { id: input.scenarioId, programmeId },
      select: { id: true, name: true, sentBackAt: true, sentBackReason: true },
    });
    if (!scenario) throw new NotFoundError("Scenario not found.");
    const active = await activeApproval(tx, programmeId);
    if (active?.scenarioId === scenario.id)
      throw new RuleError(`"${scenario.name}" is the approved budget: revoke the approval first, then send it back.`);
    const sentBackBy = `${actor.name} <${actor.email}>`;
    const updated = await tx.costScenario.update({
      where: { id: scenario.id },
      data: { sentBackAt: now, sentBackBy, sentBackReason: input.reason },
      select: { id: true, name: true, sentBackAt: true, sentBackBy: true, sentBackReason: true },
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "scenario.send-back",
      entityType: "CostScenario",
      entityId: scenario.id,
      before: scenario.sentBackAt ? { sentBack: true, reason: scenario.sentBackReason } : { sentBack: false },
      after: { sentBack: true, scenario: scenario.name, reason: input.reason },
    });
    return updated;
  });
}
