import { z } from "zod";

import { defineJob } from "@/server/jobs/define";

import { adoptUsageSync, settleFailedSyncJob } from "./server/claim-usage-sync";
import { enqueueScheduledSyncs } from "./server/run-scheduled-syncs";
import { runUsageSync } from "./server/run-usage-sync";

/**
 * The usage sync's jobs, registered by the composition root (src/jobs.ts).
 * - "usage-sync.run": one per claimed sync (Sync now, Resume, the schedule), enqueued with the claim. The
 *   sync records its own failures (resumable); a sync whose worker stopped is adopted by the next attempt
 *   and continues from the last saved page.
 * - "usage-sync.schedule": hourly, once per hour across processes; claims each programme's daily sync when due.
 */
export const usageSyncRunJob = defineJob({
  name: "usage-sync.run",
  schema: z.object({ syncId: z.string().uuid() }),
  retries: 3,
  backoff: { baseMs: 30_000, maxMs: 10 * 60_000 },
  describe: (p) => `Usage sync ${p.syncId.slice(0, 8)}`,
  handler: async (p, ctx) => {
    if (ctx.attempt > 1) await adoptUsageSync(p.syncId, new Date());
    await runUsageSync(p.syncId);
  },
  onFailed: (tx, p, info) => settleFailedSyncJob(tx, p.syncId, info),
});

export const usageSyncScheduleJob = defineJob({
  name: "usage-sync.schedule",
  schema: z.object({}),
  every: { everyMs: 60 * 60_000 },
  retries: 2,
  describe: () => "Daily usage sync schedule",
  handler: async () => {
    await enqueueScheduledSyncs();
  },
});

export const usageSyncJobs = [usageSyncRunJob, usageSyncScheduleJob];
