import "server-only";

import type { GateKey, ReviewFunction } from "@/domain/enums";
import { gateReadiness } from "@/domain/gates";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { loadGate } from "./gate-state";

/** Everything the gate review page shows: checklist, readiness, signatures of every round, and what this user may do. */
export async function getGateReview(actor: Actor, programmeSlug: string, key: GateKey) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  const row = await db.gate.findFirst({ where: { programmeId, key }, select: { id: true } });
  if (!row) throw new NotFoundError("Gate not found.");
  const { gate, state, evidenceHash } = await loadGate(db, row.id);
  const [criteria, signOffs, members, me] = await Promise.all([
    db.gateCriterion.findMany({
      where: { gateId: gate.id },
      orderBy: { ordinal: "asc" },
      select: {
        id: true,
        ordinal: true,
        title: true,
        guidance: true,
        status: true,
        ownerId: true,
        evidenceUrl: true,
        evidenceNote: true,
        waiverReason: true,
        owner: { select: { user: { select: { name: true } } } },
      },
    }),
    db.signOff.findMany({
      where: { gateId: gate.id },
      orderBy: [{ round: "desc" }, { signedAt: "asc" }],
      select: {
        id: true,
        round: true,
        function: true,
        decision: true,
        meaning: true,
        reason: true,
        printedName: true,
        signedAt: true,
        ipAddress: true,
        userAgent: true,
        evidenceHash: true,
        voidedAt: true,
        voidReason: true,
      },
    }),
    db.membership.findMany({
      where: { programmeId },
      select: { id: true, user: { select: { name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } }),
  ]);
  const conditions = await db.gateCondition.findMany({
    where: { programmeId, gate: { key: "PILOT_DEBRIEF" } },
    orderBy: [{ closedAt: { sort: "asc", nulls: "first" } }, { dueDate: "asc" }],
    select: {
      id: true,
      title: true,
      dueDate: true,
      closedAt: true,
      closedNote: true,
      ownerId: true,
      owner: { select: { user: { select: { name: true } } } },
    },
  });
  const readiness = gateReadiness(state);
  const myFunctions = access.membership.roles.includes("GATE_REVIEWER") ? access.membership.functions : [];
  const valid = signOffs.filter((s) => s.round === gate.round && s.voidedAt === null);
  const mySigned = state.signOffs.some((s) => s.reviewerId === access.membership.id && !s.voided);
  const signable: ReviewFunction[] =
    gate.status === "IN_REVIEW" && !mySigned
      ? gate.requiredFunctions.filter((f) => myFunctions.includes(f) && !valid.some((s) => s.function === f))
      : [];
  return {
    access,
    gate,
    criteria,
    signOffs,
    readiness,
    evidenceHash,
    members: members.map((m) => ({ id: m.id, name: m.user.name })),
    canManage: access.can("gates.manage"),
    signable,
    signsWithPassword: me.passwordHash !== null,
    conditions: conditions.map(({ owner, ...c }) => ({
      ...c,
      ownerName: owner?.user.name ?? null,
      canClose: !c.closedAt && (access.can("gates.manage") || c.ownerId === access.membership.id),
    })),
  };
}
