import { DECISION_STATUS_LABELS, type DecisionStatus } from "./enums";

/**
 * Architecture decision records. A record is proposed, then accepted (the Architecture Review's
 * evidence), and later superseded by an accepted successor; it never goes back. Only a proposed
 * record's text changes: an accepted decision changes by writing and accepting its successor.
 */

export const adrLabel = (number: number) => `ADR-${number}`;

/** The moves a record may make. */
export const DECISION_TRANSITIONS: Readonly<Record<DecisionStatus, readonly DecisionStatus[]>> = {
  PROPOSED: ["ACCEPTED", "SUPERSEDED"],
  ACCEPTED: ["SUPERSEDED"],
  SUPERSEDED: [],
};

export function canMoveDecision(from: DecisionStatus, to: DecisionStatus): boolean {
  return DECISION_TRANSITIONS[from].includes(to);
}

export function isDecisionEditable(status: DecisionStatus): boolean {
  return status === "PROPOSED";
}

export interface DecisionRef {
  id: string;
  number: number;
  status: DecisionStatus;
}

/**
 * Why `record` may not move to `to`: empty when it may. Superseding needs `successor`, a different
 * record of the same programme that is accepted.
 */
export function decisionTransitionProblems(record: DecisionRef, to: DecisionStatus, successor: DecisionRef | null = null): string[] {
  const label = adrLabel(record.number);
  if (record.status === to) return [`${label} is already ${DECISION_STATUS_LABELS[to].toLowerCase()}.`];
  if (!canMoveDecision(record.status, to)) {
    return [
      record.status === "SUPERSEDED"
        ? `${label} is superseded; a superseded record does not change.`
        : `${label} is ${DECISION_STATUS_LABELS[record.status].toLowerCase()}; it cannot go back to ${DECISION_STATUS_LABELS[to].toLowerCase()}.`,
    ];
  }
  if (to !== "SUPERSEDED") return [];
  if (!successor) return [`Choose the record that supersedes ${label}.`];
  if (successor.id === record.id) return [`${label} cannot supersede itself.`];
  if (successor.status !== "ACCEPTED")
    return [
      `${adrLabel(successor.number)} is ${DECISION_STATUS_LABELS[successor.status].toLowerCase()}: only an accepted record can supersede ${label}. Accept it first.`,
    ];
  return [];
}

/** Records that may supersede `record`: the other accepted ones. */
export function possibleSuccessors<T extends DecisionRef>(record: DecisionRef, all: readonly T[]): T[] {
  return all.filter((d) => d.id !== record.id && decisionTransitionProblems(record, "SUPERSEDED", d).length === 0);
}
