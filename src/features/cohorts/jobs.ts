import { z } from "zod";

import { defineJob } from "@/server/jobs/define";

import { checkAllCohortTriggers, checkCohortTriggers } from "./server/check-triggers";

/**
 * The cohorts' jobs, registered by the composition root (src/jobs.ts).
 * - "cohorts.check-triggers": one per arrival of usage data (API batch, file import, live sync, workflow run),
 *   deduplicated per programme; evaluates the live cohorts' rollback triggers from the rollups.
 * - "cohorts.check-triggers-daily": once a day across processes, every programme with a watched cohort.
 */
export const checkTriggersJob = defineJob({
  name: "cohorts.check-triggers",
  schema: z.object({ programmeId: z.string().uuid() }),
  retries: 3,
  backoff: { baseMs: 10_000, maxMs: 5 * 60_000 },
  describe: () => "Check the live cohorts' rollback triggers",
  handler: async (p) => {
    await checkCohortTriggers(p.programmeId);
  },
});

export const checkTriggersDailyJob = defineJob({
  name: "cohorts.check-triggers-daily",
  schema: z.object({}),
  every: { everyMs: 24 * 60 * 60_000 },
  retries: 2,
  describe: () => "Daily check of every live cohort's rollback triggers",
  handler: async () => {
    await checkAllCohortTriggers();
  },
});

export const cohortJobs = [checkTriggersJob, checkTriggersDailyJob];
