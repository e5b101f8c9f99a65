import { createHash } from "node:crypto";

import { PHASE_KEYS, PHASE_LABELS, type PhaseKey } from "./enums";

/**
 * Pilot and staged rollout: cohorts, their entry thresholds (what the previous cohort must meet before a
 * cohort goes live) and rollback triggers (watched on a live cohort). Pure rules, shared by the operations,
 * the trigger job, the API and the pages. Shares and rates are fractions (0.6 = 60 %), costs USD.
 */

export const COHORT_KINDS = ["PEOPLE", "TRAFFIC"] as const;
export type CohortKind = (typeof COHORT_KINDS)[number];
export const COHORT_KIND_LABELS: Readonly<Record<CohortKind, string>> = { PEOPLE: "People", TRAFFIC: "Traffic share" };

export const COHORT_STATUSES = ["PLANNED", "LIVE", "PAUSED", "ROLLED_BACK", "COMPLETED"] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];
export const COHORT_STATUS_LABELS: Readonly<Record<CohortStatus, string>> = {
  PLANNED: "Planned",
  LIVE: "Live",
  PAUSED: "Paused",
  ROLLED_BACK: "Rolled back",
  COMPLETED: "Completed",
};

export const THRESHOLD_METRICS = ["ACTIVE_SHARE_7D", "ERROR_RATE", "COST_PER_TASK", "DAYS_LIVE"] as const;
export type ThresholdMetric = (typeof THRESHOLD_METRICS)[number];

export const TRIGGER_METRICS = ["ERROR_RATE_DAY", "COST_PER_TASK_DAY", "DAILY_COST", "ACTIVE_SHARE_DROP_WOW"] as const;
export type TriggerMetric = (typeof TRIGGER_METRICS)[number];

export const PILOT_TAGS = ["EARLY_ADOPTER", "SCEPTIC"] as const;
export type PilotTag = (typeof PILOT_TAGS)[number];
export const PILOT_TAG_LABELS: Readonly<Record<PilotTag, string>> = { EARLY_ADOPTER: "Early adopter", SCEPTIC: "Sceptic" };

export const ROLLBACK_ALERT_STATUSES = ["OPEN", "ROLLED_BACK", "ACCEPTED"] as const;
export type RollbackAlertStatus = (typeof ROLLBACK_ALERT_STATUSES)[number];
export const ROLLBACK_ALERT_STATUS_LABELS: Readonly<Record<RollbackAlertStatus, string>> = {
  OPEN: "Open",
  ROLLED_BACK: "Rolled back",
  ACCEPTED: "Accepted",
};

export const ROLLBACK_TEST_RESULTS = ["PASSED", "FAILED"] as const;
export type RollbackTestResult = (typeof ROLLBACK_TEST_RESULTS)[number];

export type MetricUnit = "share" | "usd" | "days";

/** How each entry threshold reads: the figure of the previous cohort, and whether it must be at least or at most the target. */
export const THRESHOLD_DEFINITIONS: Readonly<Record<ThresholdMetric, { label: string; bound: "min" | "max"; unit: MetricUnit }>> = {
  ACTIVE_SHARE_7D: { label: "Share of the previous cohort active over 7 days", bound: "min", unit: "share" },
  ERROR_RATE: { label: "Error rate of the previous cohort over 7 days", bound: "max", unit: "share" },
  COST_PER_TASK: { label: "Cost per task of the previous cohort over 7 days", bound: "max", unit: "usd" },
  DAYS_LIVE: { label: "Days the previous cohort has been live", bound: "min", unit: "days" },
};

/** Each trigger fires when its figure is above the limit (the active-share drop: a fall larger than the limit). */
export const TRIGGER_DEFINITIONS: Readonly<Record<TriggerMetric, { label: string; unit: MetricUnit; window: string }>> = {
  ERROR_RATE_DAY: { label: "Error rate above the limit over a day", unit: "share", window: "one day" },
  COST_PER_TASK_DAY: { label: "Cost per task above the limit over a day", unit: "usd", window: "one day" },
  DAILY_COST: { label: "Daily cost above the limit", unit: "usd", window: "one day" },
  ACTIVE_SHARE_DROP_WOW: { label: "Active share falling by more than the limit week on week", unit: "share", window: "two weeks" },
};

