import "server-only";

import { scenarioCost } from "@/domain/costs";
import { addDays, calendarDateOf, toUtcDate } from "@/domain/dates";
import { healthSignals } from "@/domain/health";
import { loadPriceTable, toScenarioInput } from "@/features/costs/server/cost-data";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { loadMetrics } from "./get-metrics";
import { metricsRangeSchema } from "./get-metrics-for-api";

/** The sponsor dashboard for a date range (default: the last 28 days): figures, health signals and the approved forecast. */
export async function getDashboard(actor: Actor, programmeSlug: string, range: { from?: string; to?: string }, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const today = toUtcDate(calendarDateOf(now));
  const defaults = { from: addDays(calendarDateOf(now), -27), to: calendarDateOf(now) };
  const parsed = metricsRangeSchema.safeParse({ from: range.from || defaults.from, to: range.to || defaults.to });
  const chosen = parsed.success ? parsed.data : defaults;
  const from = toUtcDate(chosen.from);
  const to = toUtcDate(chosen.to);
  // One round of reads, side by side (decision record 020).
  const [metrics, approval, prices, lastReview] = await Promise.all([
    loadMetrics({ programmeId: access.programme.id, licensedSeats: access.programme.licensedSeats, from, to }),
    db.budgetApproval.findUnique({ where: { activeProgrammeId: access.programme.id }, select: { approvedAt: true, scenario: true } }),
    loadPriceTable(db, access.programme.id, today),
    db.sponsorReview.findMany({
      where: { programmeId: access.programme.id },
      orderBy: { reviewedAt: "desc" },
      take: 1,
      select: { reviewedAt: true },
    }),
  ]);
  // The forecast is the approved scenario's API (token) cost at today's prices: comparable with the
  // measured token cost, unlike the all-in budget (seats and people are not usage).
  let forecast: { scenario: string; apiUsdPerMonth: number; apiUsdForRange: number; costPerTask: number | null } | null = null;
  if (approval) {
    const cost = scenarioCost(toScenarioInput(approval.scenario), prices.current);
    const days = metrics.daily.length;
    forecast = {
      scenario: approval.scenario.name,
      apiUsdPerMonth: Math.round(cost.tokenCost * 100) / 100,
      apiUsdForRange: Math.round(((cost.tokenCost * 12) / 365) * days * 100) / 100,
      costPerTask: cost.tokenCostPerTask,
    };
  }
  return {
    access,
    range: chosen,
    rangeError: parsed.success ? null : parsed.error.issues.map((i) => i.message).join("; "),
    metrics,
    forecast,
    signals: healthSignals({
      today,
      launchedAt: access.programme.launchedAt,
      licensedSeats: access.programme.licensedSeats,
      series: metrics.daily,
      ...(metrics.adoption.source === "analytics-summaries"
        ? {
            adoptionSource: "Claude Enterprise analytics summaries",
            adoptionSeries: metrics.daily.filter((x) => x.adoptionSource === "analytics-summaries"),
          }
        : {}),
      sponsorReviews: lastReview.map((r) => r.reviewedAt),
    }),
  };
}
