/**
 * Demo cohorts. Globex Health: Pilot group (50, completed) → Early adopters (150, completed) → Full rollout (live,
 * the rest of its 2,000 seats), each go-live recorded with its entry thresholds as measured from the usage data on
 * that day, a daily-cost alert on Early adopters accepted with a reason, and the Full rollout watched by "error rate
 * above 5% over a day"; a rollback plan with two staging tests. Acme Financial: its pilot (50, live) with people taken
 * from the usage data and tagged early adopters and sceptics, and Early adopters (150) planned with their thresholds.
 */
import { cohortKeyOf, cohortMatchKey, type ThresholdMetric, type TriggerMetric } from "@/domain/cohorts";
import { cohortDays, measureThresholds } from "@/features/cohorts/server/measure";
import { appendAudit } from "@/server/audit";
import type { Tx } from "@/server/db";

import type { DemoSeedContext } from "./context";

interface CohortSpec {
  name: string;
  seats: number;
  plannedGoLiveDay: number;
  live?: number;
  completed?: number;
  thresholds?: [ThresholdMetric, number][];
  triggers?: [TriggerMetric, number][];
}

const PLANS: Record<DemoSeedContext["slug"], CohortSpec[]> = {
  globex: [
    { name: "Pilot group", seats: 50, plannedGoLiveDay: 32, live: 32, completed: 61 },
    {
      name: "Early adopters",
      seats: 150,
      plannedGoLiveDay: 62,
      live: 62,
      completed: 90,
      thresholds: [
        ["ACTIVE_SHARE_7D", 0.6],
        ["ERROR_RATE", 0.02],
        ["COST_PER_TASK", 0.05],
        ["DAYS_LIVE", 28],
      ],
      // The limit is set from the data in seedGlobexRollback.
      triggers: [["DAILY_COST", 1]],
    },
    {
      name: "Full rollout",
      seats: 1800,
      plannedGoLiveDay: 69,
      live: 69,
      thresholds: [
        ["ACTIVE_SHARE_7D", 0.5],
        ["ERROR_RATE", 0.02],
        ["DAYS_LIVE", 7],
      ],
      triggers: [["ERROR_RATE_DAY", 0.05]],
    },
  ],
  acme: [
    { name: "Pilot group", seats: 50, plannedGoLiveDay: 32, live: 32 },
    {
      name: "Early adopters",
      seats: 150,
      plannedGoLiveDay: 62,
      thresholds: [
        ["ACTIVE_SHARE_7D", 0.6],
        ["ERROR_RATE", 0.02],
        ["COST_PER_TASK", 0.05],
        ["DAYS_LIVE", 30],
      ],
    },
  ],
};

const PM = "pm@acme.test";

export async function seedCohorts(tx: Tx, ctx: DemoSeedContext, actor: { id: string; label: string }) {
  const { programmeId } = ctx;
  const at = (day: number, hour = 9) => new Date(ctx.dayDate(day).getTime() + hour * 3600_000);
  const ids: string[] = [];
  for (const [i, c] of PLANS[ctx.slug].entries()) {
    const status = c.completed ? "COMPLETED" : c.live ? "LIVE" : "PLANNED";
    const cohort = await tx.cohort.create({
      data: {
        programmeId,
        ordinal: i + 1,
        key: cohortKeyOf(c.name),
        name: c.name,
        nameKey: cohortMatchKey(c.name),
        kind: "PEOPLE",
        plannedSeats: c.seats,
        plannedGoLive: ctx.dayDate(c.plannedGoLiveDay),
        status,
        wentLiveAt: c.live ? at(c.live) : null,
        statusChangedAt: c.completed ? at(c.completed) : c.live ? at(c.live) : null,
        thresholds: { create: (c.thresholds ?? []).map(([metric, target]) => ({ programmeId, metric, target })) },
        triggers: { create: (c.triggers ?? []).map(([metric, limit]) => ({ programmeId, metric, limit })) },
      },
      select: { id: true },
    });
    ids.push(cohort.id);
    await appendAudit(tx, {
      programmeId,
      actor,
      action: "cohort.create",
      entityType: "Cohort",
      entityId: cohort.id,
      after: { name: c.name, seats: c.seats },
    });
    if (c.live) {
      // The thresholds as they were measured from the usage data the day before going live.
      const previous = i > 0 ? PLANS[ctx.slug][i - 1]! : null;
      const thresholds =
        previous && c.thresholds
          ? await measureThresholds(
              tx,
              programmeId,
              {
                name: previous.name,
                key: cohortKeyOf(previous.name),
                plannedSeats: previous.seats,
                peopleCount: 0,
                wentLiveAt: previous.live ? at(previous.live) : null,
              },
              c.thresholds.map(([metric, target]) => ({ metric, target })),
              ctx.dayDate(c.live - 1),
              at(c.live),
            )
          : [];
      await appendAudit(tx, {
        programmeId,
        actor,
        action: "cohort.go-live",
        entityType: "Cohort",
        entityId: cohort.id,
        before: { status: "PLANNED" },
        after: { status: "LIVE", cohort: c.name, ...(thresholds.length > 0 ? { thresholds } : {}) },
      });
    }
    if (c.completed)
      await appendAudit(tx, {
        programmeId,
        actor,
        action: "cohort.complete",
        entityType: "Cohort",
        entityId: cohort.id,
        before: { status: "LIVE" },
        after: { status: "COMPLETED", cohort: c.name },
      });
  }

  if (ctx.slug === "globex") await seedGlobexRollback(tx, ctx, actor, ids);
  else await seedAcmePilotPeople(tx, ctx, actor, ids[0]!);
}

