import { z } from "zod";

import { isCalendarDate, MAX_YEAR, MIN_YEAR } from "@/domain/dates";
import { calendarDate } from "@/domain/input";

/**
 * Realistic bounds on one event (one person's use on one day), so no figure or sum is ever unreal:
 * a day's cost over a billion rows stays finite and exact to the cent, and a day's totals fit their columns.
 */
export const MAX_COUNT = 1_000_000;
export const MAX_TOKENS = 100_000_000_000;
export const MAX_COST_USD = 1_000_000;
const count = z
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(0, "must not be negative")
  .max(MAX_COUNT, "must be at most 1,000,000 in a day");
const tokens = z
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(0, "must not be negative")
  .max(MAX_TOKENS, "must be at most 100,000,000,000 in a day");
const DAY_MESSAGES = {
  required: "is required (YYYY-MM-DD)",
  format: "must be a date as YYYY-MM-DD",
  invalid: "must be a real date",
  range: `must be a date in the years ${MIN_YEAR} to ${MAX_YEAR}`,
};
const label = z.string().trim().max(120, "must be at most 120 characters");

export const MINUTES_SOURCES = { measured: "MEASURED", self_reported: "SELF_REPORTED", estimated: "ESTIMATED" } as const;

/**
 * One usage fact: a person's use on a day (pseudonymous user id), with its department, use case,
 * cohort and model. Unknown fields are ignored; missing required ones are named.
 */
export const usageEventSchema = z.object({
  externalId: z.string({ error: "is required" }).trim().min(1, "is required").max(200, "must be at most 200 characters"),
  day: calendarDate(DAY_MESSAGES),
  user: z
    .string({ error: "is required (a pseudonymous id)" })
    .trim()
    .min(1, "is required (a pseudonymous id)")
    .max(200, "must be at most 200 characters"),
  department: label.default(""),
  useCase: label.default(""),
  cohort: label.default(""),
  model: label.default(""),
  sessions: count.default(0),
  tasks: count.default(0),
  minutesSaved: z
    .number({ error: "must be a number" })
    .min(0, "must not be negative")
    .max(24 * 60, "must be at most a day of minutes")
    .default(0),
  minutesSource: z
    .enum(["measured", "self_reported", "estimated"], { error: "must be measured, self_reported or estimated" })
    .default("estimated"),
  errors: count.default(0),
  tokens: z
    .object({ uncachedInput: tokens.default(0), cacheWrite: tokens.default(0), cacheRead: tokens.default(0), output: tokens.default(0) })
    .default({ uncachedInput: 0, cacheWrite: 0, cacheRead: 0, output: 0 }),
  costUsd: z
    .number({ error: "must be a number" })
    .min(0, "must not be negative")
    .max(MAX_COST_USD, "must be at most 1,000,000 (US dollars in a day)")
    .default(0),
});
export type UsageEvent = z.output<typeof usageEventSchema>;

export const MAX_BATCH_EVENTS = 10_000;
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

