import "server-only";

import pLimit from "p-limit";

import type { CallTokens } from "@/domain/prices";
import {
  describeVariableProblems,
  deterministicChecks,
  JUDGE_SYSTEM_PROMPT,
  judgePrompt,
  renderTemplate,
  rubricChecks,
  systemPrompt,
  variableProblems,
  type CheckResult,
  type Expectations,
} from "@/domain/workflows";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { claudeConfigFromEnv, type ClaudeConfig } from "@/server/claude/client";
import { db, type Tx } from "@/server/db";
import { RuleError } from "@/server/errors";
import { enqueue } from "@/server/jobs/enqueue";
import { activeKeyOf } from "@/server/jobs/schedule";

import { evaluationJob } from "../jobs";
import { versionRefSchema, type VersionRef } from "../schemas";
import { callClaude } from "./claude-call";
import { notifyEvaluationFinished } from "./workflow-notifications";
import {
  EVALUATION_CONCURRENCY,
  findVersion,
  findWorkflowId,
  lockWorkflow,
  NO_KEY_FOR_RUNS,
  pricesFor,
  requireConfig,
  STALE_EVALUATION_MS,
  versionSelect,
} from "./workflow-state";

type Version = Awaited<ReturnType<typeof findVersion>>;
interface CaseToRun extends Expectations {
  id: string;
  name: string;
  variables: Record<string, unknown>;
}

const INTERRUPTED = "Interrupted: the server stopped before the run finished.";

/**
 * Starts an evaluation of one version: every test case of the workflow, through the Anthropic SDK. The
 * run row and its job ("workflows.evaluate", src/features/workflows/jobs.ts) are written in one
 * transaction; a worker runs the cases (the page shows the run's progress). `execute` runs them here
 * instead, with the given config — for tests and scripts; the job then finds nothing left to do.
 */
export async function startEvaluation(
  actor: Actor,
  raw: VersionRef,
  config: ClaudeConfig | null = claudeConfigFromEnv(),
  now = new Date(),
) {
  const input = versionRefSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "workflows.manage");
  const programmeId = access.programme.id;
  const key = requireConfig(config);
  const planned = await findVersion(db, await findWorkflowId(programmeId, input.workflowSlug), input.version);
  await pricesFor(programmeId, planned.model, now); // a model without a price is refused before anything runs
  const run = await db.$transaction(async (tx) => {
    const workflow = await lockWorkflow(tx, programmeId, input.workflowSlug);
    const version = await findVersion(tx, workflow.id, input.version);
    await settleAbandonedRuns(tx, workflow.id, now);
    const running = await tx.evaluationRun.findFirst({ where: { versionId: version.id, status: "RUNNING" }, select: { id: true } });
    if (running) throw new RuleError(`An evaluation of version ${version.number} is already running.`);
    const cases = await tx.workflowTestCase.findMany({
      where: { workflowId: workflow.id },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    if (cases.length === 0) throw new RuleError("Add a test case before running an evaluation.");
    const run = await tx.evaluationRun.create({
      data: { workflowId: workflow.id, versionId: version.id, totalCases: cases.length, startedBy: actor.name },
      select: { id: true, totalCases: true },
    });
    await enqueue(
      tx,
      evaluationJob,
      { runId: run.id, caseIds: cases.map((c) => c.id) },
      { programmeId, dedupeKey: run.id, subject: `Evaluation of ${workflow.slug} version ${version.number}` },
    );
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "workflow.evaluate",
      entityType: "EvaluationRun",
      entityId: run.id,
      after: { workflow: workflow.slug, version: version.number, cases: cases.length },
    });
    return run;
  });
  return { runId: run.id, totalCases: run.totalCases, execute: () => runEvaluation(run.id, { config: key }) };
}

/**
 * A run left "running" with no job to finish it (started before jobs existed, or its job was removed)
 * is closed as failed after 30 minutes, so it never blocks the next one. A run whose job is pending or
 * running is not abandoned: its job resumes it, or settles it when its attempts run out.
 */
async function settleAbandonedRuns(tx: Tx, workflowId: string, now: Date) {
  const old = await tx.evaluationRun.findMany({
    where: { workflowId, status: "RUNNING", startedAt: { lt: new Date(now.getTime() - STALE_EVALUATION_MS) } },
    select: { id: true },
  });
  for (const r of old) {
    if (await tx.job.findUnique({ where: { activeKey: activeKeyOf(evaluationJob.name, r.id) }, select: { id: true } })) continue;
    await tx.evaluationRun.update({ where: { id: r.id }, data: { status: "FAILED", error: INTERRUPTED, finishedAt: now } });
  }
}

