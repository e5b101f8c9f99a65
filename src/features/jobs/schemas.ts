import { z } from "zod";

export const retryJobSchema = z.object({ programmeSlug: z.string().trim().min(1), jobId: z.string().uuid("Not a job.") });
export type RetryJobInput = z.input<typeof retryJobSchema>;

/** Job kinds in words (the job layer stores their names). */
export const JOB_KIND_LABELS: Record<string, string> = {
  "workflows.evaluate": "Workflow evaluation",
  "usage-sync.run": "Usage sync",
  "usage-sync.schedule": "Daily usage sync schedule",
};

export const jobKindLabel = (name: string) => JOB_KIND_LABELS[name] ?? name;
