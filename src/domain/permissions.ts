import type { Role } from "./enums";

/**
 * What each role may do in a programme. Roles are per programme; a member holds one or more.
 * Every server action and route handler asks `can()` (through the one authorization helper).
 */
export const PERMISSIONS = {
  "programme.read": ["PROGRAMME_MANAGER", "SPONSOR", "GATE_REVIEWER", "WORKFLOW_OWNER", "VIEWER"],
  "programme.update": ["PROGRAMME_MANAGER"],
  "members.read": ["PROGRAMME_MANAGER", "SPONSOR", "GATE_REVIEWER", "WORKFLOW_OWNER", "VIEWER"],
  "members.manage": ["PROGRAMME_MANAGER"],
  "audit.read": ["PROGRAMME_MANAGER", "SPONSOR", "GATE_REVIEWER", "WORKFLOW_OWNER", "VIEWER"],
  "tokens.manage": ["PROGRAMME_MANAGER"],
  "gates.manage": ["PROGRAMME_MANAGER"],
  "gates.sign": ["GATE_REVIEWER"],
  "phases.start": ["PROGRAMME_MANAGER"],
  "usecases.manage": ["PROGRAMME_MANAGER"],
  "cohorts.manage": ["PROGRAMME_MANAGER"],
  "stakeholders.manage": ["PROGRAMME_MANAGER"],
  "risks.manage": ["PROGRAMME_MANAGER"],
  "decisions.manage": ["PROGRAMME_MANAGER"],
  "policies.manage": ["PROGRAMME_MANAGER"],
  "costs.manage": ["PROGRAMME_MANAGER"],
  "usage.sync": ["PROGRAMME_MANAGER"],
  "jobs.manage": ["PROGRAMME_MANAGER"],
  "budget.approve": ["SPONSOR"],
  "report.review": ["SPONSOR"],
  "report.narrate": ["PROGRAMME_MANAGER"],
  "workflows.manage": ["PROGRAMME_MANAGER", "WORKFLOW_OWNER"],
  "workflows.approve": ["PROGRAMME_MANAGER", "WORKFLOW_OWNER"],
  "workflows.promote": ["PROGRAMME_MANAGER", "WORKFLOW_OWNER"],
  "workflows.run": ["PROGRAMME_MANAGER", "SPONSOR", "GATE_REVIEWER", "WORKFLOW_OWNER", "VIEWER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

/** Describes who may do something, for refusal messages ("Only a programme manager can …"). */
export function allowedRolesFor(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

/**
 * Rules on a membership's shape, checked on every change:
 * - at least one role;
 * - review functions only with the gate reviewer role, and a gate reviewer needs at least one.
 */
export function membershipProblems(
  roles: readonly Role[],
  functions: readonly string[],
): { field: "roles" | "functions"; message: string }[] {
  const problems: { field: "roles" | "functions"; message: string }[] = [];
  if (roles.length === 0) problems.push({ field: "roles", message: "Choose at least one role." });
  const reviewer = roles.includes("GATE_REVIEWER");
  if (reviewer && functions.length === 0)
    problems.push({ field: "functions", message: "A gate reviewer needs at least one review function." });
  if (!reviewer && functions.length > 0) problems.push({ field: "functions", message: "Review functions are only for gate reviewers." });
  return problems;
}

/** A programme must always keep at least one programme manager. */
export function wouldRemoveLastManager(managersBefore: number, memberWasManager: boolean, memberIsManagerAfter: boolean): boolean {
  return memberWasManager && !memberIsManagerAfter && managersBefore <= 1;
}