/**
 * Runs the cases of a run that have no result yet, with bounded concurrency, then completes the run. Each
 * case's result and the run's counters are written in one transaction as it finishes, so the progress
 * shown is exact, and a run resumed after an interruption (its job claimed again) neither re-runs nor
 * bills twice a case that finished. A call that fails after the SDK's retries is recorded with its
 * error type and request id, and the run carries on; it then ends "completed with errors". An unexpected
 * error is thrown: the job retries and the run resumes; when the job's attempts run out,
 * settleFailedEvaluation closes it with the reason.
 */
export async function runEvaluation(
  runId: string,
  options: { config?: ClaudeConfig | null; caseIds?: string[]; signal?: AbortSignal } = {},
): Promise<void> {
  const run = await db.evaluationRun.findUnique({
    where: { id: runId },
    select: { status: true, workflowId: true, versionId: true, startedAt: true, workflow: { select: { programmeId: true } } },
  });
  if (!run || run.status === "COMPLETED" || run.status === "COMPLETED_WITH_ERRORS") return;
  if (run.status === "FAILED")
    // A failed job retried by hand resumes its run.
    await db.evaluationRun.update({ where: { id: runId }, data: { status: "RUNNING", error: null, finishedAt: null } });
  const config = options.config ?? claudeConfigFromEnv();
  if (!config) {
    await db.evaluationRun.updateMany({
      where: { id: runId, status: "RUNNING" },
      data: { status: "FAILED", error: NO_KEY_FOR_RUNS, finishedAt: new Date() },
    });
    return;
  }
  const version = await db.workflowVersion.findUniqueOrThrow({ where: { id: run.versionId }, select: versionSelect });
  const cost = await pricesFor(run.workflow.programmeId, version.model, run.startedAt);
  const caseIds =
    options.caseIds ??
    (
      await db.workflowTestCase.findMany({ where: { workflowId: run.workflowId }, orderBy: { createdAt: "asc" }, select: { id: true } })
    ).map((c) => c.id);
  const done = new Set((await db.evaluationResult.findMany({ where: { runId }, select: { testCaseId: true } })).map((r) => r.testCaseId));
  const todo = caseIds.filter((id) => !done.has(id));
  const rows = await db.workflowTestCase.findMany({ where: { id: { in: todo } } });
  const byId = new Map(rows.map((c) => [c.id, { ...c, variables: c.variables as Record<string, unknown> }]));
  const limit = pLimit(EVALUATION_CONCURRENCY);
  await Promise.all(
    todo.map((id) =>
      limit(async () => {
        if (options.signal?.aborted) return;
        const c = byId.get(id);
        if (c) return runCase(runId, version, c, config, cost);
        return record({
          runId,
          testCaseId: null,
          caseName: `deleted case ${id.slice(0, 8)}`,
          caseSnapshot: {},
          outcome: "ERROR",
          errorType: "case_deleted",
          errorMessage: "The test case was deleted before the evaluation reached it.",
        });
      }),
    ),
  );
  if (options.signal?.aborted) throw new Error("The evaluation was interrupted; it resumes with the cases not yet done.");
  const counts = await db.evaluationRun.findUniqueOrThrow({ where: { id: runId }, select: { erroredCases: true } });
  await db.$transaction(async (tx) => {
    const settled = await tx.evaluationRun.updateMany({
      where: { id: runId, status: "RUNNING" },
      data: { status: counts.erroredCases > 0 ? "COMPLETED_WITH_ERRORS" : "COMPLETED", finishedAt: new Date() },
    });
    if (settled.count > 0) await notifyEvaluationFinished(tx, runId);
  });
}

/** The evaluation job's last attempt failed: the run ends FAILED with the reason; the results so far are kept. */
export async function settleFailedEvaluation(tx: Tx, runId: string, info: { attempts: number; error: string }) {
  const settled = await tx.evaluationRun.updateMany({
    where: { id: runId, status: "RUNNING" },
    data: {
      status: "FAILED",
      error: `The evaluation stopped after ${info.attempts} attempt${info.attempts === 1 ? "" : "s"}: ${info.error} The results so far are kept.`,
      finishedAt: new Date(),
    },
  });
  if (settled.count > 0) await notifyEvaluationFinished(tx, runId);
}

