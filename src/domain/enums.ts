/**
 * Domain enums as string-literal unions.
 *
 * Each array matches the Prisma enum of the same name in prisma/schema.prisma exactly (same values,
 * same order), so values pass between the domain and the database without mapping. src/domain does
 * not import Prisma; if the schema changes, change this file with it.
 *
 * Most enums come with a `*_LABELS` map of human labels for UI and reports.
 */

// --- Programme -------------------------------------------------------------------------------

export const PHASE_KEYS = ["DISCOVERY", "PILOT", "ROLLOUT", "GOVERNANCE"] as const;
export type PhaseKey = (typeof PHASE_KEYS)[number];
export const PHASE_LABELS: Readonly<Record<PhaseKey, string>> = {
  DISCOVERY: "Discovery & Architecture",
  PILOT: "Controlled Pilot",
  ROLLOUT: "Staged Production Rollout",
  GOVERNANCE: "Post-launch governance",
};

export const DEPLOYMENT_KINDS = ["CLAUDE_APPS", "API", "CLAUDE_CODE", "MIXED"] as const;
export type DeploymentKind = (typeof DEPLOYMENT_KINDS)[number];
export const DEPLOYMENT_KIND_LABELS: Readonly<Record<DeploymentKind, string>> = {
  CLAUDE_APPS: "Claude apps / Cowork seats",
  API: "API integration",
  CLAUDE_CODE: "Claude Code",
  MIXED: "Mixed",
};

export const PROGRAMME_STATUSES = ["ACTIVE", "PAUSED", "STOPPED", "COMPLETED"] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
export const PROGRAMME_STATUS_LABELS: Readonly<Record<ProgrammeStatus, string>> = {
  ACTIVE: "Active",
  PAUSED: "Paused",
  STOPPED: "Stopped",
  COMPLETED: "Completed",
};

// --- People ----------------------------------------------------------------------------------

export const ROLES = ["PROGRAMME_MANAGER", "SPONSOR", "GATE_REVIEWER", "WORKFLOW_OWNER", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  PROGRAMME_MANAGER: "Programme manager",
  SPONSOR: "Sponsor",
  GATE_REVIEWER: "Gate reviewer",
  WORKFLOW_OWNER: "Workflow owner",
  VIEWER: "Viewer",
};

export const REVIEW_FUNCTIONS = ["SECURITY", "LEGAL_PRIVACY", "IT", "ENGINEERING", "PROCUREMENT", "HR", "BUSINESS"] as const;
export type ReviewFunction = (typeof REVIEW_FUNCTIONS)[number];
export const REVIEW_FUNCTION_LABELS: Readonly<Record<ReviewFunction, string>> = {
  SECURITY: "Security",
  LEGAL_PRIVACY: "Legal/Privacy",
  IT: "IT",
  ENGINEERING: "Engineering",
  PROCUREMENT: "Procurement",
  HR: "HR",
  BUSINESS: "Business sponsor",
};

export const STAKEHOLDER_ROLES = [
  "CIO_CTO",
  "CISO_SECURITY",
  "LEGAL_PRIVACY",
  "PROCUREMENT",
  "BUSINESS_UNIT_LEADER",
  "ENGINEERING_LEAD",
  "HR",
] as const;
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];
export const STAKEHOLDER_ROLE_LABELS: Readonly<Record<StakeholderRole, string>> = {
  CIO_CTO: "CIO / CTO",
  CISO_SECURITY: "IT Security / CISO",
  LEGAL_PRIVACY: "Legal / Privacy",
  PROCUREMENT: "Procurement",
  BUSINESS_UNIT_LEADER: "Business unit leader",
  ENGINEERING_LEAD: "Engineering lead",
  HR: "HR",
};

export const STANCES = ["NOT_ENGAGED", "ENGAGED", "SUPPORTIVE", "BLOCKING"] as const;
export type Stance = (typeof STANCES)[number];
export const STANCE_LABELS: Readonly<Record<Stance, string>> = {
  NOT_ENGAGED: "Not engaged",
  ENGAGED: "Engaged",
  SUPPORTIVE: "Supportive",
  BLOCKING: "Blocking",
};

// --- Plan and gates --------------------------------------------------------------------------

