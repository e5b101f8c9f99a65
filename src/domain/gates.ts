/**
 * Gate rules, pure. The server calls them before a write and again inside the transaction that
 * writes, on rows it has locked, so a rule holds even when two people act at once.
 */
import {
  GATE_LABELS,
  PHASE_LABELS,
  REVIEW_FUNCTION_LABELS,
  type CriterionStatus,
  type GateDecision,
  type GateKey,
  type GateStatus,
  type PhaseKey,
  type ReviewFunction,
  type Role,
  type SignOffDecision,
} from "./enums";

export interface CriterionState {
  id: string;
  title: string;
  status: CriterionStatus;
  waiverReason: string | null;
}

export interface SignOffState {
  id: string;
  function: ReviewFunction;
  decision: SignOffDecision;
  reviewerId: string; // membership id
  voided: boolean;
}

export interface GateState {
  key: GateKey;
  status: GateStatus;
  round: number;
  requiredFunctions: readonly ReviewFunction[];
  criteria: readonly CriterionState[];
  /** Sign-offs of the current round, void ones included. */
  signOffs: readonly SignOffState[];
  /** For the Production Readiness Review: the Pilot Debrief's conditions still open. */
  openConditions?: readonly { title: string }[];
}

const approves = (d: SignOffDecision) => d === "APPROVE" || d === "APPROVE_WITH_CONDITIONS";

export function gateReadiness(gate: GateState) {
  const valid = gate.signOffs.filter((s) => !s.voided);
  const approved = gate.requiredFunctions.filter((f) => valid.some((s) => s.function === f && approves(s.decision)));
  const rejectedBy = valid.filter((s) => s.decision === "REJECT").map((s) => s.function);
  const missingSignOffs = gate.requiredFunctions.filter((f) => !approved.includes(f));
  const unmetCriteria = gate.criteria.filter((c) => c.status === "OPEN");
  const voided = gate.signOffs.filter((s) => s.voided).map((s) => s.function);
  const criteriaMet = gate.criteria.length - unmetCriteria.length;
  const openConditions = gate.openConditions ?? [];
  return {
    criteriaMet,
    criteriaTotal: gate.criteria.length,
    signOffsDone: approved.length,
    signOffsRequired: gate.requiredFunctions.length,
    approvedFunctions: approved,
    missingSignOffs,
    unmetCriteria,
    openConditions,
    rejectedBy,
    /** Functions whose signature was voided by an evidence change and not yet given again. */
    resignRequired: voided.filter((f) => !valid.some((s) => s.function === f)),
    /** Every required function approved, every criterion met or waived, no rejection. */
    complete: missingSignOffs.length === 0 && unmetCriteria.length === 0 && rejectedBy.length === 0 && openConditions.length === 0,
    summary: `${criteriaMet} of ${gate.criteria.length} criteria met, ${approved.length} of ${gate.requiredFunctions.length} sign-offs`,
  };
}
export type GateReadiness = ReturnType<typeof gateReadiness>;

/** "Architecture Review needs: Legal/Privacy sign-off; criterion 'Vendor security questionnaire complete' is not met" */
export function describeWhatIsMissing(gateKey: GateKey, r: GateReadiness): string {
  const parts = [
    ...r.rejectedBy.map((f) => `${REVIEW_FUNCTION_LABELS[f]} rejected this round`),
    ...r.missingSignOffs.filter((f) => !r.rejectedBy.includes(f)).map((f) => `${REVIEW_FUNCTION_LABELS[f]} sign-off`),
    ...r.unmetCriteria.map((c) => `criterion '${c.title}' is not met`),
    ...r.openConditions.map((c) => `Pilot Debrief condition '${c.title}' is open`),
  ];
  return `${GATE_LABELS[gateKey]} needs: ${parts.join("; ")}`;
}

/** The status a gate moves to after its sign-offs change: rejected, approved, or still in review. */
export function settleGate(gate: GateState): GateStatus {
  if (gate.status !== "IN_REVIEW") return gate.status;
  const r = gateReadiness(gate);
  if (r.rejectedBy.length > 0) return "REJECTED";
  return r.complete ? "APPROVED" : "IN_REVIEW";
}

export interface SignRequest {
  gate: GateState;
  reviewer: { membershipId: string; roles: readonly Role[]; functions: readonly ReviewFunction[] };
  fn: ReviewFunction;
  decision: SignOffDecision;
  reason: string | null;
  /** For the Pilot Debrief: how long the pilot has run, against the programme's minimum. */
  pilot?: { daysRun: number; minDays: number };
}

/** The pilot's days so far: from the day it started (day 1) to today. 0 when it has not started. */
export function pilotDaysRun(pilotStartedOn: Date | null, today: Date): number {
  if (!pilotStartedOn) return 0;
  return Math.max(0, Math.floor((today.getTime() - pilotStartedOn.getTime()) / 86_400_000) + 1);
}

