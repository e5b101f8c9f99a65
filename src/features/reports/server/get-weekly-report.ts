import "server-only";

import { isOpenRisk, riskScore } from "@/domain/risk";
import { dateOfDay, programmeDay, utcDateOf, weekOfDay } from "@/domain/template";
import { loadMetrics } from "@/features/usage/server/get-metrics";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { claudeConfigured } from "@/server/claude/client";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { narrativeSelect } from "./narrative-state";

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The weekly sponsor report for programme week N (default: the last complete week): gates, top risks, milestones hit
 * and slipped, the week's metrics and their change from the week before, the sponsor's reviews, and the
 * week's narrative: once published for every member; while a draft, only for those who write it.
 */
export async function getWeeklyReport(actor: Actor, programmeSlug: string, weekParam?: number, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const p = access.programme;
  const today = utcDateOf(now);
  const day = programmeDay(p.startDate, today);
  if (day < 1) throw new NotFoundError("The programme has not started yet: there is no weekly report.");
  const currentWeek = weekOfDay(day);
  // By default the last complete week: a weekly report is about a week that has ended.
  const week = weekParam ?? Math.max(1, currentWeek - 1);
  if (!Number.isInteger(week) || week < 1 || week > currentWeek)
    throw new NotFoundError(`There is no report for week ${weekParam}: choose a week from 1 to ${currentWeek}.`);
  const start = dateOfDay(p.startDate, 7 * week - 6);
  const end = new Date(Math.min(dateOfDay(p.startDate, 7 * week).getTime(), today.getTime()));
  const prevStart = week > 1 ? dateOfDay(p.startDate, 7 * week - 13) : null;
  const prevEnd = week > 1 ? dateOfDay(p.startDate, 7 * week - 7) : null;

  const canNarrate = access.can("report.narrate");
  const [gates, risks, milestones, reviews, narrative] = await Promise.all([
    db.gate.findMany({
      where: { programmeId: p.id },
      orderBy: { ordinal: "asc" },
      select: { key: true, name: true, status: true, plannedDate: true, decision: true },
    }),
    db.risk.findMany({
      where: { programmeId: p.id },
      select: {
        id: true,
        title: true,
        probability: true,
        impact: true,
        status: true,
        owner: { select: { user: { select: { name: true } } } },
      },
    }),
    db.milestone.findMany({
      where: { programmeId: p.id, OR: [{ completedAt: { gte: start, lte: end } }, { status: { not: "DONE" }, dueDate: { lte: end } }] },
      orderBy: { dueDate: "asc" },
      select: { week: true, title: true, dueDate: true, status: true, completedAt: true },
    }),
    db.sponsorReview.findMany({
      where: { programmeId: p.id, week },
      orderBy: { reviewedAt: "asc" },
      select: { reviewedBy: true, reviewedAt: true, note: true, reviewerId: true },
    }),
    db.weeklyNarrative.findFirst({
      where: { programmeId: p.id, week, ...(canNarrate ? {} : { status: "PUBLISHED" }) },
      select: narrativeSelect,
    }),
  ]);
  const metrics = await loadMetrics({ programmeId: p.id, licensedSeats: p.licensedSeats, from: start, to: end, breakdowns: [] });
  // The charts show the four weeks to the end of this one (a week alone is too short to read a trend from).
  const trendFrom = new Date(Math.max(p.startDate.getTime(), end.getTime() - 27 * 86_400_000));
  const trend = await loadMetrics({ programmeId: p.id, licensedSeats: p.licensedSeats, from: trendFrom, to: end, breakdowns: [] });
  const previous =
    prevStart && prevEnd
      ? await loadMetrics({ programmeId: p.id, licensedSeats: p.licensedSeats, from: prevStart, to: prevEnd, breakdowns: [] })
      : null;

  const t = metrics.totals;
  const q = previous?.totals;
  const minutes = (m: typeof t.minutesSaved) => m.measured + m.selfReported + m.estimated;
  const figures = [
    {
      label: "28-day active users (% of seats)",
      value: t.active28PctAtEnd,
      before: q?.active28PctAtEnd ?? null,
      unit: "%",
      basis: `measured: ${metrics.adoption.label}`,
    },
    { label: "Tasks completed", value: t.tasks, before: q?.tasks ?? null, unit: "", basis: "measured" },
    {
      label: "Minutes saved",
      value: minutes(t.minutesSaved),
      before: q ? minutes(q.minutesSaved) : null,
      unit: "",
      basis: "measured, self-reported and estimated",
    },
    { label: "API cost (USD)", value: t.costUsd, before: q?.costUsd ?? null, unit: "$", basis: "measured" },
    { label: "Cost per task (USD)", value: t.costPerTask, before: q?.costPerTask ?? null, unit: "$/task", basis: "measured" },
    { label: "Error rate", value: t.errorRate, before: q?.errorRate ?? null, unit: "ratio", basis: "measured" },
    { label: "Tokens (all types)", value: t.tokens.total, before: q?.tokens.total ?? null, unit: "", basis: "measured" },
    {
      label: "Value of time saved (USD)",
      value: metrics.value.valueUsd,
      before: previous?.value.valueUsd ?? null,
      unit: "$",
      basis: "estimated: minutes saved × hourly cost",
    },
    {
      label: "ROI (value against API and seat cost)",
      value: metrics.value.roi,
      before: previous?.value.roi ?? null,
      unit: "ratio",
      basis: "estimated",
    },
  ];
  return {
    access,
    week,
    currentWeek,
    range: { from: iso(start), to: iso(end) },
    gates,
    topRisks: risks
      .filter((r) => isOpenRisk(r.status))
      .sort((a, b) => riskScore(b.probability, b.impact) - riskScore(a.probability, a.impact) || a.title.localeCompare(b.title))
      .slice(0, 5)
      .map(({ owner, ...r }) => ({ ...r, ownerName: owner?.user.name ?? null })),
    milestonesHit: milestones.filter((m) => m.completedAt && m.completedAt >= start && m.completedAt <= end),
    milestonesSlipped: milestones.filter((m) => m.status !== "DONE"),
    figures,
    value: metrics.value,
    adoption: metrics.adoption,
    trend: trend.daily.map((d) => ({
      day: d.day,
      // The adoption figure's source only (with analytics summaries, a day not published yet is a gap).
      active28Pct: trend.adoption.source !== "analytics-summaries" || d.adoptionSource === trend.adoption.source ? d.active28Pct : null,
      costUsd: d.costUsd,
      tasks: d.tasks,
    })),
    reviews,
    canReview: access.can("report.review") && !reviews.some((r) => r.reviewerId === actor.id),
    narrative,
    canNarrate,
    claudeConfigured: canNarrate && claudeConfigured(),
  };
}
export type WeeklyReport = Awaited<ReturnType<typeof getWeeklyReport>>;
