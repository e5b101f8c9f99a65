import { z } from "zod";

import { sendWeeklyReports } from "@/features/reports/server/send-weekly-reports";
import { defineJob } from "@/server/jobs/define";
import { deliverEmailJob } from "@/server/mail/jobs";
import { sendDailyDigests } from "@/server/notifications/digest";

import { notifyDueItems } from "./server/notify-due-items";

const DAY_MS = 24 * 60 * 60_000;

/**
 * Notification jobs, registered by the composition root (src/jobs.ts); mail.deliver (one per email)
 * lives in src/server/mail/jobs.ts. Each runs once a day (UTC days) across all processes; each is safe
 * to run again: digests lock their rows, the scans write each notification once (dedupe keys).
 */
export const dailyDigestJob = defineJob({
  name: "notifications.daily-digest",
  schema: z.object({}).passthrough(),
  every: { everyMs: DAY_MS },
  handler: async () => {
    await sendDailyDigests();
  },
});

export const dueScanJob = defineJob({
  name: "notifications.due-scan",
  schema: z.object({}).passthrough(),
  every: { everyMs: DAY_MS },
  handler: async () => {
    await notifyDueItems();
  },
});

export const weeklyReportJob = defineJob({
  name: "notifications.weekly-report",
  schema: z.object({}).passthrough(),
  every: { everyMs: DAY_MS },
  handler: async () => {
    await sendWeeklyReports();
  },
});

export const notificationJobs = [deliverEmailJob, dailyDigestJob, dueScanJob, weeklyReportJob];
