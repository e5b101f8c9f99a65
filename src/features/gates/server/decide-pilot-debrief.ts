import "server-only";

import { toUtcDate } from "@/domain/dates";
import { pilotDecisionProblems } from "@/domain/gates";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { decidePilotDebriefSchema, type DecidePilotDebriefInput } from "../schemas";
import { notifyGateDecided } from "./gate-notifications";
import { lockGate } from "./gate-state";

/**
 * The Pilot Debrief's formal decision, recorded by the programme manager once the round is closed:
 * Go; Conditional go with conditions (each with an owner and a due date) that must all be closed
 * before the Production Readiness Review can be approved; or No-go, back to the pilot or stopping.
 */
export async function decidePilotDebrief(actor: Actor, raw: DecidePilotDebriefInput, now = new Date()) {
  const input = decidePilotDebriefSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "gates.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const { gate } = await lockGate(tx, programmeId, "PILOT_DEBRIEF");
    const problems = pilotDecisionProblems({
      gateStatus: gate.status,
      existing: gate.decision,
      decision: input.decision,
      conditions: input.conditions,
    });
    if (problems.length > 0) throw new RuleError(problems.join(" "));
    const owners = new Set(input.conditions.map((c) => c.ownerId));
    if ((await tx.membership.count({ where: { programmeId, id: { in: [...owners] } } })) !== owners.size)
      throw new RuleError("Every condition's owner must be a member of this programme.", "conditions");

    await tx.gate.update({
      where: { id: gate.id },
      data: { decision: input.decision, decidedAt: now, ...(input.decision === "NO_GO" ? { status: "REJECTED" } : {}) },
    });
    for (const c of input.conditions)
      await tx.gateCondition.create({
        data: { programmeId, gateId: gate.id, title: c.title, ownerId: c.ownerId, dueDate: toUtcDate(c.dueDate) },
      });
    if (input.decision === "NO_GO" && input.noGoOutcome === "STOP")
      await tx.programme.update({ where: { id: programmeId }, data: { status: "STOPPED" } });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "gate.decide",
      entityType: "Gate",
      entityId: gate.id,
      before: { status: gate.status, decision: gate.decision },
      after: { decision: input.decision, conditions: input.conditions, noGoOutcome: input.noGoOutcome ?? null, round: gate.round },
    });
    await notifyGateDecided(tx, programmeId, gate, { decision: input.decision }, actor.id);
    return { decision: input.decision };
  });
}
