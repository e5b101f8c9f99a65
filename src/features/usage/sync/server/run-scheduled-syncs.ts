import "server-only";

import { scheduledSyncRange } from "@/domain/sync";
import { db } from "@/server/db";

import { claimNewUsageSync, SCHEDULER_ACTOR } from "./claim-usage-sync";
import { runUsageSync, type SyncOutcome, type SyncRunOptions } from "./run-usage-sync";

/**
 * The daily schedule (the recurring job "usage-sync.schedule", hourly): claims the scheduled sync of each
 * active programme with a key whose last one started over 24 hours ago (so once a day, and at start after
 * a long stop); each claim enqueues the sync's own job in its transaction. Of several processes, one
 * claims a programme's sync (the claim locks the programme's row and checks again).
 */
export async function enqueueScheduledSyncs(now = new Date(), only?: { programmeIds: string[] }): Promise<number> {
  const programmes = await db.programme.findMany({
    where: { anthropicKeys: { some: {} }, status: { in: ["ACTIVE", "PAUSED"] }, ...(only ? { id: { in: only.programmeIds } } : {}) },
    orderBy: { slug: "asc" },
    select: { id: true },
  });
  let claimed = 0;
  for (const p of programmes) {
    const sync = await claimNewUsageSync({
      programmeId: p.id,
      trigger: "SCHEDULED",
      ...scheduledSyncRange(now),
      actor: SCHEDULER_ACTOR,
      now,
    });
    if (sync) claimed++;
  }
  return claimed;
}

/**
 * The daily schedule's work run inline (tests, operators): for each active programme with a key, claims its scheduled sync when none
 * started in the last 24 hours (the claim is settled in the database, so of several app processes one
 * runs it) and runs it. Programmes are synced one after another.
 */
export async function runScheduledSyncs(
  options: SyncRunOptions & {
    now?: () => Date;
    /** Only these programmes (an operator's or a test's choice); default all. */ programmeIds?: string[];
  } = {},
): Promise<{ programmeSlug: string; outcome: SyncOutcome }[]> {
  const now = options.now ?? (() => new Date());
  const programmes = await db.programme.findMany({
    where: {
      anthropicKeys: { some: {} },
      status: { in: ["ACTIVE", "PAUSED"] },
      ...(options.programmeIds ? { id: { in: options.programmeIds } } : {}),
    },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true },
  });
  const results: { programmeSlug: string; outcome: SyncOutcome }[] = [];
  for (const p of programmes) {
    const at = now();
    const claimed = await claimNewUsageSync({
      programmeId: p.id,
      trigger: "SCHEDULED",
      ...scheduledSyncRange(at),
      actor: SCHEDULER_ACTOR,
      now: at,
      inline: true,
    });
    if (claimed) results.push({ programmeSlug: p.slug, outcome: await runUsageSync(claimed.id, options) });
  }
  return results;
}
