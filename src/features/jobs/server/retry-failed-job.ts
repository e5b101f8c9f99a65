import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { retryJob } from "@/server/jobs/admin";

import { retryJobSchema, type RetryJobInput } from "../schemas";

/**
 * "Retry" on a failed job of the programme (programme managers: "jobs.manage"): it runs again from a
 * fresh count of attempts. Another programme's job is "not found"; a job that is not failed is refused.
 */
export async function retryFailedJob(actor: Actor, raw: RetryJobInput) {
  const input = retryJobSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "jobs.manage");
  const programmeId = access.programme.id;
  const job = await retryJob(input.jobId, { programmeId }, (tx, j) =>
    appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "job.retry",
      entityType: "Job",
      entityId: j.id,
      after: { kind: j.name, subject: j.subject },
    }),
  );
  return { id: job.id, status: job.status };
}
