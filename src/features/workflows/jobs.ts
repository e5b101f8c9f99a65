import { z } from "zod";

import { defineJob } from "@/server/jobs/define";

import { runEvaluation, settleFailedEvaluation } from "./server/evaluate";

/**
 * The workflow library's jobs, registered by the composition root (src/jobs.ts).
 * "workflows.evaluate": one per evaluation run, enqueued with the run. A run interrupted by a restart is
 * resumed by the next attempt (only the cases without a result run); when the attempts run out, the run
 * is closed as failed with the reason.
 */
export const evaluationJob = defineJob({
  name: "workflows.evaluate",
  schema: z.object({ runId: z.string().uuid(), caseIds: z.array(z.string().uuid()) }),
  retries: 3,
  backoff: { baseMs: 10_000, maxMs: 5 * 60_000 },
  describe: (p) => `Evaluation run ${p.runId.slice(0, 8)}`,
  handler: (p, ctx) => runEvaluation(p.runId, { caseIds: p.caseIds, signal: ctx.signal }),
  onFailed: (tx, p, info) => settleFailedEvaluation(tx, p.runId, info),
});

export const workflowJobs = [evaluationJob];