async function seedGlobexRollback(tx: Tx, ctx: DemoSeedContext, actor: { id: string; label: string }, ids: string[]) {
  const { programmeId } = ctx;
  const early = ids[1]!;
  // The alert rests on the data: Early adopters' costliest day, against a limit just under it.
  const days = await cohortDays(tx, programmeId, { name: "Early adopters", key: "early-adopters" }, ctx.dayDate(62), ctx.dayDate(90));
  const peak = days.reduce((a, b) => (b.costUsd > a.costUsd ? b : a), days[0]!);
  const limit = Math.floor(peak.costUsd * 0.95 * 100) / 100;
  const trigger = await tx.cohortTrigger.update({
    where: { cohortId_metric: { cohortId: early, metric: "DAILY_COST" } },
    data: { limit },
    select: { id: true, round: true },
  });
  const pm = await tx.membership.findUniqueOrThrow({ where: { id: ctx.member.get(PM)! }, select: { userId: true } });
  const peakDay = new Date(`${peak.day}T00:00:00Z`);
  const raisedAt = new Date(peakDay.getTime() + 31 * 3600_000);
  const alert = await tx.rollbackAlert.create({
    data: {
      programmeId,
      cohortId: early,
      triggerId: trigger.id,
      round: trigger.round,
      metric: "DAILY_COST",
      limit,
      measuredValue: peak.costUsd,
      windowFrom: peakDay,
      windowTo: peakDay,
      basis: { events: peak.events, tasks: peak.tasks, errors: peak.errors, costUsd: peak.costUsd },
      status: "ACCEPTED",
      raisedAt,
      resolvedAt: new Date(raisedAt.getTime() + 3 * 3600_000),
      resolvedById: pm.userId,
      reason:
        "Busiest day of the wave as the last departments joined: cost per task stayed at its usual level, so spend rose with use, " +
        "not with waste. Raised the daily-cost budget line instead of rolling back.",
    },
    select: { id: true },
  });
  await appendAudit(tx, {
    programmeId,
    actor,
    action: "rollback-alert.accept",
    entityType: "RollbackAlert",
    entityId: alert.id,
    before: { status: "OPEN" },
    after: { status: "ACCEPTED" },
  });
  await tx.rollbackPlan.create({
    data: {
      programmeId,
      targetMinutes: 30,
      authorityIds: [ctx.member.get(PM)!, ctx.member.get("it@acme.test")!],
      procedure: [
        "## When to roll back",
        "A rollback alert on a live cohort that the programme manager or the IT lead does not accept with a reason, or a severity-1 incident.",
        "",
        "## Steps",
        "1. Announce the rollback in #claude-help and to the cohort's department leads.",
        "2. Remove the cohort's group from the Claude Enterprise app in the identity provider (SCIM de-provisions within 5 minutes).",
        "3. Switch the document pipeline's traffic flag back to the manual queue.",
        "4. Confirm in the usage dashboard that the cohort's activity has stopped; mark the cohort rolled back in Gatehouse.",
        "",
        "## Who to call",
        "IT on-call (service desk, option 3); Anthropic support for platform issues.",
      ].join("\n"),
    },
  });
  await tx.rollbackTest.createMany({
    data: [
      {
        programmeId,
        testedOn: ctx.dayDate(57),
        environment: "staging",
        durationMinutes: 42,
        result: "FAILED",
        notes: "SCIM removal took 35 minutes: the sync interval was 30 minutes. Shortened to 5.",
      },
      {
        programmeId,
        testedOn: ctx.dayDate(59),
        environment: "staging",
        durationMinutes: 14,
        result: "PASSED",
        notes: "Within the 30-minute target.",
      },
    ],
  });
}

/** Acme's pilot: its people from the usage data, a few tagged early adopters and sceptics (the playbook: include both). */
async function seedAcmePilotPeople(tx: Tx, ctx: DemoSeedContext, actor: { id: string; label: string }, pilotId: string) {
  const { programmeId } = ctx;
  const people = await tx.$queryRaw<{ userRef: string }[]>`
    SELECT DISTINCT "userRef" FROM "UsageUserDay"
    WHERE "programmeId" = ${programmeId}::uuid AND lower(btrim("cohort")) = 'pilot group' ORDER BY "userRef" LIMIT 50`;
  await tx.cohortPerson.createMany({
    data: people.map((p, i) => ({
      programmeId,
      cohortId: pilotId,
      userRef: p.userRef,
      source: "usage",
      tag: i % 4 === 0 ? ("EARLY_ADOPTER" as const) : i % 7 === 3 ? ("SCEPTIC" as const) : null,
    })),
  });
  await appendAudit(tx, {
    programmeId,
    actor,
    action: "cohort.people.import",
    entityType: "Cohort",
    entityId: pilotId,
    after: { cohort: "Pilot group", source: "usage", listed: people.length, added: people.length, inOtherCohorts: 0 },
  });
}
