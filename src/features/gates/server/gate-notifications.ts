import "server-only";

import { GATE_DECISION_LABELS, REVIEW_FUNCTION_LABELS, type GateDecision, type GateKey, type ReviewFunction } from "@/domain/enums";
import type { Tx } from "@/server/db";
import { notify } from "@/server/notifications/notify";

import { gateDecidedKind, gateReviewOpenKind, signatureVoidedKind } from "../notifications";
import { gateSlug } from "../slugs";

/** Who to tell about a gate, resolved from the programme's memberships in the database. */

interface GateRef {
  id: string;
  key: GateKey;
  name: string;
  round: number;
  requiredFunctions: readonly string[];
}

const gateLink = async (tx: Tx, programmeId: string, key: GateKey) => {
  const { slug } = await tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { slug: true } });
  return `/programmes/${slug}/gates/${gateSlug(key)}`;
};

/** "Architecture Review is open for your Security sign-off": to each reviewer holding a function the gate requires. */
export async function notifyReviewOpen(tx: Tx, programmeId: string, gate: GateRef, actorId: string) {
  const link = await gateLink(tx, programmeId, gate.key);
  const reviewers = await tx.membership.findMany({
    where: { programmeId, roles: { has: "GATE_REVIEWER" }, functions: { hasSome: gate.requiredFunctions as ReviewFunction[] } },
    select: { userId: true, functions: true },
  });
  for (const fn of gate.requiredFunctions as ReviewFunction[]) {
    const recipientIds = reviewers.filter((r) => r.functions.includes(fn) && r.userId !== actorId).map((r) => r.userId);
    await notify(tx, {
      kind: gateReviewOpenKind,
      programmeId,
      recipientIds,
      subject: `${gate.name} is open for your ${REVIEW_FUNCTION_LABELS[fn]} sign-off`,
      text:
        gate.round > 1
          ? `Round ${gate.round} of ${gate.name} is open. Review the evidence and sign as ${REVIEW_FUNCTION_LABELS[fn]} reviewer.`
          : `Review the evidence and sign as ${REVIEW_FUNCTION_LABELS[fn]} reviewer: approve, approve with conditions, or reject.`,
      link,
    });
  }
}

/** "Your Security signature on Architecture Review was voided": to each reviewer whose signature was voided, with why. */
export async function notifySignaturesVoided(
  tx: Tx,
  programmeId: string,
  gate: Pick<GateRef, "key" | "name">,
  voided: { reviewerId: string; function: string; reason: string }[],
) {
  if (voided.length === 0) return;
  const link = await gateLink(tx, programmeId, gate.key);
  const members = await tx.membership.findMany({
    where: { programmeId, id: { in: voided.map((v) => v.reviewerId) } },
    select: { id: true, userId: true },
  });
  for (const v of voided) {
    const member = members.find((m) => m.id === v.reviewerId);
    if (!member) continue;
    const fn = REVIEW_FUNCTION_LABELS[v.function as ReviewFunction] ?? v.function;
    await notify(tx, {
      kind: signatureVoidedKind,
      programmeId,
      recipientIds: [member.userId],
      subject: `Your ${fn} signature on ${gate.name} was voided: re-sign required`,
      text: `Why: ${v.reason}.\n\nThe evidence you signed has changed. Review it again and sign as ${fn} reviewer.`,
      link,
    });
  }
}

export type GateOutcome = { status: "APPROVED" | "REJECTED" } | { decision: GateDecision };

/** "Architecture Review was approved": to programme managers, sponsors and the round's signers. */
export async function notifyGateDecided(
  tx: Tx,
  programmeId: string,
  gate: Pick<GateRef, "id" | "key" | "name" | "round">,
  outcome: GateOutcome,
  actorId: string,
) {
  const link = await gateLink(tx, programmeId, gate.key);
  const [leads, signers] = await Promise.all([
    tx.membership.findMany({ where: { programmeId, roles: { hasSome: ["PROGRAMME_MANAGER", "SPONSOR"] } }, select: { userId: true } }),
    tx.signOff.findMany({ where: { gateId: gate.id, round: gate.round }, select: { reviewer: { select: { userId: true } } } }),
  ]);
  const recipientIds = [...leads.map((m) => m.userId), ...signers.map((s) => s.reviewer.userId)].filter((id) => id !== actorId);
  const subject =
    "status" in outcome
      ? `${gate.name} was ${outcome.status === "APPROVED" ? "approved" : "rejected"}`
      : `${gate.name} decision: ${GATE_DECISION_LABELS[outcome.decision]}`;
  const text =
    "status" in outcome
      ? outcome.status === "APPROVED"
        ? "Every required function signed and every criterion is met or waived."
        : "A reviewer rejected the gate. The programme manager can open a new round once the changes are made."
      : outcome.decision === "CONDITIONAL_GO"
        ? "Each condition must be closed before the Production Readiness Review can be approved."
        : "";
  await notify(tx, { kind: gateDecidedKind, programmeId, recipientIds, subject, text, link });
}
