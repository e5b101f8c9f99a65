import "server-only";

import { gateReadiness } from "@/domain/gates";
import type { ApiToken } from "@/server/api/with-api-token";
import { db } from "@/server/db";

import type { GateListResponse } from "../api-schemas";
import { loadGate } from "./gate-state";

/** GET /api/v1/programmes/{slug}/gates: each gate's status, readiness and the sign-offs of its current round (the token is authenticated by the route's wrapper). */
export async function listGatesForApi(token: ApiToken): Promise<GateListResponse> {
  const { programme } = token;
  const gates = await db.gate.findMany({ where: { programmeId: programme.id }, orderBy: { ordinal: "asc" }, select: { id: true } });
  const out: GateListResponse["gates"] = [];
  for (const { id } of gates) {
    const { gate, state, evidenceHash } = await loadGate(db, id);
    const r = gateReadiness(state);
    const signOffs = await db.signOff.findMany({
      where: { gateId: id, round: gate.round },
      orderBy: { signedAt: "asc" },
      select: {
        function: true,
        decision: true,
        meaning: true,
        reason: true,
        printedName: true,
        signedAt: true,
        evidenceHash: true,
        voidedAt: true,
      },
    });
    out.push({
      key: gate.key,
      name: gate.name,
      status: gate.status,
      round: gate.round,
      plannedDate: gate.plannedDate.toISOString().slice(0, 10),
      decidedAt: gate.decidedAt?.toISOString() ?? null,
      evidenceHash,
      readiness: {
        summary: r.summary,
        criteriaMet: r.criteriaMet,
        criteriaTotal: r.criteriaTotal,
        signOffsDone: r.signOffsDone,
        signOffsRequired: r.signOffsRequired,
        missingSignOffs: r.missingSignOffs,
        unmetCriteria: r.unmetCriteria.map((c) => c.title),
        resignRequired: r.resignRequired,
        complete: r.complete,
      },
      signOffs: signOffs.map((s) => ({
        ...s,
        signedAt: s.signedAt.toISOString(),
        void: s.voidedAt !== null,
        voidedAt: s.voidedAt?.toISOString() ?? null,
      })),
    });
  }
  return { programme: { slug: programme.slug, name: programme.name, currentPhase: programme.currentPhase }, gates: out };
}
