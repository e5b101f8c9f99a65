/**
 * Use-case rules, pure: the scoring rubric, the ranking rule, the priority-matrix quadrants, the
 * status moves, and the limits the server enforces before a write and again inside the transaction
 * that writes (on the programme row it has locked), so they hold when two people act at once.
 */
import { DATA_SENSITIVITY_LABELS, USE_CASE_STATUS_LABELS, type DataSensitivity, type UseCaseStatus } from "./enums";

// --- Scoring rubric ----------------------------------------------------------------------------

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

export function isScore(n: unknown): n is Score {
  return typeof n === "number" && Number.isInteger(n) && n >= SCORE_MIN && n <= SCORE_MAX;
}

export interface RubricLevel {
  score: Score;
  label: string;
  meaning: string;
}

/** What each business-value score means. Shown beside the input; scorers pick the highest level whose description fully holds. */
export const VALUE_RUBRIC: readonly RubricLevel[] = [
  { score: 1, label: "Minimal", meaning: "Nice to have. A few people save minutes a week; no business outcome anyone would measure." },
  { score: 2, label: "Low", meaning: "Helps one team with an occasional task. The benefit is real but hard to measure or small." },
  {
    score: 3,
    label: "Moderate",
    meaning: "Measurable time saved or quality gained for one team on a weekly task; worth a line in the pilot report.",
  },
  {
    score: 4,
    label: "High",
    meaning:
      "A daily task across a whole function gets markedly faster or better, or a cost, revenue or risk number the sponsor already tracks moves.",
  },
  {
    score: 5,
    label: "Transformational",
    meaning: "Changes how a core process runs across departments; a headline outcome for the executive sponsor that the pilot can measure.",
  },
];

/** What each implementation-complexity score means: integration, data, approvals and change involved. */
export const COMPLEXITY_RUBRIC: readonly RubricLevel[] = [
  {
    score: 1,
    label: "Trivial",
    meaning: "Works in Claude as it is with public or internal data: no integration, no new approvals, no training beyond the basics.",
  },
  { score: 2, label: "Low", meaning: "A documented prompt workflow; users paste or upload internal data themselves; one team, one owner." },
  {
    score: 3,
    label: "Moderate",
    meaning:
      "One integration (an MCP connector or a small API call) or confidential data: a security review and an evaluation set are needed.",
  },
  {
    score: 4,
    label: "High",
    meaning:
      "Several integrations or a custom API build, restricted or customer data: legal and privacy review, a test set, human review of outputs.",
  },
  {
    score: 5,
    label: "Very high",
    meaning:
      "New platform work: several systems of record, regulated data, human-in-the-loop controls and change management across departments.",
  },
];

export const rubricLabel = (rubric: readonly RubricLevel[], score: number | null | undefined) =>
  rubric.find((l) => l.score === score)?.label ?? "Not scored";

// --- Ranking -----------------------------------------------------------------------------------

/** The ranking rule, as shown to users beside the ranked list. */
export const RANKING_RULE =
  "Priority score = business value × (6 − implementation complexity), from 1 to 25: value counts for as much as ease. " +
  "Ties go to the higher business value, then to the title in alphabetical order. Parked use cases are not ranked.";

/** Priority score from 1 (value 1, complexity 5) to 25 (value 5, complexity 1); null until both are scored. */
export function priorityScore(value: number | null | undefined, complexity: number | null | undefined): number | null {
  if (!isScore(value) || !isScore(complexity)) return null;
  return value * (SCORE_MAX + 1 - complexity);
}

export interface Rankable {
  id: string;
  title: string;
  status: UseCaseStatus;
  businessValue: number | null;
  complexity: number | null;
}

export type Ranked<T extends Rankable> = T & { rank: number; score: number; top3: boolean };

export const TOP_N = 3;

/**
 * Force-ranks use cases by RANKING_RULE: every ranked use case gets a distinct rank (1, 2, 3, …) and
 * the first three are marked "Top 3". Parked and unscored use cases are left out.
 */
export function rankUseCases<T extends Rankable>(useCases: readonly T[]): Ranked<T>[] {
  return useCases
    .filter((u) => u.status !== "PARKED")
    .map((u) => ({ u, score: priorityScore(u.businessValue, u.complexity) }))
    .filter((x): x is { u: T; score: number } => x.score !== null)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.u.businessValue! - a.u.businessValue! ||
        a.u.title.localeCompare(b.u.title, "en", { sensitivity: "base" }) ||
        (a.u.id < b.u.id ? -1 : a.u.id > b.u.id ? 1 : 0),
    )
    .map((x, i) => ({ ...x.u, score: x.score, rank: i + 1, top3: i < TOP_N }));
}

