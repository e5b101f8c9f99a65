import "server-only";

import {
  dayTriggerBreach,
  formatMetricValue,
  TRIGGER_DEFINITIONS,
  weekTriggerBreach,
  type TriggerBreach,
  type TriggerMetric,
} from "@/domain/cohorts";
import { addUtcDays, utcDateOf } from "@/domain/template";
import { appendAudit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { enqueue } from "@/server/jobs/enqueue";
import { notify } from "@/server/notifications/notify";

import { checkTriggersJob } from "../jobs";
import { rollbackAlertKind } from "../notifications";
import { activePeople, cohortDays, isoDay, measuredAsOf, type CohortRef } from "./measure";
import { rollbackAuthorityUserIds } from "./rollback-authority";

type Queryable = Pick<Tx, "$queryRaw">;

/** The longest stretch of a live cohort's days a check reads (bounded work per check). */
const MAX_DAYS = 120;

/**
 * Called in the transaction of every arrival of usage data (ingestUsageEvents: API batch, file import, live
 * sync, workflow run): when the programme has a live cohort with a trigger, one check job is enqueued,
 * deduplicated per programme. A check already running may have read before this data committed, so then a
 * second one is queued behind it (under its own key): at most one running and one waiting per programme.
 */
export async function enqueueTriggerCheck(tx: Queryable, programmeId: string): Promise<void> {
  const watched = await tx.$queryRaw<{ one: number }[]>`
    SELECT 1 AS "one" FROM "CohortTrigger" t JOIN "Cohort" c ON c."id" = t."cohortId"
    WHERE t."programmeId" = ${programmeId}::uuid AND c."status" = 'LIVE' LIMIT 1`;
  if (watched.length === 0) return;
  const first = await enqueue(tx, checkTriggersJob, { programmeId }, { programmeId, dedupeKey: programmeId });
  if (first.created) return;
  const running = await tx.$queryRaw<
    { one: number }[]
  >`SELECT 1 AS "one" FROM "Job" WHERE "id" = ${first.id}::uuid AND "status" = 'RUNNING'`;
  if (running.length > 0) await enqueue(tx, checkTriggersJob, { programmeId }, { programmeId, dedupeKey: `${programmeId}:next` });
}

interface WatchedCohort extends CohortRef {
  id: string;
  wentLiveAt: Date | null;
  plannedSeats: number | null;
  peopleCount: number;
  triggers: { id: string; metric: TriggerMetric; limit: number; round: number }[];
}

/** Each trigger's breach (or null) for one live cohort, from the rollups. Exported for the equality test. */
export async function evaluateCohortTriggers(q: Queryable, programmeId: string, cohort: WatchedCohort, asOf: Date) {
  const liveFrom = utcDateOf(cohort.wentLiveAt ?? asOf);
  const from = liveFrom > addUtcDays(asOf, -MAX_DAYS) ? liveFrom : addUtcDays(asOf, -MAX_DAYS);
  const needsDays = cohort.triggers.some((t) => t.metric !== "ACTIVE_SHARE_DROP_WOW");
  const days = needsDays && from <= asOf ? await cohortDays(q, programmeId, cohort, from, asOf) : [];
  const results: { trigger: WatchedCohort["triggers"][number]; breach: TriggerBreach | null }[] = [];
  for (const trigger of cohort.triggers) {
    if (trigger.metric !== "ACTIVE_SHARE_DROP_WOW") {
      results.push({ trigger, breach: dayTriggerBreach(trigger.metric, trigger.limit, days) });
      continue;
    }
    // Week on week needs two whole weeks since going live.
    const lastWeekFrom = addUtcDays(asOf, -13);
    if (lastWeekFrom < liveFrom) {
      results.push({ trigger, breach: null });
      continue;
    }
    const seats = cohort.plannedSeats ?? cohort.peopleCount;
    const activeThisWeek = await activePeople(q, programmeId, cohort, addUtcDays(asOf, -6), asOf);
    const activeLastWeek = await activePeople(q, programmeId, cohort, lastWeekFrom, addUtcDays(asOf, -7));
    results.push({
      trigger,
      breach: weekTriggerBreach(trigger.limit, { seats, activeThisWeek, activeLastWeek, from: isoDay(lastWeekFrom), to: isoDay(asOf) }),
    });
  }
  return results;
}

/**
 * Evaluates every live cohort's triggers of one programme and raises one alert per breached trigger, cohort
 * and round: the unique key makes a second breaching batch (or a concurrent check) raise nothing more. Each
 * new alert is audited and notifies the people with rollback authority, in the transaction that writes it.
 */
export async function checkCohortTriggers(programmeId: string, now = new Date()): Promise<{ raised: number }> {
  const cohorts = await db.cohort.findMany({
    where: { programmeId, status: "LIVE", triggers: { some: {} } },
    orderBy: { ordinal: "asc" },
    select: {
      id: true,
      name: true,
      key: true,
      wentLiveAt: true,
      plannedSeats: true,
      _count: { select: { people: true } },
      triggers: { select: { id: true, metric: true, limit: true, round: true }, orderBy: { metric: "asc" } },
    },
  });
  if (cohorts.length === 0) return { raised: 0 };
  const programme = await db.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { slug: true } });
  const asOf = await measuredAsOf(db, programmeId, now);
  let raised = 0;
  for (const c of cohorts) {
    const results = await evaluateCohortTriggers(db, programmeId, { ...c, peopleCount: c._count.people }, asOf);
    for (const { trigger, breach } of results) {
      if (!breach) continue;
      raised += await db.$transaction(async (tx) => {
        const inserted = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO "RollbackAlert" ("id", "programmeId", "cohortId", "triggerId", "round", "metric", "limit", "measuredValue",
                                       "windowFrom", "windowTo", "basis")
          SELECT gen_random_uuid(), ${programmeId}::uuid, ${c.id}::uuid, t."id", t."round", t."metric", t."limit", ${breach.measured},
                 ${breach.windowFrom}::date, ${breach.windowTo}::date, ${JSON.stringify(breach.basis)}::jsonb
          FROM "CohortTrigger" t
          WHERE t."id" = ${trigger.id}::uuid AND t."round" = ${trigger.round} AND t."limit" = ${trigger.limit}
          ON CONFLICT ("triggerId", "cohortId", "round") DO NOTHING
          RETURNING "id"::text AS "id"`;
        const alert = inserted[0];
        if (!alert) return 0;
        const def = TRIGGER_DEFINITIONS[trigger.metric];
        const measured = formatMetricValue(breach.measured, def.unit);
        const limit = formatMetricValue(trigger.limit, def.unit);
        const window = breach.windowFrom === breach.windowTo ? breach.windowFrom : `${breach.windowFrom} to ${breach.windowTo}`;
        await appendAudit(tx, {
          programmeId,
          actor: { id: null, label: "system" },
          action: "rollback-alert.raise",
          entityType: "RollbackAlert",
          entityId: alert.id,
          after: { cohort: c.name, metric: trigger.metric, limit: trigger.limit, measured: breach.measured, window, basis: breach.basis },
        });
        await notify(tx, {
          kind: rollbackAlertKind,
          programmeId,
          recipientIds: await rollbackAuthorityUserIds(tx, programmeId),
          subject: `Rollback trigger on ${c.name}: ${def.label.toLowerCase()} (${measured}, limit ${limit})`,
          text: `Measured ${measured} over ${window} against a limit of ${limit}.\n\nIt rests on: ${Object.entries(breach.basis)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")}.\n\nRoll the cohort back, or accept the alert with a written reason.`,
          link: `/programmes/${programme.slug}/cohorts#alert-${alert.id}`,
        });
        return 1;
      });
    }
  }
  return { raised };
}

/** The daily run: every programme with a live cohort that has a trigger. */
export async function checkAllCohortTriggers(now = new Date()): Promise<void> {
  const programmes = await db.cohort.findMany({
    where: { status: "LIVE", triggers: { some: {} } },
    distinct: ["programmeId"],
    select: { programmeId: true },
  });
  for (const p of programmes) await checkCohortTriggers(p.programmeId, now);
}
