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
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { versionRefSchema, type VersionRef } from "../schemas";
import { callClaude } from "./claude-call";
import {
  EVALUATION_CONCURRENCY,
  findVersion,
  findWorkflowId,
  lockWorkflow,
  pricesFor,
  requireConfig,
  STALE_EVALUATION_MS,
} from "./workflow-state";

type Version = Awaited<ReturnType<typeof findVersion>>;
interface CaseToRun extends Expectations {
  id: string;
  name: string;
  variables: Record<string, unknown>;
}

/**
 * Starts an evaluation of one version: every test case of the workflow, through the Anthropic SDK. The
 * run row is written first (the page shows its progress); `execute` does the calls and must be awaited
 * by the caller — the server action hands it to `after()`, tests await it.
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
  const cost = await pricesFor(programmeId, planned.model, now);
  const { run, version, cases } = await db.$transaction(async (tx) => {
    const workflow = await lockWorkflow(tx, programmeId, input.workflowSlug);
    const version = await findVersion(tx, workflow.id, input.version);
    // A run left "running" by a server that stopped is closed as failed, so it never blocks the next one.
    await tx.evaluationRun.updateMany({
      where: { workflowId: workflow.id, status: "RUNNING", startedAt: { lt: new Date(now.getTime() - STALE_EVALUATION_MS) } },
      data: { status: "FAILED", error: "Interrupted: the server stopped before the run finished.", finishedAt: now },
    });
    const running = await tx.evaluationRun.findFirst({ where: { versionId: version.id, status: "RUNNING" }, select: { id: true } });
    if (running) throw new RuleError(`An evaluation of version ${version.number} is already running.`);
    const cases = await tx.workflowTestCase.findMany({ where: { workflowId: workflow.id }, orderBy: { createdAt: "asc" } });
    if (cases.length === 0) throw new RuleError("Add a test case before running an evaluation.");
    const run = await tx.evaluationRun.create({
      data: { workflowId: workflow.id, versionId: version.id, totalCases: cases.length, startedBy: actor.name },
      select: { id: true, totalCases: true },
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "workflow.evaluate",
      entityType: "EvaluationRun",
      entityId: run.id,
      after: { workflow: workflow.slug, version: version.number, cases: cases.length },
    });
    return { run, version, cases: cases.map((c) => ({ ...c, variables: c.variables as Record<string, unknown> })) };
  });
  return { runId: run.id, totalCases: run.totalCases, execute: () => executeEvaluation(run.id, version, cases, key, cost) };
}

/**
 * Runs the cases with bounded concurrency. Each case's result and the run's counters are written in
 * one transaction as it finishes, so the progress shown is exact. A call that fails after the SDK's
 * retries is recorded with its error type and request id, and the run carries on; it then ends
 * "completed with errors".
 */
export async function executeEvaluation(
  runId: string,
  version: Version,
  cases: CaseToRun[],
  config: ClaudeConfig,
  cost: (t: CallTokens) => number,
) {
  const limit = pLimit(EVALUATION_CONCURRENCY);
  try {
    await Promise.all(cases.map((c) => limit(() => runCase(runId, version, c, config, cost))));
    const run = await db.evaluationRun.findUniqueOrThrow({ where: { id: runId }, select: { erroredCases: true } });
    await db.evaluationRun.update({
      where: { id: runId },
      data: { status: run.erroredCases > 0 ? "COMPLETED_WITH_ERRORS" : "COMPLETED", finishedAt: new Date() },
    });
  } catch (e) {
    console.error("Evaluation run failed", runId, e instanceof Error ? e.message : e);
    await db.evaluationRun
      .update({
        where: { id: runId },
        data: { status: "FAILED", error: "The run stopped on an unexpected error; the results so far are kept.", finishedAt: new Date() },
      })
      .catch(() => undefined);
  }
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
  testCaseId: string;
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

async function record(r: ResultRow) {
  await db.$transaction(async (tx) => {
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
  });
}