/** Why this sign-off may not be given; empty when it may. */
export function signOffProblems({ gate, reviewer, fn, decision, reason, pilot }: SignRequest): string[] {
  const label = REVIEW_FUNCTION_LABELS[fn];
  const problems: string[] = [];
  if (gate.status !== "IN_REVIEW")
    problems.push(
      gate.status === "NOT_STARTED"
        ? "This gate is not open for review yet."
        : `This round is closed (${gate.status === "APPROVED" ? "approved" : "rejected"}).`,
    );
  if (!reviewer.roles.includes("GATE_REVIEWER") || !reviewer.functions.includes(fn))
    problems.push(`You do not hold the ${label} review function in this programme.`);
  if (!gate.requiredFunctions.includes(fn)) problems.push(`${GATE_LABELS[gate.key]} does not need ${label} sign-off.`);
  const valid = gate.signOffs.filter((s) => !s.voided);
  if (valid.some((s) => s.function === fn)) problems.push(`${label} has already signed this round.`);
  const mine = valid.find((s) => s.reviewerId === reviewer.membershipId && s.function !== fn);
  if (mine)
    problems.push(`You already signed this gate as ${REVIEW_FUNCTION_LABELS[mine.function]}; one person cannot fill two functions.`);
  if (gate.key === "PILOT_DEBRIEF" && pilot && pilot.daysRun < pilot.minDays)
    problems.push(
      `The pilot has run ${pilot.daysRun} of its minimum ${pilot.minDays} days; the Pilot Debrief cannot be decided before then.`,
    );
  if (decision !== "APPROVE" && !reason?.trim())
    problems.push(decision === "REJECT" ? "Give the reason for rejecting." : "State the conditions of your approval.");
  return problems;
}

export function signatureMeaning(fn: ReviewFunction, decision: SignOffDecision): string {
  const as = `as ${REVIEW_FUNCTION_LABELS[fn]} reviewer`;
  return decision === "APPROVE"
    ? `Approved ${as}`
    : decision === "APPROVE_WITH_CONDITIONS"
      ? `Approved with conditions ${as}`
      : `Rejected ${as}`;
}

/** Re-authentication to sign: a password now, or a single sign-on no older than this. */
export const SSO_SIGN_MAX_AGE_MS = 5 * 60 * 1000;

export interface PhaseStartCheck {
  phase: PhaseKey;
  currentPhase: PhaseKey;
  order: readonly PhaseKey[];
  /** The gate that guards this phase, with its state. */
  gate: GateState | null;
  aupPublished: boolean;
  /** The Pilot Debrief's recorded decision (for the rollout). */
  pilotDecision?: GateDecision | null;
}

/** Why this phase may not start now; empty when it may. */
export function phaseStartProblems(c: PhaseStartCheck): string[] {
  const idx = c.order.indexOf(c.phase);
  const current = c.order.indexOf(c.currentPhase);
  if (idx <= current) return [`${PHASE_LABELS[c.phase]} has already started.`];
  if (idx !== current + 1) return [`${PHASE_LABELS[c.order[current + 1]!]} comes first.`];
  const problems: string[] = [];
  if (c.gate && c.gate.status !== "APPROVED") {
    const r = gateReadiness(c.gate);
    problems.push(
      c.gate.status === "NOT_STARTED"
        ? `${GATE_LABELS[c.gate.key]} has not been opened for review.`
        : r.complete
          ? `${GATE_LABELS[c.gate.key]} is not approved.`
          : describeWhatIsMissing(c.gate.key, r),
    );
  }
  if (c.phase === "PILOT" && !c.aupPublished) problems.push("The acceptable use policy must be published before the pilot starts.");
  if (c.phase === "ROLLOUT" && c.gate?.status === "APPROVED" && c.pilotDecision !== "GO" && c.pilotDecision !== "CONDITIONAL_GO")
    problems.push(
      c.pilotDecision === "NO_GO" ? "The Pilot Debrief decided No-go." : "Record the Pilot Debrief decision (Go or Conditional go) first.",
    );
  return problems;
}

export interface ConditionDraft {
  title: string;
  ownerId: string | null;
  dueDate: string | null;
}

/** Why the Pilot Debrief decision may not be recorded as asked; empty when it may. */
export function pilotDecisionProblems(input: {
  gateStatus: GateStatus;
  existing: GateDecision | null;
  decision: GateDecision;
  conditions: readonly ConditionDraft[];
}): string[] {
  if (input.existing) return ["The Pilot Debrief decision for this round is already recorded."];
  const problems: string[] = [];
  if (input.decision === "NO_GO") {
    if (input.gateStatus !== "APPROVED" && input.gateStatus !== "REJECTED")
      problems.push("Decide once the Pilot Debrief round is closed (approved or rejected).");
  } else if (input.gateStatus !== "APPROVED") {
    problems.push(`${input.decision === "GO" ? "Go" : "Conditional go"} needs an approved Pilot Debrief round.`);
  }
  if (input.decision === "CONDITIONAL_GO") {
    if (input.conditions.length === 0) problems.push("A Conditional go needs at least one condition.");
    input.conditions.forEach((c, i) => {
      if (!c.title.trim() || !c.ownerId || !c.dueDate) problems.push(`Condition ${i + 1} needs a description, an owner and a due date.`);
    });
  } else if (input.conditions.length > 0) {
    problems.push("Only a Conditional go has conditions.");
  }
  return problems;
}
