import type { Tx } from "@/server/db";

import type { AnalyticsSummary } from "../schemas";

/**
 * Stores Claude Enterprise analytics summaries as organisation-level daily facts: one row per programme and
 * day, replaced by a later import or sync of the same day (Anthropic's figures for a day are final, or newer
 * when restated), so importing the same file twice leaves the same figures. One statement, rows in day
 * order (concurrent writers lock in the same order). Returns how many days were new and how many replaced.
 */
export async function storeAnalyticsSummaries(
  tx: Tx,
  programmeId: string,
  summaries: readonly AnalyticsSummary[],
  source: string,
): Promise<{ days: number; inserted: number; replaced: number }> {
  if (summaries.length === 0) return { days: 0, inserted: 0, replaced: 0 };
  const rows = [...summaries].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const col = <T>(f: (s: AnalyticsSummary) => T) => rows.map(f);
  const result = await tx.$queryRawUnsafe<{ inserted: boolean }[]>(
    `INSERT INTO "UsageAnalyticsDaily" ("programmeId", "day", "dailyActiveUsers", "weeklyActiveUsers", "monthlyActiveUsers",
       "assignedSeats", "pendingInvites", "dailyAdoptionRate", "weeklyAdoptionRate", "monthlyAdoptionRate", "products", "source", "updatedAt")
     SELECT $1::uuid, t.day, t.d, t.w, t.m, t.seats, t.invites, t.dr, t.wr, t.mr, t.products, $12, now()
     FROM unnest($2::date[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::float8[], $9::float8[], $10::float8[], $11::jsonb[])
       AS t(day, d, w, m, seats, invites, dr, wr, mr, products)
     ORDER BY t.day
     ON CONFLICT ("programmeId", "day") DO UPDATE SET
       "dailyActiveUsers" = EXCLUDED."dailyActiveUsers", "weeklyActiveUsers" = EXCLUDED."weeklyActiveUsers",
       "monthlyActiveUsers" = EXCLUDED."monthlyActiveUsers", "assignedSeats" = EXCLUDED."assignedSeats",
       "pendingInvites" = EXCLUDED."pendingInvites", "dailyAdoptionRate" = EXCLUDED."dailyAdoptionRate",
       "weeklyAdoptionRate" = EXCLUDED."weeklyAdoptionRate", "monthlyAdoptionRate" = EXCLUDED."monthlyAdoptionRate",
       "products" = EXCLUDED."products", "source" = EXCLUDED."source", "updatedAt" = EXCLUDED."updatedAt"
     RETURNING (xmax = 0) AS inserted`,
    programmeId,
    col((s) => s.day),
    col((s) => s.dailyActiveUsers),
    col((s) => s.weeklyActiveUsers),
    col((s) => s.monthlyActiveUsers),
    col((s) => s.assignedSeats),
    col((s) => s.pendingInvites),
    col((s) => s.dailyAdoptionRate),
    col((s) => s.weeklyAdoptionRate),
    col((s) => s.monthlyAdoptionRate),
    col((s) => JSON.stringify(s.products)),
    source,
  );
  const inserted = result.filter((r) => r.inserted).length;
  return { days: result.length, inserted, replaced: result.length - inserted };
}
