import "server-only";

import { z } from "zod";

import { daysBetween, isCalendarDate, MAX_YEAR, MIN_YEAR, toUtcDate } from "@/domain/dates";
import { calendarDate } from "@/domain/input";
import { cohortAdoptionSchema, listCohortAdoption } from "@/features/cohorts/server/cohort-adoption";
import type { ApiToken } from "@/server/api/with-api-token";
import { RuleError } from "@/server/errors";

import { metricsResponseSchema } from "../schemas";
import { loadMetrics } from "./get-metrics";

const day = (name: "from" | "to") =>
  calendarDate({
    required: `${name} is required (YYYY-MM-DD)`,
    format: `${name} must be a date as YYYY-MM-DD`,
    invalid: `${name} must be a real date`,
    range: `${name} must be a date in the years ${MIN_YEAR} to ${MAX_YEAR}`,
  });
export const MAX_METRICS_DAYS = 400;
export const metricsRangeSchema = z
  .object({ from: day("from"), to: day("to") })
  .refine((r) => !isCalendarDate(r.from) || !isCalendarDate(r.to) || r.from <= r.to, {
    message: "from must not be after to",
    path: ["from"],
  })
  .refine((r) => !isCalendarDate(r.from) || !isCalendarDate(r.to) || daysBetween(r.from, r.to) < MAX_METRICS_DAYS, {
    message: `ask for at most ${MAX_METRICS_DAYS} days at a time`,
    path: ["to"],
  });

/** The metrics and each cohort's adoption against its own seats (the pilot judged against the pilot's size), 7 days to `to`. */
export const metricsApiResponseSchema = metricsResponseSchema.extend({
  cohorts: z
    .array(cohortAdoptionSchema)
    .describe("Each rollout cohort's active people over the 7 days to `to`, against the cohort's seats."),
});

/** GET /api/v1/programmes/{slug}/metrics?from&to: the dashboard's figures as JSON. */
export async function getMetricsForApi(token: ApiToken, range: { from: string | null; to: string | null }) {
  const { programme } = token;
  const parsed = metricsRangeSchema.safeParse({ from: range.from ?? undefined, to: range.to ?? undefined });
  if (!parsed.success) throw new RuleError(`Give from and to as YYYY-MM-DD: ${parsed.error.issues.map((i) => i.message).join("; ")}.`);
  // Parsed with the response schema: what leaves is exactly the documented shape (an extra field is a bug caught here).
  const [metrics, cohorts] = await Promise.all([
    loadMetrics({
      programmeId: programme.id,
      licensedSeats: programme.licensedSeats,
      from: toUtcDate(parsed.data.from),
      to: toUtcDate(parsed.data.to),
    }),
    listCohortAdoption(programme.id, toUtcDate(parsed.data.to)),
  ]);
  return metricsApiResponseSchema.parse({ ...metrics, cohorts });
}
