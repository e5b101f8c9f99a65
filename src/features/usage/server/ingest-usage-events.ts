import { enqueueTriggerCheck } from "@/features/cohorts/server/check-triggers";
import type { Tx } from "@/server/db";

import { MINUTES_SOURCES, type UsageEvent } from "../schemas";

/**
 * Writes a validated batch in ONE statement: raw events (a repeated external id changes nothing),
 * the daily rollups incremented by exactly the rows that were new, and the people active per day.
 * Raw and rollups therefore commit together or not at all, and late or repeated data keeps them equal.
 * Raw events are inserted in external-id order and rollup rows upserted in key order, so concurrent
 * batches take their row locks in the same order and do not deadlock each other.
 */
const INGEST_SQL = `
WITH input AS (
  SELECT * FROM unnest($2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::int[], $10::int[], $11::float8[], $12::text[], $13::int[],
                       $14::int8[], $15::int8[], $16::int8[], $17::int8[], $18::float8[])
    AS t(external_id, day, user_ref, department, use_case, cohort, model, sessions, tasks, minutes_saved,
         minutes_source, errors, uncached, cache_write, cache_read, output, cost)
),
ins AS (
  INSERT INTO "UsageEvent" ("programmeId", "externalId", "day", "userRef", "department", "useCase", "cohort", "model",
    "sessions", "tasks", "minutesSaved", "minutesSource", "errors", "uncachedInputTokens", "cacheWriteTokens",
    "cacheReadTokens", "outputTokens", "costUsd", "source")
  SELECT $1::uuid, external_id, day, user_ref, department, use_case, cohort, model, sessions, tasks, minutes_saved,
         minutes_source::"MinutesSource", errors, uncached, cache_write, cache_read, output, cost, $19
  FROM input
  ORDER BY external_id
  ON CONFLICT ("programmeId", "externalId") DO NOTHING
  RETURNING "programmeId", "day", "userRef", "department", "useCase", "cohort", "model", "minutesSource", "sessions", "tasks",
            "minutesSaved", "errors", "uncachedInputTokens", "cacheWriteTokens", "cacheReadTokens", "outputTokens", "costUsd"
),
daily AS (
  INSERT INTO "UsageDaily" ("programmeId", "day", "dimension", "key", "minutesSource", "events",
    "sessions", "tasks", "minutesSaved", "errors", "uncachedInputTokens", "cacheWriteTokens", "cacheReadTokens", "outputTokens", "costUsd")
  SELECT "programmeId", "day",
         CASE WHEN grouping("department") = 0 THEN 'department' WHEN grouping("useCase") = 0 THEN 'useCase'
              WHEN grouping("cohort") = 0 THEN 'cohort' WHEN grouping("model") = 0 THEN 'model' ELSE 'all' END AS dimension,
         CASE WHEN grouping("department") = 0 THEN "department" WHEN grouping("useCase") = 0 THEN "useCase"
              WHEN grouping("cohort") = 0 THEN "cohort" WHEN grouping("model") = 0 THEN "model" ELSE '' END AS key,
         "minutesSource", count(*), sum("sessions"), sum("tasks"), sum("minutesSaved"), sum("errors"), sum("uncachedInputTokens"),
         sum("cacheWriteTokens"), sum("cacheReadTokens"), sum("outputTokens"), sum("costUsd")
  FROM ins
  GROUP BY GROUPING SETS (
    ("programmeId", "day", "minutesSource"),
    ("programmeId", "day", "minutesSource", "department"),
    ("programmeId", "day", "minutesSource", "useCase"),
    ("programmeId", "day", "minutesSource", "cohort"),
    ("programmeId", "day", "minutesSource", "model"))
  ORDER BY 1, 3, 2, 4, 5
  ON CONFLICT ("programmeId", "dimension", "day", "key", "minutesSource") DO UPDATE SET
    "events" = "UsageDaily"."events" + EXCLUDED."events",
    "sessions" = "UsageDaily"."sessions" + EXCLUDED."sessions",
    "tasks" = "UsageDaily"."tasks" + EXCLUDED."tasks",
    "minutesSaved" = "UsageDaily"."minutesSaved" + EXCLUDED."minutesSaved",
    "errors" = "UsageDaily"."errors" + EXCLUDED."errors",
    "uncachedInputTokens" = "UsageDaily"."uncachedInputTokens" + EXCLUDED."uncachedInputTokens",
    "cacheWriteTokens" = "UsageDaily"."cacheWriteTokens" + EXCLUDED."cacheWriteTokens",
    "cacheReadTokens" = "UsageDaily"."cacheReadTokens" + EXCLUDED."cacheReadTokens",
    "outputTokens" = "UsageDaily"."outputTokens" + EXCLUDED."outputTokens",
    "costUsd" = "UsageDaily"."costUsd" + EXCLUDED."costUsd"
  RETURNING 1
),
people AS (
  INSERT INTO "UsageUserDay" ("programmeId", "day", "userRef", "department", "cohort")
  SELECT DISTINCT ON ("programmeId", "day", "userRef") "programmeId", "day", "userRef", "department", "cohort"
  FROM ins
  WHERE "userRef" <> 'organization' -- organisation-level report rows are usage, not a person
  ORDER BY "programmeId", "day", "userRef"
  ON CONFLICT DO NOTHING
  RETURNING "day"
)
SELECT (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM daily)::int AS rollups,
       (SELECT min("day") FROM people) AS first_new_person_day`;

