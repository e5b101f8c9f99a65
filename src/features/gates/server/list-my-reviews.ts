import "server-only";

import { gateReadiness } from "@/domain/gates";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";

import { loadGate } from "./gate-state";

/**
 * A reviewer's inbox: gates in review, across every programme they belong to, that wait for a function
 * they hold and that they have not signed in this round (or whose signature was voided).
 */
export async function listMyReviews(actor: Actor) {
  const memberships = await db.membership.findMany({
    where: { userId: actor.id, roles: { has: "GATE_REVIEWER" } },
    select: { id: true, functions: true, programme: { select: { slug: true, name: true } } },
  });
  const items = [];
  for (const m of memberships) {
    const gates = await db.gate.findMany({
      where: { programme: { slug: m.programme.slug }, status: "IN_REVIEW" },
      orderBy: { ordinal: "asc" },
      select: { id: true },
    });
    for (const { id } of gates) {
      const { gate, state } = await loadGate(db, id);
      const r = gateReadiness(state);
      const signedThisRound = state.signOffs.some((s) => s.reviewerId === m.id && !s.voided);
      const waitingFor = r.missingSignOffs.filter((f) => m.functions.includes(f));
      if (signedThisRound || waitingFor.length === 0) continue;
      items.push({
        programme: m.programme,
        gate: { key: gate.key, name: gate.name, plannedDate: gate.plannedDate, round: gate.round },
        waitingFor,
        resign: waitingFor.some((f) => r.resignRequired.includes(f)),
        summary: r.summary,
      });
    }
  }
  return items.sort((a, b) => a.gate.plannedDate.getTime() - b.gate.plannedDate.getTime());
}
