import type { GateKey } from "@/domain/enums";
import { gateEvidenceHash, type GateEvidenceSnapshot } from "@/domain/gate-evidence";
import type { GateState } from "@/domain/gates";
import type { Tx } from "@/server/db";
import { NotFoundError } from "@/server/errors";

/**
 * Locks a gate's row (SELECT … FOR UPDATE) and loads what the rules need. Everything that changes a
 * gate, its criteria or its sign-offs takes this lock first, so sign-offs and evidence changes on one
 * gate happen one after another, never interleaved.
 */
export async function lockGate(tx: Tx, programmeId: string, key: GateKey) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Gate" WHERE "programmeId" = ${programmeId}::uuid AND key = ${key}::"GateKey" FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("Gate not found.");
  return loadGate(tx, locked[0]!.id);
}

export async function loadGate(tx: Tx, gateId: string) {
  const gate = await tx.gate.findUniqueOrThrow({
    where: { id: gateId },
    select: {
      id: true,
      key: true,
      name: true,
      status: true,
      round: true,
      requiredFunctions: true,
      plannedDate: true,
      decision: true,
      decidedAt: true,
      programmeId: true,
      criteria: {
        orderBy: { ordinal: "asc" },
        select: { id: true, title: true, status: true, ownerId: true, evidenceUrl: true, evidenceNote: true, waiverReason: true },
      },
    },
  });
  const signOffs = await tx.signOff.findMany({
    where: { gateId, round: gate.round },
    orderBy: { signedAt: "asc" },
    select: { id: true, function: true, decision: true, reviewerId: true, voidedAt: true, evidenceHash: true },
  });
  // Production readiness also waits for the Pilot Debrief's open conditions.
  const openConditions =
    gate.key === "PRODUCTION_READINESS"
      ? await tx.gateCondition.findMany({
          where: { programmeId: gate.programmeId, closedAt: null, gate: { key: "PILOT_DEBRIEF" } },
          orderBy: { dueDate: "asc" },
          select: { title: true },
        })
      : [];
  const snapshot: GateEvidenceSnapshot = { gateKey: gate.key, round: gate.round, criteria: gate.criteria };
  const state: GateState = {
    key: gate.key,
    status: gate.status,
    round: gate.round,
    requiredFunctions: gate.requiredFunctions,
    criteria: gate.criteria,
    signOffs: signOffs.map((s) => ({
      id: s.id,
      function: s.function,
      decision: s.decision,
      reviewerId: s.reviewerId,
      voided: s.voidedAt !== null,
    })),
    openConditions,
  };
  return { gate, signOffs, state, snapshot, evidenceHash: gateEvidenceHash(snapshot) };
}

export const activeFunctionKey = (gateId: string, round: number, fn: string) => `${gateId}:${round}:${fn}`;
export const activeReviewerKey = (gateId: string, round: number, membershipId: string) => `${gateId}:${round}:${membershipId}`;
