import "server-only";

import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { listJobs } from "@/server/jobs/admin";

import { jobKindLabel } from "../schemas";

export interface FailedJobView {
  id: string;
  kind: string;
  subject: string | null;
  attempts: number;
  lastError: string | null;
  failedAt: Date | null;
}

export const FAILED_JOBS_SHOWN = 100;

/** The programme's failed background jobs, most recent first (programme managers: "jobs.manage"). */
export async function listFailedJobs(actor: Actor, programmeSlug: string): Promise<FailedJobView[]> {
  const access = await authorize(actor, programmeSlug, "jobs.manage");
  const jobs = await listJobs({ status: "FAILED", programmeId: access.programme.id, limit: FAILED_JOBS_SHOWN });
  return jobs.map((j) => ({
    id: j.id,
    kind: jobKindLabel(j.name),
    subject: j.subject,
    attempts: j.attempts,
    lastError: j.lastError,
    failedAt: j.finishedAt,
  }));
}
