import "server-only";

import { addDays, calendarDateOf, toUtcDate } from "@/domain/dates";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { loadMetrics } from "./get-metrics";
import { MAX_METRICS_DAYS } from "./get-metrics-for-api";

/**
 * The value and return on cost over the pilot, for the Pilot Debrief's evidence: from the pilot phase's start
 * (actual, else planned) to its end or today, whichever is first (at most the API's 400 days, the latest ones).
 * Null before the pilot has started.
 */
export async function getPilotValue(actor: Actor, programmeSlug: string, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const p = access.programme;
  const pilot = await db.phase.findUnique({
    where: { programmeId_key: { programmeId: p.id, key: "PILOT" } },
    select: { plannedStart: true, actualStart: true, actualEnd: true },
  });
  const today = toUtcDate(calendarDateOf(now));
  const start = pilot?.actualStart ?? pilot?.plannedStart;
  if (!start || start > today) return null;
  const end = pilot?.actualEnd && pilot.actualEnd < today ? pilot.actualEnd : today;
  const earliest = toUtcDate(addDays(calendarDateOf(end), -(MAX_METRICS_DAYS - 1)));
  const from = start < earliest ? earliest : start;
  const m = await loadMetrics({ programmeId: p.id, licensedSeats: p.licensedSeats, from, to: end, breakdowns: [] });
  return { from: m.from, to: m.to, value: m.value, canManage: access.can("costs.manage") };
}
