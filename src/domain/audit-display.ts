/**
 * How the audit trail reads to a reviewer (decision record 023): event names in words, record types in
 * words, and the difference between an event's before and after snapshots, field by field.
 */

/** Every action the code records, in words. An action missing here is shown from its key ("gate.new_round" → "Gate new round"). */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  "programme.create": "Programme created",
  "member.add": "Member added",
  "member.update": "Member's roles changed",
  "member.remove": "Member removed",
  "invitation.create": "Invitation sent",
  "invitation.resend": "Invitation sent again",
  "invitation.revoke": "Invitation withdrawn",
  "invitation.accept": "Invitation accepted",
  "token.create": "API token created",
  "token.revoke": "API token revoked",
  "calendar.link": "Calendar link created",
  "phase.start": "Phase started",
  "gate.open": "Gate review opened",
  "gate.sign": "Gate signed",
  "gate.approve": "Gate approved",
  "gate.reject": "Gate rejected",
  "gate.decide": "Gate decided",
  "gate.new_round": "Gate review round reopened",
  "criterion.update": "Gate criterion updated",
  "condition.close": "Gate condition closed",
  "signoff.void": "Signature voided",
  "milestone.create": "Milestone added",
  "milestone.update": "Milestone updated",
  "milestone.delete": "Milestone deleted",
  "usecase.create": "Use case created",
  "usecase.update": "Use case updated",
  "usecase.status": "Use case moved",
  "usecase.import": "Use cases imported",
  "stakeholder.update": "Stakeholder updated",
  "risk.create": "Risk raised",
  "risk.update": "Risk updated",
  "decision.create": "Decision recorded",
  "decision.update": "Decision updated",
  "decision.accept": "Decision accepted",
  "decision.supersede": "Decision superseded",
  "policy.create": "Policy created",
  "policy.draft": "Policy draft saved",
  "policy.update": "Policy updated",
  "policy.publish": "Policy published",
  "policy.retire": "Policy retired",
  "price.seed": "Published prices loaded",
  "price.add": "Price added",
  "price.update": "Price changed",
  "scenario.create": "Cost scenario created",
  "scenario.update": "Cost scenario changed",
  "scenario.delete": "Cost scenario deleted",
  "scenario.send-back": "Cost scenario sent back",
  "budget.approve": "Budget approved",
  "budget.revoke": "Budget approval revoked",
  "department-budget.create": "Department budget added",
  "department-budget.update": "Department budget changed",
  "department-budget.delete": "Department budget removed",
  "usage.import": "Usage imported",
  "usage.ingest": "Usage received through the API",
  "usage.sync.start": "Usage sync started",
  "usage.sync.resume": "Usage sync resumed",
  "usage.sync.fail": "Usage sync failed",
  "narrative.draft": "Weekly narrative drafted",
  "narrative.update": "Weekly narrative edited",
  "narrative.publish": "Weekly narrative published",
  "narrative.reopen": "Weekly narrative reopened",
  "report.review": "Weekly report reviewed",
  "workflow.create": "Workflow created",
  "workflow.update": "Workflow updated",
  "workflow.version.save": "Workflow version saved",
  "workflow.candidate": "Workflow candidate chosen",
  "workflow.evaluate": "Workflow evaluated",
  "workflow.approve": "Workflow version approved",
  "workflow.promote": "Workflow promoted to production",
  "workflow.rollback": "Workflow rolled back",
  "workflow.testcase.create": "Test case added",
  "workflow.testcase.update": "Test case changed",
  "workflow.testcase.delete": "Test case deleted",
  "job.retry": "Job retried",
  "demo.seed": "Demo data loaded",
};

/** Record types in words. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  Programme: "Programme",
  Membership: "Member",
  Invitation: "Invitation",
  ApiToken: "API token",
  Phase: "Phase",
  Gate: "Gate",
  GateCriterion: "Gate criterion",
  GateCondition: "Gate condition",
  SignOff: "Signature",
  Milestone: "Milestone",
  UseCase: "Use case",
  Stakeholder: "Stakeholder",
  Risk: "Risk",
  Decision: "Decision",
  Policy: "Policy",
  PolicyVersion: "Policy version",
  ModelPrice: "Price",
  CostScenario: "Cost scenario",
  BudgetApproval: "Budget approval",
  DepartmentBudget: "Department budget",
  UsageImport: "Usage import",
  UsageSync: "Usage sync",
  WeeklyNarrative: "Weekly narrative",
  SponsorReview: "Weekly report review",
  Workflow: "Workflow",
  WorkflowVersion: "Workflow version",
  WorkflowTestCase: "Test case",
  EvaluationRun: "Evaluation",
  Job: "Job",
};

const sentence = (s: string) => {
  const t = s
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[._-]+/g, " ")
    .trim()
    .toLowerCase();
  return t.charAt(0).toUpperCase() + t.slice(1);
};

export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? sentence(action);
export const auditEntityLabel = (entityType: string) => AUDIT_ENTITY_LABELS[entityType] ?? sentence(entityType);

/** A field's name in words: "monthlyAmount" → "Monthly amount", "figures.seatPricePerMonth" → "Figures › Seat price per month". */
export const fieldLabel = (path: string) => path.split(".").map(sentence).join(" › ");

export interface AuditChange {
  field: string;
  /** Absent: the field was not there (a record created, or a field added). */
  before?: string;
  after?: string;
}

/** A snapshot value in words: whole, never cut (the page wraps long text). */
export function displayValue(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (typeof v === "number")
    return Number.isInteger(v) ? v.toLocaleString("en-US") : v.toLocaleString("en-US", { maximumFractionDigits: 4 });
  if (typeof v === "string") return v === "" ? "(empty)" : /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{4,}$/.test(v) ? sentence(v) : v;
  if (Array.isArray(v))
    return v.length === 0 ? "(none)" : v.map((x) => (typeof x === "object" && x !== null ? JSON.stringify(x) : displayValue(x))).join(", ");
  return JSON.stringify(v);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Leaves of a snapshot by dotted path; objects nested deeper than `depth` are one value. */
function flatten(v: unknown, prefix = "", depth = 3, out = new Map<string, unknown>()): Map<string, unknown> {
  if (isPlainObject(v) && depth > 0) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, depth - 1, out);
    if (Object.keys(v).length === 0 && prefix) out.set(prefix, v);
  } else if (prefix) out.set(prefix, v);
  else if (v !== null && v !== undefined) out.set("value", v);
  return out;
}

/**
 * The fields an event changed: each field whose value differs between before and after (or that only
 * one side has), in the order they appear. For a created record every field of after is listed; for a
 * deleted one every field of before.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = flatten(before);
  const a = flatten(after);
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  const changes: AuditChange[] = [];
  for (const f of fields) {
    const hasB = b.has(f);
    const hasA = a.has(f);
    const vb = hasB ? displayValue(b.get(f)) : undefined;
    const va = hasA ? displayValue(a.get(f)) : undefined;
    if (hasB && hasA && JSON.stringify(b.get(f)) === JSON.stringify(a.get(f))) continue;
    changes.push({ field: fieldLabel(f), ...(hasB ? { before: vb } : {}), ...(hasA ? { after: va } : {}) });
  }
  return changes;
}
