/**
 * Types of the versioned 90-day programme template: pure data, no I/O.
 *
 * Days are 1-based programme days: Day 1 is the programme's start date. Weeks are 1-based too:
 * week W covers days 7W-6 .. 7W.
 */
import type { GateKey, Level, PhaseKey, ReviewFunction, StakeholderRole } from "../enums";

export type { GateKey, Level, PhaseKey, ReviewFunction, StakeholderRole } from "../enums";

export interface PhaseTemplate {
  key: PhaseKey;
  /** 1-based position in the programme. */
  ordinal: number;
  name: string;
  /** First programme day of the phase (inclusive). */
  startDay: number;
  /** Last programme day of the phase (inclusive); null for an open-ended phase (post-launch governance). */
  endDay: number | null;
  summary: string;
}

export interface CriterionTemplate {
  title: string;
  /** What evidence satisfies it, e.g. "Link the accepted Architecture Decision Record". */
  guidance: string;
}

export interface GateTemplate {
  key: GateKey;
  /** 1-based position among the gates. */
  ordinal: number;
  name: string;
  purpose: string;
  /** Programme day (1-based) the gate is planned for. */
  plannedDay: number;
  /**
   * The phase this gate ends when it is approved, or null when approval does not end a phase.
   * (ARCHITECTURE_REVIEW ends DISCOVERY, PILOT_DEBRIEF ends PILOT.)
   */
  closesPhase: PhaseKey | null;
  /**
   * The phase that may not start until this gate is approved, or null when the gate guards no phase
   * start. Every phase after the first is guarded by exactly one gate. Approval *permits* the phase
   * to start; it does not necessarily start it at once (see PRODUCTION_READINESS in v1).
   */
  opensPhase: PhaseKey | null;
  /** Functions that must each give a valid approving sign-off. Never empty. */
  requiredFunctions: readonly ReviewFunction[];
  /** Checklist items that must each be met or waived with a reason. Never empty. */
  criteria: readonly CriterionTemplate[];
}

/** Who a milestone is suggested to be owned by: a stakeholder role or the programme manager. */
export type MilestoneOwner = StakeholderRole | "PROGRAMME_MANAGER";

export interface MilestoneTemplate {
  /** 1..13; the milestone is due at the end of this week (programme day 7 * week). */
  week: number;
  phase: PhaseKey;
  title: string;
  /** The concrete deliverable that shows the milestone is done. */
  deliverable: string;
  suggestedOwner: MilestoneOwner;
}

export interface RiskTemplate {
  title: string;
  probability: Level;
  impact: Level;
  /** The playbook's "Impact" text, verbatim. */
  consequence: string;
  /** The playbook's mitigation text, verbatim. */
  mitigation: string;
}

export interface StakeholderTemplate {
  role: StakeholderRole;
  /** What they provide and what concerns them, from the playbook. */
  why: string;
  engagementPlan: string;
  /** Week (1-based) by which the stakeholder should be engaged. */
  engageByWeek: number;
}

export interface ProgrammeTemplate {
  /** "90-day/2026-11" style: plan length / year-month the template was written. */
  version: string;
  totalDays: 90;
  phases: readonly PhaseTemplate[];
  gates: readonly GateTemplate[];
  milestones: readonly MilestoneTemplate[];
  risks: readonly RiskTemplate[];
  stakeholders: readonly StakeholderTemplate[];
}

// --- The concrete plan of one programme (output of planProgramme) -----------------------------
// Dates are UTC midnights (Prisma @db.Date). Field names follow the Prisma models; fields that are
// not columns of that model are marked.

export interface PlannedPhase {
  key: PhaseKey;
  ordinal: number;
  name: string;
  plannedStart: Date;
  /** null for the open-ended governance phase. */
  plannedEnd: Date | null;
}

export interface PlannedCriterion {
  /** 1-based position within the gate. */
  ordinal: number;
  title: string;
  guidance: string;
}

export interface PlannedGate {
  key: GateKey;
  ordinal: number;
  name: string;
  purpose: string;
  plannedDate: Date;
  requiredFunctions: ReviewFunction[];
  /** Not a Gate column: rows of GateCriterion, to create with the gate's id. */
  criteria: PlannedCriterion[];
}

export interface PlannedMilestone {
  week: number;
  phase: PhaseKey;
  title: string;
  deliverable: string;
  /** End of the milestone's week: programme day 7 * week. */
  dueDate: Date;
  /** Not a Milestone column: who to suggest as owner when assigning ownerId. */
  suggestedOwner: MilestoneOwner;
}

export interface PlannedRisk {
  title: string;
  probability: Level;
  impact: Level;
  consequence: string;
  mitigation: string;
  fromPlaybook: true;
}

export interface PlannedStakeholder {
  role: StakeholderRole;
  /** The template's `why`; stored as Stakeholder.concerns. */
  why: string;
  engagementPlan: string;
  engageByWeek: number;
}

export interface ProgrammePlan {
  templateVersion: string;
  startDate: Date;
  phases: PlannedPhase[];
  gates: PlannedGate[];
  milestones: PlannedMilestone[];
  risks: PlannedRisk[];
  stakeholders: PlannedStakeholder[];
}