// --- Priority matrix ---------------------------------------------------------------------------

export const QUADRANTS = ["QUICK_WIN", "STRATEGIC_BET", "FILL_IN", "AVOID"] as const;
export type Quadrant = (typeof QUADRANTS)[number];
export const QUADRANT_LABELS: Readonly<Record<Quadrant, string>> = {
  QUICK_WIN: "Quick wins",
  STRATEGIC_BET: "Strategic bets",
  FILL_IN: "Fill-ins",
  AVOID: "Avoid",
};
export const QUADRANT_HINTS: Readonly<Record<Quadrant, string>> = {
  QUICK_WIN: "High value, lower complexity: start here.",
  STRATEGIC_BET: "High value, high complexity: plan and fund properly.",
  FILL_IN: "Lower value, lower complexity: do when there is slack.",
  AVOID: "Lower value, high complexity: park unless something changes.",
};

/**
 * Where the matrix splits: a business value of 4 or 5 (High, Transformational) is high value; a
 * complexity of 4 or 5 (High, Very high) is high complexity. The lines sit half-way, at 3.5, so no
 * score falls on a line.
 */
export const QUADRANT_SPLIT = 3.5;

export function quadrantOf(value: number, complexity: number): Quadrant {
  const highValue = value > QUADRANT_SPLIT;
  const highComplexity = complexity > QUADRANT_SPLIT;
  if (highValue) return highComplexity ? "STRATEGIC_BET" : "QUICK_WIN";
  return highComplexity ? "AVOID" : "FILL_IN";
}

// --- Status moves ------------------------------------------------------------------------------

/**
 * The allowed moves: forward one step along candidate → shortlisted → POC → pilot → production, one
 * step back before production (a POC that needs rework, a pilot back to POC), park from anywhere,
 * and a parked use case comes back as a candidate or shortlisted.
 */
export const STATUS_MOVES: Readonly<Record<UseCaseStatus, readonly UseCaseStatus[]>> = {
  CANDIDATE: ["SHORTLISTED", "PARKED"],
  SHORTLISTED: ["POC", "CANDIDATE", "PARKED"],
  POC: ["PILOT", "SHORTLISTED", "PARKED"],
  PILOT: ["PRODUCTION", "POC", "PARKED"],
  PRODUCTION: ["PARKED"],
  PARKED: ["CANDIDATE", "SHORTLISTED"],
};

export const PIPELINE: readonly UseCaseStatus[] = ["CANDIDATE", "SHORTLISTED", "POC", "PILOT", "PRODUCTION"];

export function canMove(from: UseCaseStatus, to: UseCaseStatus): boolean {
  return STATUS_MOVES[from].includes(to);
}

/** POC and pilot: the use cases a programme is actively building and testing. */
export const IN_FLIGHT: readonly UseCaseStatus[] = ["POC", "PILOT"];
export const MAX_IN_FLIGHT = 3;
export const isInFlight = (s: UseCaseStatus) => IN_FLIGHT.includes(s);

/** A POC has started (and so scope changes are scope creep) once it entered POC. */
export const POC_OR_LATER: readonly UseCaseStatus[] = ["POC", "PILOT", "PRODUCTION"];

