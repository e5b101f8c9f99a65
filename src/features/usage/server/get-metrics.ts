import "server-only";

import { addUtcDays } from "@/domain/template";
import { db, type Tx } from "@/server/db";

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

/** The dashboard's figures over [from, to] from the rollups (never from raw events): totals, daily series, breakdowns. */
export async function loadMetrics(q: MetricsQuery) {
  return db.$transaction(async (tx) => {
    await ensureActives(tx, q.programmeId, q.from, q.to);
    const [daily, actives, ...breakdowns] = await Promise.all([
      tx.$queryRaw<Record<string, unknown>[]>`
        SELECT "day", sum("tasks") AS tasks, sum("sessions") AS sessions, sum("errors") AS errors, sum("costUsd") AS cost,
               sum("minutesSaved") FILTER (WHERE "minutesSource" = 'MEASURED') AS measured,
               sum("minutesSaved") FILTER (WHERE "minutesSource" = 'SELF_REPORTED') AS self_reported,
               sum("minutesSaved") FILTER (WHERE "minutesSource" = 'ESTIMATED') AS estimated,
               sum("uncachedInputTokens") AS uncached, sum("cacheWriteTokens") AS cache_write, sum("cacheReadTokens") AS cache_read, sum("outputTokens") AS output
        FROM "UsageDaily" WHERE "programmeId" = ${q.programmeId}::uuid AND "dimension" = 'all' AND "day" BETWEEN ${q.from}::date AND ${q.to}::date
        GROUP BY "day" ORDER BY "day"`,
      tx.usageActiveDaily.findMany({ where: { programmeId: q.programmeId, day: { gte: q.from, lte: q.to } }, orderBy: { day: "asc" } }),
      ...(q.breakdowns ?? BREAKDOWNS).map((b) =>
        tx.$queryRawUnsafe<Record<string, unknown>[]>(
          `SELECT "key", sum("tasks") AS tasks, sum("errors") AS errors, sum("costUsd") AS cost, sum("minutesSaved") AS minutes
           FROM "UsageDaily" WHERE "programmeId" = $1::uuid AND "dimension" = $4 AND "day" BETWEEN $2::date AND $3::date GROUP BY 1 ORDER BY 2 DESC`,
          q.programmeId,
          q.from,
          q.to,
          b,
        ),
      ),
    ]);
    const byDay = new Map(daily.map((r) => [iso(r.day as Date), r]));
    const series = actives.map((a) => {
      const r = byDay.get(iso(a.day));
      const tasks = num(r?.tasks);
      const cost = num(r?.cost);
      return {
        day: iso(a.day),
        activeDaily: a.daily,
        active7: a.weekly,
        active28: a.monthly,
        active28Pct: q.licensedSeats > 0 ? Math.round((a.monthly / q.licensedSeats) * 1000) / 10 : 0,
        tasks,
        sessions: num(r?.sessions),
        errors: num(r?.errors),
        costUsd: Math.round(cost * 100) / 100,
        costPerTask: tasks > 0 ? Math.round((cost / tasks) * 10000) / 10000 : null,
        minutesSaved: { measured: num(r?.measured), selfReported: num(r?.self_reported), estimated: num(r?.estimated) },
        tokens: { uncachedInput: num(r?.uncached), cacheWrite: num(r?.cache_write), cacheRead: num(r?.cache_read), output: num(r?.output) },
      };
    });
    const sum = (f: (s: (typeof series)[number]) => number) => series.reduce((t, s) => t + f(s), 0);
    const tasks = sum((s) => s.tasks);
    const cost = sum((s) => s.costUsd);
    const last = series[series.length - 1];
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
        minutesSaved: {
          measured: sum((s) => s.minutesSaved.measured),
          selfReported: sum((s) => s.minutesSaved.selfReported),
          estimated: sum((s) => s.minutesSaved.estimated),
        },
        active7AtEnd: last?.active7 ?? 0,
        active28AtEnd: last?.active28 ?? 0,
        active28PctAtEnd: last?.active28Pct ?? 0,
      },
      daily: series,
      breakdowns: Object.fromEntries(
        (q.breakdowns ?? BREAKDOWNS).map((b, i) => [
          b,
          (breakdowns[i] ?? []).map((r) => ({
            key: String(r.key) || "(none)",
            tasks: num(r.tasks),
            errors: num(r.errors),
            costUsd: Math.round(num(r.cost) * 100) / 100,
            minutesSaved: num(r.minutes),
          })),
        ]),
      ) as Record<Breakdown, { key: string; tasks: number; errors: number; costUsd: number; minutesSaved: number }[]>,
    };
  });
}
