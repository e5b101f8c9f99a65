/**
 * Demo usage: Globex Health's pilot and rollout as daily facts for about 2,000 seats, adoption rising to
 * about 55% with Finance lagging; Acme Financial's first pilot weeks. Deterministic, and written through
 * the same ingestion statement as the API (raw events, rollups and active people together).
 *
 * Acme runs on Claude apps (chat, Cowork, a few Claude Code seats): its adoption comes from Claude
 * Enterprise analytics summaries (one organisation-level fact a day, stored as an import or sync stores
 * them), beside the per-person events of its API document pipeline. Both programmes have hourly costs, so
 * minutes saved show as money against API and seat cost.
 */
import { seededRandom as rng } from "@/domain/random";
import { usageEventSchema, type AnalyticsSummary, type UsageEvent } from "@/features/usage/schemas";
import { ingestUsageEvents } from "@/features/usage/server/ingest-usage-events";
import { storeAnalyticsSummaries } from "@/features/usage/server/store-analytics-summaries";
import type { Tx } from "@/server/db";

import type { DemoSeedContext } from "./context";

interface Plan {
  seats: number;
  firstDay: number;
  departments: { name: string; weight: number; adoption: number }[];
  useCases: string[];
  /** Share of seats adopted on programme day d (0–1), before the department's own factor. */
  adoption: (day: number) => number;
  /** The cohort a person is in, by the order in which people adopt (rank): the first adopters were the pilot. */
  cohort: (rank: number) => string;
}

const PLANS: Record<DemoSeedContext["slug"], Plan> = {
  globex: {
    seats: 2000,
    firstDay: 32,
    departments: [
      { name: "Outpatients", weight: 0.3, adoption: 1.1 },
      { name: "Revenue cycle", weight: 0.2, adoption: 1.15 },
      { name: "HR", weight: 0.1, adoption: 1.0 },
      { name: "Engineering", weight: 0.15, adoption: 1.2 },
      { name: "Finance", weight: 0.25, adoption: 0.35 },
    ],
    useCases: [
      "Clinical letter drafting",
      "Prior-authorisation packet assembly",
      "Internal policy assistant",
      "Code review assistant (Claude Code)",
    ],
    adoption: (d) => (d < 32 ? 0 : d <= 60 ? 0.025 : Math.min(0.58, 0.025 + ((d - 60) / 55) * 0.56)),
    cohort: (rank) => (rank < 0.025 ? "Pilot group" : rank < 0.1 ? "Early adopters" : "Full rollout"),
  },
  acme: {
    seats: 500,
    firstDay: 32,
    departments: [
      { name: "Commercial lending", weight: 0.5, adoption: 1 },
      { name: "Compliance", weight: 0.5, adoption: 1 },
    ],
    useCases: ["Credit memo first drafts", "KYC document summarisation"],
    adoption: (d) => (d < 32 ? 0 : 0.09),
    cohort: () => "Pilot group",
  },
};

export async function seedUsage(tx: Tx, ctx: DemoSeedContext) {
  const plan = PLANS[ctx.slug];
  const r = rng(ctx.slug === "globex" ? 11 : 23);
  const people = Array.from({ length: plan.seats }, (_, u) => {
    let x = r();
    const dept = plan.departments.find((d) => (x -= d.weight) < 0) ?? plan.departments[0]!;
    return { u, dept, rank: r(), engagement: 0.45 + r() * 0.5 };
  });
  const events: UsageEvent[] = [];
  for (let day = plan.firstDay; day <= ctx.day - 1; day++) {
    const date = ctx.dayDate(day);
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    const iso = date.toISOString().slice(0, 10);
    for (const p of people) {
      if (p.rank >= plan.adoption(day) * p.dept.adoption) continue; // not adopted yet
      if (r() > p.engagement) continue; // adopted, but not active today
      const tasks = 1 + Math.floor(r() * 4);
      const input = tasks * (1500 + Math.floor(r() * 2500));
      const cached = Math.floor(input * Math.min(0.6, 0.1 + (day - plan.firstDay) / 150));
      const output = tasks * (350 + Math.floor(r() * 500));
      const cost = ((input - cached) * 3 + cached * 0.3 + output * 15) / 1_000_000;
      events.push(
        usageEventSchema.parse({
          externalId: `demo-${ctx.slug}-${iso}-${p.u}`,
          day: iso,
          user: `p-${p.u.toString(36)}`,
          department: p.dept.name,
          useCase: plan.useCases[Math.floor(r() * plan.useCases.length)],
          cohort: plan.cohort(p.rank),
          model: r() < 0.8 ? "claude-sonnet-4-6" : "claude-haiku-4-5",
          sessions: 1 + Math.floor(r() * 2),
          tasks,
          minutesSaved: tasks * (6 + Math.floor(r() * 12)),
          minutesSource: r() < 0.3 ? "measured" : r() < 0.7 ? "self_reported" : "estimated",
          errors: r() < 0.015 ? 1 : 0,
          tokens: { uncachedInput: input - cached, cacheWrite: 0, cacheRead: cached, output },
          costUsd: Math.round(cost * 1_000_000) / 1_000_000,
        }),
      );
    }
  }
  for (let i = 0; i < events.length; i += 10_000) await ingestUsageEvents(tx, ctx.programmeId, events.slice(i, i + 10_000), "demo");
  await tx.hourlyCost.createMany({ data: HOURLY_COSTS[ctx.slug].map((h) => ({ programmeId: ctx.programmeId, ...h })) });
  if (ctx.slug === "acme") await storeAnalyticsSummaries(tx, ctx.programmeId, acmeSummaries(ctx), "import");
  return events.length;
}

