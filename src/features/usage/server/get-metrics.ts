import "server-only";

import { adoptionSourceFor } from "@/domain/adoption";
import { ANALYTICS_DELAY_DAYS } from "@/domain/sync";
import { addUtcDays } from "@/domain/template";
import { estimateValue, seatCostForDays } from "@/domain/value";
import { db, type Tx } from "@/server/db";

import type { MetricsResponse } from "../schemas";

export const BREAKDOWNS = ["department", "useCase", "cohort", "model"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const num = (v: unknown) => (typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : Number(v ?? 0));

/**
 * Active people per day from UsageUserDay, for the days of [from, to] not cached yet. Each person's
 * activity days are merged into islands covering [first, last + 27]; a running sum of island starts
 * and ends gives the 28-day count (and [day, day + 6] the 7-day count). Runs under the lock ingestion
 * takes to invalidate, so what is cached is never older than what it was computed from.
 */
async function ensureActives(tx: Tx, programmeId: string, from: Date, to: Date) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`usage-active:${programmeId}`}, 0))`;
  const [missing] = await tx.$queryRaw<{ first: Date | null }[]>`
    SELECT min(d)::date AS first FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS g(d)
    WHERE NOT EXISTS (SELECT 1 FROM "UsageActiveDaily" a WHERE a."programmeId" = ${programmeId}::uuid AND a."day" = g.d::date)`;
  if (!missing?.first) return;
  const start = missing.first;
  await tx.$executeRaw`
    WITH ud AS (
      SELECT "userRef", "day", lag("day") OVER (PARTITION BY "userRef" ORDER BY "day") AS prev
      FROM "UsageUserDay" WHERE "programmeId" = ${programmeId}::uuid AND "day" BETWEEN ${addUtcDays(start, -27)}::date AND ${to}::date
    ),
    islands28 AS (
      SELECT "userRef", "day", sum(CASE WHEN prev IS NULL OR "day" - prev > 28 THEN 1 ELSE 0 END) OVER (PARTITION BY "userRef" ORDER BY "day") AS island FROM ud
    ),
    islands7 AS (
      SELECT "userRef", "day", sum(CASE WHEN prev IS NULL OR "day" - prev > 7 THEN 1 ELSE 0 END) OVER (PARTITION BY "userRef" ORDER BY "day") AS island FROM ud
    ),
    spans28 AS (SELECT min("day") AS s, max("day") + 27 AS e FROM islands28 GROUP BY "userRef", island),
    spans7 AS (SELECT min("day") AS s, max("day") + 6 AS e FROM islands7 GROUP BY "userRef", island),
    days AS (SELECT g.d::date AS d FROM generate_series(${start}::date, ${to}::date, interval '1 day') AS g(d)),
    m AS (
      SELECT d, sum(delta) OVER (ORDER BY d) AS n FROM (
        SELECT d, 0 AS delta FROM days UNION ALL SELECT s, 1 FROM spans28 UNION ALL SELECT e + 1, -1 FROM spans28
      ) x
    ),
    w AS (
      SELECT d, sum(delta) OVER (ORDER BY d) AS n FROM (
        SELECT d, 0 AS delta FROM days UNION ALL SELECT s, 1 FROM spans7 UNION ALL SELECT e + 1, -1 FROM spans7
      ) x
    ),
    daily AS (SELECT "day" AS d, count(*) AS n FROM ud WHERE "day" >= ${start}::date GROUP BY "day")
    INSERT INTO "UsageActiveDaily" ("programmeId", "day", "daily", "weekly", "monthly")
    SELECT ${programmeId}::uuid, days.d, coalesce(daily.n, 0),
           coalesce((SELECT max(n) FROM w WHERE w.d = days.d), 0), coalesce((SELECT max(n) FROM m WHERE m.d = days.d), 0)
    FROM days LEFT JOIN daily ON daily.d = days.d
    ON CONFLICT ("programmeId", "day") DO UPDATE SET "daily" = EXCLUDED."daily", "weekly" = EXCLUDED."weekly", "monthly" = EXCLUDED."monthly"`;
}

export interface MetricsQuery {
  programmeId: string;
  licensedSeats: number;
  from: Date;
  to: Date;
  breakdowns?: readonly Breakdown[];
}

const tokensOf = (r: Record<string, unknown> | undefined) => ({
  uncachedInput: num(r?.uncached),
  cacheWrite: num(r?.cache_write),
  cacheRead: num(r?.cache_read),
  output: num(r?.output),
});
const pctOf = (n: number, seats: number) => (seats > 0 ? Math.round((n / seats) * 1000) / 10 : 0);
type Products = Record<string, { daily?: number; weekly?: number; monthly?: number }>;

export const ADOPTION_SOURCE_LABELS = {
  "analytics-summaries": "Claude Enterprise analytics summaries (organisation-level counts)",
  "usage-events": "per-person usage events",
  none: "no usage data",
} as const;

/**
 * The dashboard's figures over [from, to] from the rollups (never from raw events): totals with tokens by
 * type, daily series, breakdowns, active users from each source (and which one the adoption figure uses),
 * and the value in money against API and seat cost.
 *
 * Adoption: a day with a Claude Enterprise analytics summary takes its active users from it (Anthropic's own
 * count of every seat-holder, across chat, Cowork and Claude Code); a day without one, from the per-person
 * usage events. The range's figure comes from its latest summary when that is recent (within the analytics
 * delay), else from the events (src/domain/adoption.ts). Both are returned, so a reader sees the other figure
 * beside the one used (decision record 021).
 */
export async function loadMetrics(q: MetricsQuery): Promise<MetricsResponse> {
  // Usually every day's active counts are stored already: then the figures are read without the lock, each
  // query on its own pooled connection, so views of one programme no longer queue behind each other
  // (decision record 020). A day ingestion invalidated since the check shows as a short series: read again.
  const days = Math.round((q.to.getTime() - q.from.getTime()) / 86_400_000) + 1;
  const [stored] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "UsageActiveDaily" WHERE "programmeId" = ${q.programmeId}::uuid AND "day" BETWEEN ${q.from}::date AND ${q.to}::date`;
  if (Number(stored?.n ?? 0) >= days) {
    const read = await readMetrics(db, q, days);
    if (read) return read;
  }
  return db.$transaction(async (tx) => {
    await ensureActives(tx, q.programmeId, q.from, q.to);
    return (await readMetrics(tx, q, null))!;
  });
}

