import { STAKEHOLDER_ROLE_LABELS, STAKEHOLDER_ROLES, type StakeholderRole, type Stance } from "./enums";
import { programmeDay } from "./template";

/**
 * Stakeholder map rules. The playbook: Procurement ("vendor onboarding takes 3 to 12 weeks") and IT
 * Security ("engage in Week 1, not Week 8") must be engaged in week 1; every relationship needs an
 * owner; a blocking stakeholder is escalated through the CIO / CTO.
 */

export interface StakeholderForFlags {
  id: string;
  role: StakeholderRole;
  personName: string | null;
  stance: Stance;
  relationshipOwnerId: string | null;
  engageByWeek: number;
}

export type StakeholderFlagKind = "NOT_ENGAGED_WEEK_1" | "NOT_ENGAGED_BY_PLAN" | "BLOCKING" | "UNOWNED";

export interface StakeholderFlag {
  kind: StakeholderFlagKind;
  stakeholderId: string;
  role: StakeholderRole;
  tone: "danger" | "warning";
  message: string;
}

/** The roles the playbook says must be engaged in week 1, whatever the plan says, and why. */
export const ENGAGE_IN_WEEK_1: Readonly<Partial<Record<StakeholderRole, string>>> = {
  PROCUREMENT: "vendor onboarding takes 3–12 weeks",
  CISO_SECURITY: "a late security review blocks API key provisioning and the pilot",
};

/** The last programme day of a week (week 1 ends on day 7). */
export const lastDayOfWeek = (week: number) => week * 7;

/** "Procurement (Ravi Patel)" or "Procurement". */
export function stakeholderName(s: { role: StakeholderRole; personName: string | null }): string {
  return s.personName ? `${STAKEHOLDER_ROLE_LABELS[s.role]} (${s.personName})` : STAKEHOLDER_ROLE_LABELS[s.role];
}

/**
 * The flags of a stakeholder map on `today`, most serious first:
 * - Procurement and IT Security still not engaged once the programme is past the end of week 1 (day > 7);
 * - any other role still not engaged past the end of its engage-by week;
 * - blocking stakeholders;
 * - relationships without an owner.
 */
export function flagStakeholders(startDate: Date, stakeholders: readonly StakeholderForFlags[], today: Date): StakeholderFlag[] {
  const day = programmeDay(startDate, today);
  const flags: StakeholderFlag[] = [];
  const ordered = [...stakeholders].sort((a, b) => STAKEHOLDER_ROLES.indexOf(a.role) - STAKEHOLDER_ROLES.indexOf(b.role));
  const label = (s: StakeholderForFlags) => STAKEHOLDER_ROLE_LABELS[s.role];

  for (const s of ordered) {
    if (s.stance !== "NOT_ENGAGED") continue;
    const why = ENGAGE_IN_WEEK_1[s.role];
    if (why !== undefined) {
      if (day > lastDayOfWeek(1))
        flags.push({
          kind: "NOT_ENGAGED_WEEK_1",
          stakeholderId: s.id,
          role: s.role,
          tone: "danger",
          message: `${label(s)} not engaged by the end of week 1: ${why}.`,
        });
    } else if (day > lastDayOfWeek(s.engageByWeek)) {
      flags.push({
        kind: "NOT_ENGAGED_BY_PLAN",
        stakeholderId: s.id,
        role: s.role,
        tone: "warning",
        message: `${label(s)} not engaged by the end of week ${s.engageByWeek}, as the engagement plan set out.`,
      });
    }
  }
  for (const s of ordered) {
    if (s.stance !== "BLOCKING") continue;
    const escalate = s.role === "CIO_CTO" ? "the programme's sponsor must resolve it" : "escalate through the CIO / CTO";
    flags.push({
      kind: "BLOCKING",
      stakeholderId: s.id,
      role: s.role,
      tone: "danger",
      message: `${stakeholderName(s)} is blocking the deployment: ${escalate}.`,
    });
  }
  for (const s of ordered) {
    if (s.relationshipOwnerId) continue;
    flags.push({ kind: "UNOWNED", stakeholderId: s.id, role: s.role, tone: "warning", message: `${label(s)} has no relationship owner.` });
  }
  return flags;
}