export const GATE_KEYS = ["ARCHITECTURE_REVIEW", "PILOT_DEBRIEF", "PRODUCTION_READINESS", "POST_LAUNCH_REVIEW"] as const;
export type GateKey = (typeof GATE_KEYS)[number];
export const GATE_LABELS: Readonly<Record<GateKey, string>> = {
  ARCHITECTURE_REVIEW: "Architecture Review",
  PILOT_DEBRIEF: "Pilot Debrief",
  PRODUCTION_READINESS: "Production Readiness Review",
  POST_LAUNCH_REVIEW: "30-Day Post-Launch Review",
};

export const GATE_STATUSES = ["NOT_STARTED", "IN_REVIEW", "APPROVED", "REJECTED"] as const;
export type GateStatus = (typeof GATE_STATUSES)[number];
export const GATE_STATUS_LABELS: Readonly<Record<GateStatus, string>> = {
  NOT_STARTED: "Not started",
  IN_REVIEW: "In review",
  APPROVED: "Approved",
  REJECTED: "Rejected",
};

export const GATE_DECISIONS = ["GO", "CONDITIONAL_GO", "NO_GO"] as const;
export type GateDecision = (typeof GATE_DECISIONS)[number];
export const GATE_DECISION_LABELS: Readonly<Record<GateDecision, string>> = {
  GO: "Go",
  CONDITIONAL_GO: "Conditional go",
  NO_GO: "No-go",
};

export const CRITERION_STATUSES = ["OPEN", "MET", "WAIVED"] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];
export const CRITERION_STATUS_LABELS: Readonly<Record<CriterionStatus, string>> = {
  OPEN: "Open",
  MET: "Met",
  WAIVED: "Waived",
};

export const SIGN_OFF_DECISIONS = ["APPROVE", "APPROVE_WITH_CONDITIONS", "REJECT"] as const;
export type SignOffDecision = (typeof SIGN_OFF_DECISIONS)[number];
export const SIGN_OFF_DECISION_LABELS: Readonly<Record<SignOffDecision, string>> = {
  APPROVE: "Approve",
  APPROVE_WITH_CONDITIONS: "Approve with conditions",
  REJECT: "Reject",
};

export const MILESTONE_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "BLOCKED"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const MILESTONE_STATUS_LABELS: Readonly<Record<MilestoneStatus, string>> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  BLOCKED: "Blocked",
};

// --- Risks -----------------------------------------------------------------------------------

export const LEVELS = ["LOW", "MEDIUM", "HIGH"] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
};

export const RISK_STATUSES = ["OPEN", "MITIGATING", "ACCEPTED", "CLOSED"] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
export const RISK_STATUS_LABELS: Readonly<Record<RiskStatus, string>> = {
  OPEN: "Open",
  MITIGATING: "Mitigating",
  ACCEPTED: "Accepted",
  CLOSED: "Closed",
};

// --- Discovery records -----------------------------------------------------------------------

export const USE_CASE_STATUSES = ["CANDIDATE", "SHORTLISTED", "POC", "PILOT", "PRODUCTION", "PARKED"] as const;
export type UseCaseStatus = (typeof USE_CASE_STATUSES)[number];
export const USE_CASE_STATUS_LABELS: Readonly<Record<UseCaseStatus, string>> = {
  CANDIDATE: "Candidate",
  SHORTLISTED: "Shortlisted",
  POC: "POC",
  PILOT: "Pilot",
  PRODUCTION: "Production",
  PARKED: "Parked",
};

export const DATA_SENSITIVITIES = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"] as const;
export type DataSensitivity = (typeof DATA_SENSITIVITIES)[number];
export const DATA_SENSITIVITY_LABELS: Readonly<Record<DataSensitivity, string>> = {
  PUBLIC: "Public",
  INTERNAL: "Internal",
  CONFIDENTIAL: "Confidential",
  RESTRICTED: "Restricted",
};

export const DECISION_STATUSES = ["PROPOSED", "ACCEPTED", "SUPERSEDED"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECISION_STATUS_LABELS: Readonly<Record<DecisionStatus, string>> = {
  PROPOSED: "Proposed",
  ACCEPTED: "Accepted",
  SUPERSEDED: "Superseded",
};

export const POLICY_KINDS = ["ACCEPTABLE_USE", "ACCESS_CONTROL"] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export const POLICY_VERSION_STATUSES = ["DRAFT", "PUBLISHED", "RETIRED"] as const;
export type PolicyVersionStatus = (typeof POLICY_VERSION_STATUSES)[number];
export const POLICY_VERSION_STATUS_LABELS: Readonly<Record<PolicyVersionStatus, string>> = {
  DRAFT: "Draft",
  PUBLISHED: "Published",
  RETIRED: "Retired",
};