/** A value as the rules' messages print it (the pages format with src/lib/format). */
export function formatMetricValue(value: number, unit: MetricUnit): string {
  if (unit === "share") return `${(Math.round(value * 1000) / 10).toString()}%`;
  if (unit === "usd") return `$${value < 1 ? value.toFixed(4) : value.toFixed(2)}`;
  return `${Math.round(value)} day${Math.round(value) === 1 ? "" : "s"}`;
}

/** A cohort's key: lower-case words joined by hyphens ("Early adopters" → "early-adopters"). */
export function cohortKeyOf(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** What a usage event's `cohort` field is compared by: trimmed and lower-cased. */
export const cohortMatchKey = (value: string) => value.trim().toLowerCase();

/**
 * The pseudonymous person id the usage data uses: the first 16 hex of SHA-256 of the trimmed, lower-cased
 * email (the same as the usage imports' pseudonym). A value without "@" is already an id and is kept.
 */
export function personRefOf(value: string): string {
  const v = value.trim();
  if (!v.includes("@")) return v;
  return createHash("sha256").update(v.toLowerCase()).digest("hex").slice(0, 16);
}

export const rateOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** One day of a cohort's usage, from the rollups (or, in the equality test, from raw events). */
export interface DayFigures {
  day: string; // YYYY-MM-DD
  events: number;
  tasks: number;
  errors: number;
  costUsd: number;
}

export interface Measured {
  value: number | null;
  /** In words: what the figure rests on ("7 days to 2026-11-30: 412 tasks, 9 errors"). */
  basis: string;
}

export interface ThresholdResult {
  metric: ThresholdMetric;
  label: string;
  target: number;
  measured: number | null;
  met: boolean;
  basis: string;
}

export function evaluateThreshold(metric: ThresholdMetric, target: number, measured: Measured): ThresholdResult {
  const def = THRESHOLD_DEFINITIONS[metric];
  const met = measured.value !== null && (def.bound === "min" ? measured.value >= target : measured.value <= target);
  return { metric, label: def.label, target, measured: measured.value, met, basis: measured.basis };
}

/** "Share of the previous cohort active over 7 days is 42% (target at least 60%)". */
export function thresholdProblem(r: ThresholdResult): string {
  const def = THRESHOLD_DEFINITIONS[r.metric];
  const target = `${def.bound === "min" ? "at least" : "at most"} ${formatMetricValue(r.target, def.unit)}`;
  const measured = r.measured === null ? "not measured yet (no data)" : `is ${formatMetricValue(r.measured, def.unit)}`;
  return `${def.label} ${measured} (target ${target}).`;
}

export interface GoLiveFacts {
  cohortName: string;
  ordinal: number;
  status: CohortStatus;
  currentPhase: PhaseKey;
  previous: { name: string; status: CohortStatus; wentLive: boolean } | null;
  thresholds: readonly ThresholdResult[];
}

/** The phase a cohort needs: the pilot cohort goes live in the Controlled Pilot, later cohorts in the Staged Production Rollout. */
export const phaseForCohort = (ordinal: number): PhaseKey => (ordinal <= 1 ? "PILOT" : "ROLLOUT");

/** Why a cohort may not go live now (empty: it may). Each unmet threshold is named with its measured value and target. */
export function goLiveProblems(f: GoLiveFacts): string[] {
  const problems: string[] = [];
  if (f.status === "LIVE") return [`${f.cohortName} is already live.`];
  if (f.status === "COMPLETED") return [`${f.cohortName} is completed.`];
  const needed = phaseForCohort(f.ordinal);
  if (PHASE_KEYS.indexOf(f.currentPhase) < PHASE_KEYS.indexOf(needed))
    problems.push(`The ${PHASE_LABELS[needed]} phase has not started (the programme is in ${PHASE_LABELS[f.currentPhase]}).`);
  if (f.previous) {
    if (!f.previous.wentLive) problems.push(`${f.previous.name} has not gone live yet.`);
    else if (f.previous.status === "ROLLED_BACK") problems.push(`${f.previous.name} was rolled back.`);
  }
  for (const t of f.thresholds) if (!t.met) problems.push(thresholdProblem(t));
  return problems;
}

export type CohortAction = "pause" | "complete" | "rollBack";

/** Which statuses each change starts from. */
const ACTION_FROM: Readonly<Record<CohortAction, readonly CohortStatus[]>> = {
  pause: ["LIVE"],
  complete: ["LIVE", "PAUSED"],
  rollBack: ["LIVE", "PAUSED"],
};
export const ACTION_RESULT: Readonly<Record<CohortAction, CohortStatus>> = {
  pause: "PAUSED",
  complete: "COMPLETED",
  rollBack: "ROLLED_BACK",
};

export function actionProblem(action: CohortAction, status: CohortStatus, name: string): string | null {
  if (ACTION_FROM[action].includes(status)) return null;
  const verb = { pause: "paused", complete: "completed", rollBack: "rolled back" }[action];
  return `${name} is ${COHORT_STATUS_LABELS[status].toLowerCase()}; only a ${ACTION_FROM[action].map((s) => COHORT_STATUS_LABELS[s].toLowerCase()).join(" or ")} cohort can be ${verb}.`;
}

export interface TriggerBreach {
  measured: number;
  windowFrom: string;
  windowTo: string;
  basis: Record<string, number | string>;
}

const dayFigure = (metric: Exclude<TriggerMetric, "ACTIVE_SHARE_DROP_WOW">, d: DayFigures): number | null =>
  metric === "ERROR_RATE_DAY" ? rateOf(d.errors, d.tasks) : metric === "COST_PER_TASK_DAY" ? rateOf(d.costUsd, d.tasks) : d.costUsd;

/**
 * A day trigger against the cohort's days since it went live: the most recent day whose figure is above the
 * limit, or null. A day without tasks has no error rate or cost per task (it cannot breach those).
 */
export function dayTriggerBreach(
  metric: Exclude<TriggerMetric, "ACTIVE_SHARE_DROP_WOW">,
  limit: number,
  days: readonly DayFigures[],
): TriggerBreach | null {
  const sorted = [...days].sort((a, b) => (a.day < b.day ? 1 : -1));
  for (const d of sorted) {
    const v = dayFigure(metric, d);
    if (v !== null && v > limit)
      return {
        measured: v,
        windowFrom: d.day,
        windowTo: d.day,
        basis: { events: d.events, tasks: d.tasks, errors: d.errors, costUsd: d.costUsd },
      };
  }
  return null;
}

export interface WeekOnWeek {
  seats: number;
  /** People active in the 7 days to `to`, and in the 7 days before them. */
  activeThisWeek: number;
  activeLastWeek: number;
  from: string;
  to: string;
}

/** The fall in active share week on week, as a fraction of last week's share (0.25 = fell by 25 %); null without last week's data. */
export function activeShareDrop(w: WeekOnWeek): number | null {
  if (w.seats <= 0 || w.activeLastWeek <= 0) return null;
  return (w.activeLastWeek - w.activeThisWeek) / w.activeLastWeek;
}

export function weekTriggerBreach(limit: number, w: WeekOnWeek): TriggerBreach | null {
  const drop = activeShareDrop(w);
  if (drop === null || drop <= limit) return null;
  return {
    measured: drop,
    windowFrom: w.from,
    windowTo: w.to,
    basis: { seats: w.seats, activeThisWeek: w.activeThisWeek, activeLastWeek: w.activeLastWeek },
  };
}

/** The playbook: "include early adopters and skeptics". A pilot with people but no sceptic among them is flagged. */
export function pilotLacksSceptics(ordinal: number, tags: readonly (PilotTag | null)[]): boolean {
  return ordinal === 1 && tags.length > 0 && !tags.includes("SCEPTIC");
}

/** The seats a cohort's adoption is judged against: its planned seats, or its people when no seats are planned. */
export const cohortSeats = (plannedSeats: number | null, people: number): number => plannedSeats ?? people;