/** "A", "A and B", "A, B and C". */
export function listTitles(titles: readonly string[]): string {
  const quoted = titles.map((t) => `'${t}'`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}

export interface StatusChange {
  useCase: { id: string; title: string; status: UseCaseStatus; successCriteria: string | null; businessSponsor: string | null };
  to: UseCaseStatus;
  /** Every use case of the programme now in POC or pilot (the moving one included, if it is). */
  inFlight: readonly { id: string; title: string }[];
}

/** What is missing before this use case's POC may start (empty when nothing is). */
export function pocReadinessProblems(u: { title: string; successCriteria: string | null; businessSponsor: string | null }): string[] {
  const missing = [!u.successCriteria?.trim() && "success criteria", !u.businessSponsor?.trim() && "a business sponsor"].filter(
    (m): m is string => !!m,
  );
  if (missing.length === 0) return [];
  return [
    `'${u.title}' needs ${missing.join(" and ")} before its POC starts. Add ${missing.length === 1 ? "it" : "them"} on the edit page first.`,
  ];
}

/** Why a status change is refused; empty when it is allowed. */
export function statusChangeProblems({ useCase, to, inFlight }: StatusChange): string[] {
  const from = useCase.status;
  if (from === to) return [`'${useCase.title}' is already ${USE_CASE_STATUS_LABELS[to]}.`];
  if (!canMove(from, to)) {
    const allowed = STATUS_MOVES[from].map((s) => USE_CASE_STATUS_LABELS[s]);
    return [
      `A use case cannot move from ${USE_CASE_STATUS_LABELS[from]} to ${USE_CASE_STATUS_LABELS[to]}. From ${USE_CASE_STATUS_LABELS[from]} it can move to ${allowed.join(" or ")}.`,
    ];
  }
  const problems: string[] = [];
  if (to === "POC") problems.push(...pocReadinessProblems(useCase));
  if (isInFlight(to) && !isInFlight(from)) {
    const others = inFlight.filter((u) => u.id !== useCase.id);
    if (others.length >= MAX_IN_FLIGHT)
      problems.push(
        `At most three use cases can be in POC or pilot at once: ${listTitles(others.map((u) => u.title))} ${others.length === 1 ? "is" : "are"}. Park or finish one first.`,
      );
  }
  return problems;
}

/** While a use case is in POC or later, its success criteria and sponsor stay: they are what it is measured against. */
export function editProblems(
  u: { status: UseCaseStatus },
  next: { successCriteria: string | null; businessSponsor: string | null },
): { field: "successCriteria" | "businessSponsor"; message: string }[] {
  if (!POC_OR_LATER.includes(u.status)) return [];
  const problems: { field: "successCriteria" | "businessSponsor"; message: string }[] = [];
  if (!next.successCriteria?.trim())
    problems.push({ field: "successCriteria", message: "A use case in POC or later keeps its success criteria." });
  if (!next.businessSponsor?.trim())
    problems.push({ field: "businessSponsor", message: "A use case in POC or later keeps its business sponsor." });
  return problems;
}

// --- Scope changes -----------------------------------------------------------------------------

/** The fields that define what a use case is: changing one is a change of scope, logged. */
export const SCOPE_FIELDS = [
  "title",
  "description",
  "successCriteria",
  "businessFunction",
  "claudeProduct",
  "model",
  "dataSensitivity",
] as const;
export type ScopeField = (typeof SCOPE_FIELDS)[number];
export const SCOPE_FIELD_LABELS: Readonly<Record<ScopeField, string>> = {
  title: "Title",
  description: "Description",
  successCriteria: "Success criteria",
  businessFunction: "Business function",
  claudeProduct: "Claude product",
  model: "Model",
  dataSensitivity: "Data sensitivity",
};

export type ScopeValues = { [K in ScopeField]: K extends "dataSensitivity" ? DataSensitivity : string | null };

const norm = (v: string | null | undefined) => (v ?? "").trim();

/** One entry per scope field whose value changed (blank and missing count as the same). */
export function scopeChanges(
  before: ScopeValues,
  after: ScopeValues,
): { field: ScopeField; before: string | null; after: string | null }[] {
  return SCOPE_FIELDS.filter((f) => norm(before[f]) !== norm(after[f])).map((f) => ({
    field: f,
    before: norm(before[f]) || null,
    after: norm(after[f]) || null,
  }));
}

/** A change of scope is scope creep once the use case's POC has started. */
export const isScopeCreep = (pocStartedAt: Date | null) => pocStartedAt !== null;

/** A scope-log value for display: data sensitivity by its label. */
export function scopeValueLabel(field: string, value: string | null): string {
  if (value === null) return "—";
  if (field === "dataSensitivity" && value in DATA_SENSITIVITY_LABELS) return DATA_SENSITIVITY_LABELS[value as DataSensitivity];
  return value;
}

// --- Suggestions for the form ------------------------------------------------------------------

/** Offered in the form (free text: a programme may name its own). Products as the playbook names them. */
export const CLAUDE_PRODUCT_SUGGESTIONS = ["Claude apps (Cowork)", "Claude Code", "Claude API"] as const;
export const MODEL_SUGGESTIONS = [
  "claude-opus-5-5",
  "claude-sonnet-5-5",
  "claude-haiku-5-5",
  "claude-opus-4-7",
  "claude-sonnet-4-6",
  "claude-haiku-4-5",
] as const;