/** The figures, once every day of the range has its active counts; null when `expectDays` days are not all there. */
async function readMetrics(tx: Tx, q: MetricsQuery, expectDays: number | null): Promise<MetricsResponse | null> {
  {
    const breakdownKeys = q.breakdowns ?? BREAKDOWNS;
    const [daily, actives, analytics, departmentMinutes, hourlyCosts, approval, ...breakdowns] = await Promise.all([
      tx.$queryRaw<Record<string, unknown>[]>`
        SELECT "day", sum("tasks") AS tasks, sum("sessions") AS sessions, sum("errors") AS errors, sum("costUsd") AS cost,
               sum("minutesSaved") FILTER (WHERE "minutesSource" = 'MEASURED') AS measured,
               sum("minutesSaved") FILTER (WHERE "minutesSource" = 'SELF_REPORTED') AS self_reported,
               sum("minutesSaved") FILTER (WHERE "minutesSource" = 'ESTIMATED') AS estimated,
               sum("uncachedInputTokens") AS uncached, sum("cacheWriteTokens") AS cache_write, sum("cacheReadTokens") AS cache_read, sum("outputTokens") AS output
        FROM "UsageDaily" WHERE "programmeId" = ${q.programmeId}::uuid AND "dimension" = 'all' AND "day" BETWEEN ${q.from}::date AND ${q.to}::date
        GROUP BY "day" ORDER BY "day"`,
      tx.usageActiveDaily.findMany({ where: { programmeId: q.programmeId, day: { gte: q.from, lte: q.to } }, orderBy: { day: "asc" } }),
      tx.usageAnalyticsDaily.findMany({ where: { programmeId: q.programmeId, day: { gte: q.from, lte: q.to } }, orderBy: { day: "asc" } }),
      tx.$queryRaw<{ key: string; minutes: unknown }[]>`
        SELECT "key", sum("minutesSaved") AS minutes FROM "UsageDaily"
        WHERE "programmeId" = ${q.programmeId}::uuid AND "dimension" = 'department' AND "day" BETWEEN ${q.from}::date AND ${q.to}::date
        GROUP BY 1 ORDER BY 1`,
      tx.hourlyCost.findMany({
        where: { programmeId: q.programmeId },
        orderBy: { department: "asc" },
        select: { department: true, usdPerHour: true },
      }),
      tx.budgetApproval.findFirst({
        where: { programmeId: q.programmeId, status: "ACTIVE" },
        orderBy: { approvedAt: "desc" },
        select: { scenario: { select: { name: true, seats: true, seatPricePerMonth: true } } },
      }),
      ...breakdownKeys.map((b) =>
        tx.$queryRawUnsafe<Record<string, unknown>[]>(
          `SELECT "key", sum("tasks") AS tasks, sum("errors") AS errors, sum("costUsd") AS cost, sum("minutesSaved") AS minutes,
                  sum("uncachedInputTokens") AS uncached, sum("cacheWriteTokens") AS cache_write, sum("cacheReadTokens") AS cache_read, sum("outputTokens") AS output
           FROM "UsageDaily" WHERE "programmeId" = $1::uuid AND "dimension" = $4 AND "day" BETWEEN $2::date AND $3::date GROUP BY 1 ORDER BY 2 DESC, 1`,
          q.programmeId,
          q.from,
          q.to,
          b,
        ),
      ),
    ]);
    if (expectDays !== null && actives.length < expectDays) return null;
    const byDay = new Map(daily.map((r) => [iso(r.day as Date), r]));
    const summaryByDay = new Map(analytics.map((a) => [iso(a.day), a]));
    const summaryOf = (a: (typeof analytics)[number]) => ({
      daily: a.dailyActiveUsers,
      weekly: a.weeklyActiveUsers,
      monthly: a.monthlyActiveUsers,
      assignedSeats: a.assignedSeats,
      pendingInvites: a.pendingInvites,
      monthlyAdoptionRate: a.monthlyAdoptionRate,
      products: (a.products ?? {}) as Products,
    });
    const series = actives.map((a) => {
      const day = iso(a.day);
      const r = byDay.get(day);
      const s = summaryByDay.get(day);
      const tasks = num(r?.tasks);
      const cost = num(r?.cost);
      const fromSummary = s !== undefined;
      const active = fromSummary
        ? { daily: s.dailyActiveUsers, weekly: s.weeklyActiveUsers ?? 0, monthly: s.monthlyActiveUsers ?? 0 }
        : { daily: a.daily, weekly: a.weekly, monthly: a.monthly };
      return {
        day,
        activeDaily: active.daily,
        active7: active.weekly,
        active28: active.monthly,
        active28Pct: pctOf(active.monthly, q.licensedSeats),
        adoptionSource: fromSummary ? ("analytics-summaries" as const) : a.monthly > 0 ? ("usage-events" as const) : ("none" as const),
        usageEvents: { daily: a.daily, weekly: a.weekly, monthly: a.monthly },
        analyticsSummary: s ? summaryOf(s) : null,
        tasks,
        sessions: num(r?.sessions),
        errors: num(r?.errors),
        costUsd: Math.round(cost * 100) / 100,
        costPerTask: tasks > 0 ? Math.round((cost / tasks) * 10000) / 10000 : null,
        minutesSaved: { measured: num(r?.measured), selfReported: num(r?.self_reported), estimated: num(r?.estimated) },
        tokens: tokensOf(r),
      };
    });
    const sum = (f: (s: (typeof series)[number]) => number) => series.reduce((t, s) => t + f(s), 0);
    const tasks = sum((s) => s.tasks);
    const cost = sum((s) => s.costUsd);
    const last = series[series.length - 1];
    const lastSummary = analytics[analytics.length - 1];
    const tokens = {
      uncachedInput: sum((s) => s.tokens.uncachedInput),
      cacheWrite: sum((s) => s.tokens.cacheWrite),
      cacheRead: sum((s) => s.tokens.cacheRead),
      output: sum((s) => s.tokens.output),
    };
    const minutesSaved = {
      measured: sum((s) => s.minutesSaved.measured),
      selfReported: sum((s) => s.minutesSaved.selfReported),
      estimated: sum((s) => s.minutesSaved.estimated),
    };
    const scenario = approval?.scenario;
    const value = estimateValue({
      minutesByDepartment: departmentMinutes.map((d) => ({ department: d.key, minutes: num(d.minutes) })),
      hourlyCosts,
      apiCostUsd: cost,
      seatCostUsd: scenario && scenario.seats > 0 ? seatCostForDays(scenario.seats, scenario.seatPricePerMonth, series.length) : null,
    });
    const source = adoptionSourceFor({
      rangeEnd: iso(q.to),
      lastSummaryDay: lastSummary ? iso(lastSummary.day) : null,
      hasEvents: series.some((d) => d.usageEvents.monthly > 0),
      delayDays: ANALYTICS_DELAY_DAYS,
    });
    const headline =
      source === "analytics-summaries" && lastSummary
        ? { day: iso(lastSummary.day), weekly: lastSummary.weeklyActiveUsers ?? 0, monthly: lastSummary.monthlyActiveUsers ?? 0 }
        : { day: last?.day ?? null, weekly: last?.usageEvents.weekly ?? 0, monthly: last?.usageEvents.monthly ?? 0 };
    return {
      from: iso(q.from),
      to: iso(q.to),
      licensedSeats: q.licensedSeats,
      totals: {
        tasks,
        sessions: sum((s) => s.sessions),
        errors: sum((s) => s.errors),
        errorRate: tasks > 0 ? Math.round((sum((s) => s.errors) / tasks) * 10000) / 10000 : null,
        costUsd: Math.round(cost * 100) / 100,
        costPerTask: tasks > 0 ? Math.round((cost / tasks) * 10000) / 10000 : null,
        minutesSaved,
        active7AtEnd: headline.weekly,
        active28AtEnd: headline.monthly,
        active28PctAtEnd: pctOf(headline.monthly, q.licensedSeats),
        tokens: { ...tokens, total: tokens.uncachedInput + tokens.cacheWrite + tokens.cacheRead + tokens.output },
      },
      adoption: {
        source,
        label: ADOPTION_SOURCE_LABELS[source],
        asOf: source === "none" ? null : headline.day,
        usageEvents: {
          days: series.filter((s) => s.usageEvents.daily > 0).length,
          active7AtEnd: last?.usageEvents.weekly ?? 0,
          active28AtEnd: last?.usageEvents.monthly ?? 0,
          active28PctAtEnd: pctOf(last?.usageEvents.monthly ?? 0, q.licensedSeats),
        },
        analyticsSummaries: lastSummary
          ? {
              days: analytics.length,
              lastDay: iso(lastSummary.day),
              active28PctAtEnd: pctOf(lastSummary.monthlyActiveUsers ?? 0, q.licensedSeats),
              ...summaryOf(lastSummary),
            }
          : null,
      },
      value: {
        basis: value.basis,
        minutesSaved: value.minutesSaved,
        valuedMinutes: value.valuedMinutes,
        valueUsd: value.valueUsd,
        hourlyCosts,
        apiCostUsd: value.apiCostUsd,
        seatCostUsd: value.seatCostUsd,
        seatCostSource: scenario && scenario.seats > 0 ? `approved budget "${scenario.name}": ${scenario.seats} seats` : null,
        costUsd: value.costUsd,
        netUsd: value.netUsd,
        roi: value.roi,
      },
      daily: series,
      breakdowns: Object.fromEntries(
        BREAKDOWNS.map((b) => {
          const i = breakdownKeys.indexOf(b);
          return [
            b,
            (i < 0 ? [] : (breakdowns[i] ?? [])).map((r) => ({
              key: String(r.key) || "(none)",
              tasks: num(r.tasks),
              errors: num(r.errors),
              costUsd: Math.round(num(r.cost) * 100) / 100,
              minutesSaved: num(r.minutes),
              tokens: tokensOf(r),
            })),
          ];
        }),
      ) as MetricsResponse["breakdowns"],
    };
  }
}