export interface IngestResult {
  received: number;
  inserted: number;
  duplicates: number;
}

/**
 * A column as one PostgreSQL array literal, cast by the statement (`$2::text[]`): one string
 * parameter per column instead of an array of 10,000 values for the drivers to convert one by one.
 * Every text element is double-quoted (so "NULL", commas and braces are plain text), with `"` and
 * `\` backslash-escaped; numbers are written as JavaScript prints them, which PostgreSQL reads back.
 */
function textArray(values: readonly string[]): string {
  for (const v of values)
    if (v.includes('"') || v.includes("\\")) return `{${values.map((x) => `"${x.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
  return values.length === 0 ? "{}" : `{"${values.join('","')}"}`;
}
const numberArray = (values: readonly number[]) => `{${values.join(",")}}`;

/** Runs inside the caller's transaction, so the idempotency record and the audit event commit with it. */
export async function ingestUsageEvents(tx: Tx, programmeId: string, events: readonly UsageEvent[], source: string): Promise<IngestResult> {
  const text = (f: (e: UsageEvent) => string) => textArray(events.map(f));
  const num = (f: (e: UsageEvent) => number) => numberArray(events.map(f));
  const rows = await tx.$queryRawUnsafe<{ inserted: number; first_new_person_day: Date | null }[]>(
    INGEST_SQL,
    ...[
      programmeId,
      text((e) => e.externalId),
      text((e) => e.day),
      text((e) => e.user),
      text((e) => e.department),
      text((e) => e.useCase),
      text((e) => e.cohort),
      text((e) => e.model),
      num((e) => e.sessions),
      num((e) => e.tasks),
      num((e) => e.minutesSaved),
      text((e) => MINUTES_SOURCES[e.minutesSource]),
      num((e) => e.errors),
      num((e) => e.tokens.uncachedInput),
      num((e) => e.tokens.cacheWrite),
      num((e) => e.tokens.cacheRead),
      num((e) => e.tokens.output),
      num((e) => e.costUsd),
      source,
    ],
  );
  const inserted = rows[0]?.inserted ?? 0;
  const firstNewPersonDay = rows[0]?.first_new_person_day ?? null;
  // New active people change the cached active-user counts from that day on: drop them under the
  // same lock the reader takes to recompute, so a recompute never caches a count this batch misses.
  if (firstNewPersonDay) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`usage-active:${programmeId}`}, 0))`;
    await tx.$executeRaw`DELETE FROM "UsageActiveDaily" WHERE "programmeId" = ${programmeId}::uuid AND "day" >= ${firstNewPersonDay}`;
  }
  // Every arrival of new data (API batch, file import, live sync, workflow run) has the live cohorts' rollback triggers checked.
  if (inserted > 0) await enqueueTriggerCheck(tx, programmeId);
  return { received: events.length, inserted, duplicates: events.length - inserted };
}
