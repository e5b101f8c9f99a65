import "server-only";

import { PHASE_KEYS, PHASE_LABELS } from "@/domain/enums";
import { phaseStartProblems } from "@/domain/gates";
import { addUtcDays, gateBeforePhase, getTemplate, utcDateOf } from "@/domain/template";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { startPhaseSchema, type StartPhaseInput } from "../schemas";
import { lockGate } from "./gate-state";

/**
 * Starts the next phase, only through its approved gate. A refusal names exactly what is missing.
 * Starting post-launch governance is the launch: the 30-Day Post-Launch Review is scheduled 30 days on.
 */
export async function startPhase(actor: Actor, raw: StartPhaseInput, now = new Date()) {
  const input = startPhaseSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "phases.start");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Programme" WHERE id = ${programmeId}::uuid FOR UPDATE`;
    const programme = await tx.programme.findUniqueOrThrow({
      where: { id: programmeId },
      select: { currentPhase: true, templateVersion: true, status: true },
    });
    if (programme.status !== "ACTIVE") throw new RuleError(`The programme is ${programme.status.toLowerCase()}; no phase can start.`);
    const template = getTemplate(programme.templateVersion);
    const guard = gateBeforePhase(template, input.phase);
    const gate = guard ? (await lockGate(tx, programmeId, guard.key)).state : null;
    const aupPublished =
      (await tx.policyVersion.count({ where: { programmeId, status: "PUBLISHED", policy: { kind: "ACCEPTABLE_USE" } } })) > 0;
    const pilot = await tx.gate.findFirst({ where: { programmeId, key: "PILOT_DEBRIEF" }, select: { decision: true } });
    const problems = phaseStartProblems({
      phase: input.phase,
      currentPhase: programme.currentPhase,
      order: PHASE_KEYS,
      gate,
      aupPublished,
      pilotDecision: pilot?.decision ?? null,
    });
    if (problems.length > 0) throw new RuleError(`${PHASE_LABELS[input.phase]} cannot start. ${problems.join(" ")}`);

    const today = utcDateOf(now);
    await tx.phase.updateMany({ where: { programmeId, key: programme.currentPhase }, data: { actualEnd: addUtcDays(today, -1) } });
    await tx.phase.updateMany({ where: { programmeId, key: input.phase }, data: { actualStart: today } });
    const launch = input.phase === "GOVERNANCE";
    await tx.programme.update({
      where: { id: programmeId },
      data: { currentPhase: input.phase, ...(launch ? { launchedAt: today } : {}) },
    });
    if (launch)
      await tx.gate.updateMany({ where: { programmeId, key: "POST_LAUNCH_REVIEW" }, data: { plannedDate: addUtcDays(today, 30) } });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "phase.start",
      entityType: "Phase",
      entityId: input.phase,
      before: { currentPhase: programme.currentPhase },
      after: {
        currentPhase: input.phase,
        startedOn: today.toISOString().slice(0, 10),
        ...(launch
          ? { launchedOn: today.toISOString().slice(0, 10), postLaunchReviewOn: addUtcDays(today, 30).toISOString().slice(0, 10) }
          : {}),
      },
    });
    return { currentPhase: input.phase };
  });
}
