import "server-only";

import {
  cohortMatchKey,
  cohortSeats,
  evaluateThreshold,
  rateOf,
  type DayFigures,
  type Measured,
  type ThresholdMetric,
  type ThresholdResult,
} from "@/domain/cohorts";
import { addUtcDays, utcDateOf } from "@/domain/template";
import type { Tx } from "@/server/db";

/**
 * A cohort's measured figures, read from the usage rollups (UsageDaily, dimension "cohort") and the people
 * active per day (UsageUserDay). Usage events name their cohort in their `cohort` field by the cohort's name
 * or key, compared trimmed and lower-cased; each query reads one programme's rows in a date range (bounded).
 */
type Db = Pick<Tx, "$queryRaw">;

export interface CohortRef {
  name: string;
  key: string;
}
export const matchKeysOf = (c: CohortRef) => [...new Set([cohortMatchKey(c.name), cohortMatchKey(c.key)])];
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The day measurements end on: the latest day of the programme's usage data, not after today; today when there is none. */
export async function measuredAsOf(db: Db, programmeId: string, now: Date): Promise<Date> {
  const today = utcDateOf(now);
  const rows = await db.$queryRaw<{ day: Date | null }[]>`
    SELECT max("day") AS "day" FROM "UsageDaily"
    WHERE "programmeId" = ${programmeId}::uuid AND "dimension" = 'all' AND "day" <= ${today}`;
  return rows[0]?.day ?? today;
}

/** The cohort's usage per day in [from, to], summed over the minutes sources. */
export async function cohortDays(db: Db, programmeId: string, cohort: CohortRef, from: Date, to: Date): Promise<DayFigures[]> {
  const rows = await db.$queryRaw<{ day: string; events: number; tasks: number; errors: number; costUsd: number }[]>`
    SELECT to_char("day", 'YYYY-MM-DD') AS "day", sum("events")::int AS "events", sum("tasks")::int AS "tasks",
           sum("errors")::int AS "errors", sum("costUsd")::float8 AS "costUsd"
    FROM "UsageDaily"
    WHERE "programmeId" = ${programmeId}::uuid AND "dimension" = 'cohort' AND "day" BETWEEN ${from} AND ${to}
      AND lower(btrim("key")) = ANY(${matchKeysOf(cohort)}::text[])
    GROUP BY "day" ORDER BY "day"`;
  return rows;
}

/** Distinct people whose usage named the cohort in [from, to]. */
export async function activePeople(db: Db, programmeId: string, cohort: CohortRef, from: Date, to: Date): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT "userRef")::int AS "n" FROM "UsageUserDay"
    WHERE "programmeId" = ${programmeId}::uuid AND "day" BETWEEN ${from} AND ${to}
      AND lower(btrim("cohort")) = ANY(${matchKeysOf(cohort)}::text[])`;
  return rows[0]?.n ?? 0;
}

export interface Adoption {
  activePeople: number;
  seats: number;
  share: number | null;
  from: string;
  to: string;
}

/** Active people over the 7 days to asOf against the cohort's seats (its planned seats, else its people). */
export async function cohortAdoption(
  db: Db,
  programmeId: string,
  cohort: CohortRef & { plannedSeats: number | null; peopleCount: number },
  asOf: Date,
): Promise<Adoption> {
  const from = addUtcDays(asOf, -6);
  const active = await activePeople(db, programmeId, cohort, from, asOf);
  const seats = cohortSeats(cohort.plannedSeats, cohort.peopleCount);
  return { activePeople: active, seats, share: rateOf(active, seats), from: isoDay(from), to: isoDay(asOf) };
}

export interface PreviousCohort extends CohortRef {
  plannedSeats: number | null;
  peopleCount: number;
  wentLiveAt: Date | null;
}

/** The previous cohort's figures each entry threshold is judged by (7 days to asOf). */
export async function measureThresholds(
  db: Db,
  programmeId: string,
  previous: PreviousCohort,
  thresholds: readonly { metric: ThresholdMetric; target: number }[],
  asOf: Date,
  now: Date,
): Promise<ThresholdResult[]> {
  if (thresholds.length === 0) return [];
  const from = addUtcDays(asOf, -6);
  const window = `7 days to ${isoDay(asOf)}`;
  const days = await cohortDays(db, programmeId, previous, from, asOf);
  const tasks = days.reduce((s, d) => s + d.tasks, 0);
  const errors = days.reduce((s, d) => s + d.errors, 0);
  const cost = days.reduce((s, d) => s + d.costUsd, 0);
  const adoption = await cohortAdoption(db, programmeId, previous, asOf);
  const measured: Record<ThresholdMetric, () => Measured> = {
    ACTIVE_SHARE_7D: () => ({ value: adoption.share, basis: `${window}: ${adoption.activePeople} active of ${adoption.seats} seats` }),
    ERROR_RATE: () => ({ value: rateOf(errors, tasks), basis: `${window}: ${errors} errors in ${tasks} tasks` }),
    COST_PER_TASK: () => ({ value: rateOf(cost, tasks), basis: `${window}: $${cost.toFixed(2)} over ${tasks} tasks` }),
    DAYS_LIVE: () => {
      if (!previous.wentLiveAt) return { value: null, basis: "not live yet" };
      const days = Math.floor((utcDateOf(now).getTime() - utcDateOf(previous.wentLiveAt).getTime()) / 86_400_000);
      return { value: days, basis: `live since ${isoDay(previous.wentLiveAt)}` };
    },
  };
  return thresholds.map((t) => evaluateThreshold(t.metric, t.target, measured[t.metric]()));
}