async function runCase(runId: string, version: Version, c: CaseToRun, config: ClaudeConfig, cost: (t: CallTokens) => number) {
  const snapshot = {
    variables: c.variables,
    mustContain: c.mustContain,
    mustNotContain: c.mustNotContain,
    pattern: c.pattern,
    minLength: c.minLength,
    maxLength: c.maxLength,
    rubric: c.rubric,
  };
  const base = { runId, testCaseId: c.id, caseName: c.name, caseSnapshot: snapshot };
  const problems = variableProblems(version.variables, c.variables);
  if (problems.length > 0) {
    return record({
      ...base,
      outcome: "ERROR",
      errorType: "invalid_variables",
      errorMessage: `The test case's variables do not fit version ${version.number}: ${describeVariableProblems(problems)}.`,
    });
  }
  const system = systemPrompt(version);
  const user = renderTemplate(version.template, c.variables as Record<string, string>);
  const out = await callClaude(config, { model: version.model, system, user, maxTokens: version.maxTokens });
  if (!out.ok) {
    return record({
      ...base,
      outcome: "ERROR",
      latencyMs: out.latencyMs,
      errorType: out.errorType,
      errorStatus: out.status,
      requestId: out.requestId,
      errorMessage: out.message,
    });
  }
  let tokens = out.tokens;
  let checks: CheckResult[] = deterministicChecks(out.text, c);
  let judgeError: string | null = null;
  if (c.rubric.length > 0) {
    const judged = await callClaude(config, {
      model: version.model,
      system: JUDGE_SYSTEM_PROMPT,
      user: judgePrompt(out.text, c.rubric),
      maxTokens: 1024,
    });
    if (judged.ok) {
      checks = [...checks, ...rubricChecks(c.rubric, judged.text)];
      tokens = {
        input: tokens.input + judged.tokens.input,
        output: tokens.output + judged.tokens.output,
        cacheWrite: tokens.cacheWrite + judged.tokens.cacheWrite,
        cacheRead: tokens.cacheRead + judged.tokens.cacheRead,
      };
    } else {
      judgeError = `Grading the rubric failed: ${judged.errorType}${judged.status ? ` (${judged.status})` : ""}: ${judged.message}`;
      checks = [
        ...checks,
        ...c.rubric.map((r) => ({
          kind: "rubric" as const,
          expectation: r,
          passed: false,
          detail: "Not graded: the grading call failed.",
        })),
      ];
    }
  }
  const passed = checks.every((k) => k.passed);
  return record({
    ...base,
    outcome: judgeError ? "ERROR" : passed ? "PASSED" : "FAILED",
    output: out.text,
    checks,
    inputTokens: tokens.input,
    outputTokens: tokens.output,
    cacheWriteTokens: tokens.cacheWrite,
    cacheReadTokens: tokens.cacheRead,
    costUsd: cost(tokens),
    latencyMs: out.latencyMs,
    requestId: out.requestId,
    ...(judgeError ? { errorType: "grading_failed", errorMessage: judgeError } : {}),
  });
}

interface ResultRow {
  runId: string;
  testCaseId: string | null;
  caseName: string;
  caseSnapshot: object;
  outcome: "PASSED" | "FAILED" | "ERROR";
  output?: string;
  checks?: CheckResult[];
  inputTokens?: number;
  outputTokens?: number;
  cacheWriteTokens?: number;
  cacheReadTokens?: number;
  costUsd?: number;
  latencyMs?: number;
  errorType?: string;
  errorStatus?: number | null;
  requestId?: string | null;
  errorMessage?: string;
}

/** A case already recorded (two attempts overlapping) is kept once: the unique (run, case name) refuses the second, counters included. */
async function record(r: ResultRow) {
  await db
    .$transaction(async (tx) => {
      await tx.evaluationResult.create({ data: { ...r, checks: (r.checks ?? []) as object[] } });
      await tx.evaluationRun.update({
        where: { id: r.runId },
        data: {
          doneCases: { increment: 1 },
          passedCases: { increment: r.outcome === "PASSED" ? 1 : 0 },
          erroredCases: { increment: r.outcome === "ERROR" ? 1 : 0 },
          inputTokens: { increment: r.inputTokens ?? 0 },
          outputTokens: { increment: r.outputTokens ?? 0 },
          costUsd: { increment: r.costUsd ?? 0 },
        },
      });
    })
    .catch((e: unknown) => {
      if ((e as { code?: string }).code === "P2002") return;
      throw e;
    });
}
