import "server-only";

import type { GateKey } from "@/domain/enums";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import type { Actor } from "@/server/auth/actor";
import { authorize, type ProgrammeAccess } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { loadGate } from "./gate-state";

/**
 * One gate round as a record: its signature manifests, the evidence snapshots they signed (each with
 * its SHA-256), the decision, the audit events of the gate, and the programme's audit chain head so
 * the record can be checked with `npm run cli -- audit verify`.
 */
export async function getGateRecord(actor: Actor, programmeSlug: string, key: GateKey, roundParam?: number) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  return loadGateRecord(access.programme, key, roundParam);
}

/** The record of one gate round of a programme the caller has authorized (the programme export reads every round). */
export async function loadGateRecord(programme: ProgrammeAccess["programme"], key: GateKey, roundParam?: number) {
  const programmeId = programme.id;
  const row = await db.gate.findFirst({ where: { programmeId, key }, select: { id: true } });
  if (!row) throw new NotFoundError("Gate not found.");
  const current = await loadGate(db, row.id);
  const round = roundParam ?? current.gate.round;
  if (!Number.isInteger(round) || round < 1 || round > current.gate.round) throw new NotFoundError("No such round.");
  const isCurrent = round === current.gate.round;

  const signOffs = await db.signOff.findMany({
    where: { gateId: row.id, round },
    orderBy: { signedAt: "asc" },
    select: {
      id: true,
      function: true,
      decision: true,
      meaning: true,
      reason: true,
      printedName: true,
      signedAt: true,
      ipAddress: true,
      userAgent: true,
      evidenceHash: true,
      evidenceSnapshot: true,
      voidedAt: true,
      voidReason: true,
    },
  });
  const snapshots = new Map<string, { hash: string; snapshot: unknown; signatures: string[] }>();
  for (const s of signOffs) {
    const entry = snapshots.get(s.evidenceHash) ?? { hash: s.evidenceHash, snapshot: s.evidenceSnapshot, signatures: [] };
    entry.signatures.push(`${s.meaning} (${s.printedName})`);
    snapshots.set(s.evidenceHash, entry);
  }

  const criterionIds = current.gate.criteria.map((c) => c.id);
  const conditionIds = (await db.gateCondition.findMany({ where: { gateId: row.id }, select: { id: true } })).map((c) => c.id);
  const allSignOffIds = (await db.signOff.findMany({ where: { gateId: row.id }, select: { id: true } })).map((s) => s.id);
  const events = await db.auditEvent.findMany({
    where: { programmeId, entityId: { in: [row.id, ...criterionIds, ...conditionIds, ...allSignOffIds] } },
    orderBy: { seq: "asc" },
    select: { seq: true, createdAt: true, actorLabel: true, action: true, entityType: true, after: true, hash: true },
  });
  const chain = await verifyAuditChain(programmeId);

  return {
    programme,
    gate: {
      key: current.gate.key,
      name: current.gate.name,
      round,
      rounds: current.gate.round,
      status: isCurrent ? current.gate.status : signOffs.some((s) => s.decision === "REJECT" && !s.voidedAt) ? "REJECTED" : "SUPERSEDED",
      decision: isCurrent ? current.gate.decision : null,
      decidedAt: isCurrent ? current.gate.decidedAt : null,
      requiredFunctions: current.gate.requiredFunctions,
    },
    signOffs,
    snapshots: [...snapshots.values()],
    currentEvidence: isCurrent ? { hash: current.evidenceHash, snapshot: current.snapshot } : null,
    events,
    chain,
    generatedAt: new Date(),
  };
}
export type GateRecord = Awaited<ReturnType<typeof getGateRecord>>;
