/**
 * The composition root of the job layer: every feature's job kinds, registered with src/server/jobs
 * (which never imports a feature). Imported by the worker entry points: src/instrumentation.ts (the
 * worker inside `npm start`) and scripts/worker.ts (`npm run worker`). A feature with jobs exports them
 * from its own jobs.ts and is added here.
 */
import "@/notifications"; // registers every notification kind (the daily digest names them)

import { auditJobs } from "@/features/audit/jobs";
import { cohortJobs } from "@/features/cohorts/jobs";
import { notificationJobs } from "@/features/notifications/jobs";
import { usageSyncJobs } from "@/features/usage/sync/jobs";
import { workflowJobs } from "@/features/workflows/jobs";
import { registerJobs } from "@/server/jobs/registry";

export function registerAllJobs(): void {
  registerJobs(...workflowJobs, ...usageSyncJobs, ...notificationJobs, ...cohortJobs, ...auditJobs);
}