export interface EventProblem {
  index: number;
  reason: string;
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0 && v <= MAX_COUNT;
const isTokens = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0 && v <= MAX_TOKENS;
const isAmount = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Trimmed text of `min`..`max` characters, `fallback` when absent; undefined when not acceptable. */
function text(v: unknown, min: number, max: number, fallback?: string): string | undefined {
  if (v === undefined) return fallback;
  if (typeof v !== "string") return undefined;
  const t = v.trim();
  return t.length >= min && t.length <= max ? t : undefined;
}

/**
 * The API's hot path: a plain-code check of one event that accepts only what `usageEventSchema`
 * accepts and returns exactly what it would (same trimming, same defaults, unknown fields dropped),
 * at a fraction of the cost. It says nothing about bad events: anything it does not accept goes
 * through the schema, which gives the reason. The schema stays the single source of the rules;
 * a test compares the two on generated good and bad events.
 */
export function quickParseUsageEvent(e: unknown): UsageEvent | undefined {
  if (!isPlainObject(e)) return undefined;
  const externalId = text(e.externalId, 1, 200);
  const user = text(e.user, 1, 200);
  const department = text(e.department, 0, 120, "");
  const useCase = text(e.useCase, 0, 120, "");
  const cohort = text(e.cohort, 0, 120, "");
  const model = text(e.model, 0, 120, "");
  if (
    externalId === undefined ||
    user === undefined ||
    department === undefined ||
    useCase === undefined ||
    cohort === undefined ||
    model === undefined
  )
    return undefined;
  const day = typeof e.day === "string" ? e.day.trim() : undefined;
  if (!isCalendarDate(day)) return undefined;
  const { sessions = 0, tasks = 0, errors = 0, minutesSaved = 0, costUsd = 0, minutesSource = "estimated" } = e;
  if (
    !isCount(sessions) ||
    !isCount(tasks) ||
    !isCount(errors) ||
    !isAmount(minutesSaved) ||
    minutesSaved > 24 * 60 ||
    !isAmount(costUsd) ||
    costUsd > MAX_COST_USD
  )
    return undefined;
  if (minutesSource !== "measured" && minutesSource !== "self_reported" && minutesSource !== "estimated") return undefined;
  const t = e.tokens === undefined ? {} : e.tokens;
  if (!isPlainObject(t)) return undefined;
  const { uncachedInput = 0, cacheWrite = 0, cacheRead = 0, output = 0 } = t;
  if (!isTokens(uncachedInput) || !isTokens(cacheWrite) || !isTokens(cacheRead) || !isTokens(output)) return undefined;
  return {
    externalId,
    day,
    user,
    department,
    useCase,
    cohort,
    model,
    sessions,
    tasks,
    minutesSaved,
    minutesSource,
    errors,
    tokens: { uncachedInput, cacheWrite, cacheRead, output },
    costUsd,
  };
}

/** Validates a whole batch; returns every bad event with its index and reason, or the parsed events. */
export function parseUsageBatch(
  body: unknown,
): { ok: true; events: UsageEvent[] } | { ok: false; status: 400 | 413 | 422; message: string; problems?: EventProblem[] } {
  if (typeof body !== "object" || body === null || !Array.isArray((body as { events?: unknown }).events))
    return { ok: false, status: 400, message: 'The body must be a JSON object with an "events" array.' };
  const raw = (body as { events: unknown[] }).events;
  if (raw.length === 0) return { ok: false, status: 422, message: "The batch has no events." };
  if (raw.length > MAX_BATCH_EVENTS)
    return {
      ok: false,
      status: 413,
      message: `A batch holds at most ${MAX_BATCH_EVENTS.toLocaleString("en")} events; this one has ${raw.length.toLocaleString("en")}.`,
    };
  const events: UsageEvent[] = [];
  const problems: EventProblem[] = [];
  raw.forEach((e, index) => {
    const quick = quickParseUsageEvent(e);
    if (quick) return void events.push(quick);
    const r = usageEventSchema.safeParse(e);
    if (r.success) events.push(r.data);
    else problems.push({ index, reason: r.error.issues.map((i) => `${i.path.join(".") || "event"} ${i.message}`).join("; ") });
  });
  if (problems.length > 0)
    return { ok: false, status: 422, message: `${problems.length} of ${raw.length} events are invalid; nothing was written.`, problems };
  return { ok: true, events };
}

/** One day of Claude Enterprise analytics summaries: organisation-level counts, no person (a parsed record). */
export interface AnalyticsSummary {
  day: string;
  dailyActiveUsers: number;
  weeklyActiveUsers: number | null;
  monthlyActiveUsers: number | null;
  assignedSeats: number | null;
  pendingInvites: number | null;
  dailyAdoptionRate: number | null;
  weeklyAdoptionRate: number | null;
  monthlyAdoptionRate: number | null;
  /** Active users per product ("chat", "claude_code", "cowork", …) and period. */
  products: Record<string, { daily?: number; weekly?: number; monthly?: number }>;
}

// ---------------------------------------------------------------------------------------------
// GET /api/v1/programmes/{slug}/metrics: the response, as zod schemas (the handler parses what it returns
// with them, so the document generated from them is the contract the handler keeps).

const usd = z.number().describe("US dollars, rounded to the cent");
const unitUsd = z.number().nullable().describe("US dollars per task (unrounded below a cent); null with no tasks");
export const tokensByTypeSchema = z
  .object({
    uncachedInput: z.number().int().describe("Input tokens not read from or written to the prompt cache"),
    cacheWrite: z.number().int().describe("Input tokens written to the prompt cache (5-minute and 1-hour)"),
    cacheRead: z.number().int().describe("Input tokens read from the prompt cache"),
    output: z.number().int().describe("Output tokens"),
  })
  .describe("Tokens by type, as in Anthropic's usage report");
const minutesSchema = z.object({ measured: z.number(), selfReported: z.number(), estimated: z.number() });
export const ADOPTION_SOURCES = ["analytics-summaries", "usage-events", "none"] as const;
const adoptionSource = z
  .enum(ADOPTION_SOURCES)
  .describe(
    "Where the active-user figure comes from: Claude Enterprise analytics summaries (organisation-level counts), per-person usage events, or none",
  );
const productCounts = z.record(
  z.string(),
  z.object({ daily: z.number().int().optional(), weekly: z.number().int().optional(), monthly: z.number().int().optional() }),
);
const analyticsDaySchema = z.object({
  daily: z.number().int(),
  weekly: z.number().int().nullable(),
  monthly: z.number().int().nullable(),
  assignedSeats: z.number().int().nullable(),
  pendingInvites: z.number().int().nullable(),
  monthlyAdoptionRate: z.number().nullable().describe("Anthropic's ratio (0–1) of monthly active users to assigned seats"),
  products: productCounts,
});
const breakdownRowSchema = z.object({
  key: z.string(),
  tasks: z.number().int(),
  errors: z.number().int(),
  costUsd: usd,
  minutesSaved: z.number(),
  tokens: tokensByTypeSchema,
});
export const metricsResponseSchema = z.object({
  from: z.string().describe("YYYY-MM-DD"),
  to: z.string().describe("YYYY-MM-DD"),
  licensedSeats: z.number().int(),
  totals: z.object({
    tasks: z.number().int(),
    sessions: z.number().int(),
    errors: z.number().int(),
    errorRate: z.number().nullable(),
    costUsd: usd,
    costPerTask: unitUsd,
    minutesSaved: minutesSchema,
    active7AtEnd: z.number().int(),
    active28AtEnd: z.number().int(),
    active28PctAtEnd: z.number(),
    tokens: tokensByTypeSchema.extend({ total: z.number().int() }),
  }),
  adoption: z
    .object({
      source: adoptionSource,
      label: z.string().describe("The source in words, as the dashboard labels the figure"),
      asOf: z.string().nullable().describe("The day the adoption figure is from (the latest summary's day, or the range's last day)"),
      usageEvents: z.object({
        days: z.number().int().describe("Days of the range with at least one person active in the usage events"),
        active7AtEnd: z.number().int(),
        active28AtEnd: z.number().int(),
        active28PctAtEnd: z.number(),
      }),
      analyticsSummaries: z
        .object({
          days: z.number().int().describe("Days of the range with an analytics summary"),
          lastDay: z.string(),
          active28PctAtEnd: z.number().describe("Monthly active users at the last summary, as a percentage of licensed seats"),
        })
        .extend(analyticsDaySchema.shape)
        .nullable()
        .describe("The last analytics summary in the range, or null when there is none"),
    })
    .describe("Active users from each source, and which one the adoption figure uses"),
  value: z
    .object({
      basis: z.literal("estimated"),
      minutesSaved: z.number(),
      valuedMinutes: z.number().describe("Minutes saved in departments with an hourly cost (or covered by the programme's)"),
      valueUsd: usd.nullable().describe("Minutes saved × hourly cost ÷ 60; null with no hourly cost set"),
      hourlyCosts: z.array(z.object({ department: z.string().describe('"" for the programme-wide cost'), usdPerHour: z.number() })),
      apiCostUsd: usd,
      seatCostUsd: usd.nullable().describe("Seats × seat price a month of the approved budget, for the days of the range"),
      seatCostSource: z.string().nullable(),
      costUsd: usd.describe("API cost plus seat cost"),
      netUsd: usd.nullable(),
      roi: z.number().nullable().describe("(value − cost) ÷ cost; 1.5 means 150%"),
    })
    .describe("Value in money (estimated) against API and seat cost"),
  daily: z.array(
    z.object({
      day: z.string(),
      activeDaily: z.number().int(),
      active7: z.number().int(),
      active28: z.number().int(),
      active28Pct: z.number(),
      adoptionSource: adoptionSource,
      usageEvents: z.object({ daily: z.number().int(), weekly: z.number().int(), monthly: z.number().int() }),
      analyticsSummary: analyticsDaySchema.nullable(),
      tasks: z.number().int(),
      sessions: z.number().int(),
      errors: z.number().int(),
      costUsd: usd,
      costPerTask: unitUsd,
      minutesSaved: minutesSchema,
      tokens: tokensByTypeSchema,
    }),
  ),
  breakdowns: z.object({
    department: z.array(breakdownRowSchema),
    useCase: z.array(breakdownRowSchema),
    cohort: z.array(breakdownRowSchema),
    model: z.array(breakdownRowSchema),
  }),
});
export type MetricsResponse = z.output<typeof metricsResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Hourly costs (value in money)

export const MAX_USD_PER_HOUR = 10_000;
export const setHourlyCostSchema = z.object({
  programmeSlug: z.string().trim().min(1),
  department: z.string().trim().max(120, "A department name is at most 120 characters"),
  usdPerHour: z
    .number({ error: "Enter the cost of an hour in US dollars" })
    .positive("Enter an hourly cost above $0")
    .max(MAX_USD_PER_HOUR, "An hourly cost is at most $10,000"),
});
export type SetHourlyCostInput = z.input<typeof setHourlyCostSchema>;
export const removeHourlyCostSchema = z.object({
  programmeSlug: z.string().trim().min(1),
  department: z.string().trim().max(120),
});
export type RemoveHourlyCostInput = z.input<typeof removeHourlyCostSchema>;