/** What an hour costs, loaded (salary and on-costs over working hours), per department and programme-wide. */
const HOURLY_COSTS: Record<DemoSeedContext["slug"], { department: string; usdPerHour: number }[]> = {
  acme: [
    { department: "", usdPerHour: 78 },
    { department: "Commercial lending", usdPerHour: 96 },
    { department: "Compliance", usdPerHour: 84 },
  ],
  globex: [
    { department: "", usdPerHour: 64 },
    { department: "Outpatients", usdPerHour: 88 },
    { department: "Engineering", usdPerHour: 105 },
    { department: "Finance", usdPerHour: 72 },
  ],
};

/**
 * Acme's Claude Enterprise analytics summaries from the pilot's first day to yesterday: 480 seats assigned of
 * 500 (20 invites pending), daily active people rising from about 60 to 180 on weekdays (a fifth of that at
 * weekends), the 7- and 28-day counts over a deterministic roster, split across chat, Cowork and Claude Code.
 */
function acmeSummaries(ctx: DemoSeedContext): AnalyticsSummary[] {
  const r = rng(41);
  const assigned = 480;
  const activeOn = new Map<number, Set<number>>();
  const out: AnalyticsSummary[] = [];
  for (let day = 32; day <= ctx.day - 1; day++) {
    const date = ctx.dayDate(day);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const reach = Math.min(0.5, 0.16 + (day - 32) * 0.022); // share of seats that have started
    const target = Math.round(assigned * reach * (weekend ? 0.12 : 0.62));
    const today = new Set<number>();
    while (today.size < target) today.add(Math.floor(r() * assigned * reach));
    activeOn.set(day, today);
    const over = (n: number) => {
      const all = new Set<number>();
      for (let d = day - n + 1; d <= day; d++) for (const u of activeOn.get(d) ?? []) all.add(u);
      return all.size;
    };
    const [daily, weekly, monthly] = [today.size, over(7), over(28)];
    const share = (n: number, k: number) => Math.round(n * k);
    out.push({
      day: date.toISOString().slice(0, 10),
      dailyActiveUsers: daily,
      weeklyActiveUsers: weekly,
      monthlyActiveUsers: monthly,
      assignedSeats: assigned,
      pendingInvites: 20,
      dailyAdoptionRate: Math.round((daily / assigned) * 1000) / 1000,
      weeklyAdoptionRate: Math.round((weekly / assigned) * 1000) / 1000,
      monthlyAdoptionRate: Math.round((monthly / assigned) * 1000) / 1000,
      products: {
        chat: { daily: share(daily, 0.82), weekly: share(weekly, 0.85), monthly: share(monthly, 0.88) },
        cowork: { daily: share(daily, 0.31), weekly: share(weekly, 0.38), monthly: share(monthly, 0.42) },
        claude_code: { daily: share(daily, 0.06), weekly: share(weekly, 0.07), monthly: share(monthly, 0.08) },
      },
    });
  }
  return out;
}
