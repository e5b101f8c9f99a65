import "server-only";

import type { Tx } from "@/server/db";
import { notify } from "@/server/notifications/notify";

import { evaluationFinishedKind, versionAwaitsApprovalKind } from "../notifications";

/**
 * "Credit memo v3 awaits your approval": when a version is marked candidate, to the members who may
 * approve it (programme managers and workflow owners), never its author or whoever marked it.
 */
export async function notifyApprovalRequested(
  tx: Tx,
  programmeId: string,
  workflow: { slug: string; name: string },
  version: { number: number; authorId: string; authorName: string; note: string },
  actorId: string,
) {
  const [approvers, programme] = await Promise.all([
    tx.membership.findMany({
      where: { programmeId, roles: { hasSome: ["PROGRAMME_MANAGER", "WORKFLOW_OWNER"] } },
      select: { userId: true },
    }),
    tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { slug: true } }),
  ]);
  await notify(tx, {
    kind: versionAwaitsApprovalKind,
    programmeId,
    recipientIds: approvers.map((a) => a.userId).filter((id) => id !== version.authorId && id !== actorId),
    subject: `${workflow.name} v${version.number} awaits your approval`,
    text: `Version ${version.number} by ${version.authorName} is the candidate for production${version.note ? `: ${version.note}` : ""}. It needs the approval of someone other than its author before promotion.`,
    link: `/programmes/${programme.slug}/workflows/${workflow.slug}`,
  });
}

const EVALUATION_OUTCOME = {
  COMPLETED: "finished",
  COMPLETED_WITH_ERRORS: "finished with errors",
  FAILED: "failed",
  RUNNING: "is running",
} as const;

/**
 * "The evaluation of Credit memo v3 finished: 9 of 10 passed": to the person who started it (the actor
 * of its audit event), once per run and outcome. Call it in the transaction that settles the run.
 */
export async function notifyEvaluationFinished(tx: Tx, runId: string) {
  const run = await tx.evaluationRun.findUniqueOrThrow({
    where: { id: runId },
    select: {
      status: true,
      totalCases: true,
      passedCases: true,
      erroredCases: true,
      error: true,
      version: { select: { number: true } },
      workflow: { select: { slug: true, name: true, programmeId: true, programme: { select: { slug: true } } } },
    },
  });
  if (run.status === "RUNNING") return;
  const started = await tx.auditEvent.findFirst({
    where: { programmeId: run.workflow.programmeId, action: "workflow.evaluate", entityType: "EvaluationRun", entityId: runId },
    select: { actorId: true },
  });
  if (!started?.actorId) return;
  const name = `${run.workflow.name} v${run.version.number}`;
  const outcome = EVALUATION_OUTCOME[run.status];
  await notify(tx, {
    kind: evaluationFinishedKind,
    programmeId: run.workflow.programmeId,
    recipientIds: [started.actorId],
    subject:
      run.status === "FAILED"
        ? `The evaluation of ${name} failed`
        : `The evaluation of ${name} ${outcome}: ${run.passedCases} of ${run.totalCases} passed`,
    text:
      run.status === "FAILED"
        ? (run.error ?? "")
        : run.erroredCases > 0
          ? `${run.erroredCases} case${run.erroredCases === 1 ? "" : "s"} could not be run; see the evaluation for the errors.`
          : "",
    link: `/programmes/${run.workflow.programme.slug}/workflows/${run.workflow.slug}/evaluations/${runId}`,
    dedupeKey: `evaluation:${runId}:${run.status}`,
  });
}
