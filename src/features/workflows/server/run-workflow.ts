import "server-only";

import { createHash, randomUUID } from "node:crypto";

import { describeVariableProblems, renderTemplate, systemPrompt, variableProblems, type VariableProblem } from "@/domain/workflows";
import { ingestUsageEvents } from "@/features/usage/server/ingest-usage-events";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { claudeConfigFromEnv, type ClaudeConfig } from "@/server/claude/client";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { runWorkflowSchema, type RunWorkflowInput } from "../schemas";
import { callClaude } from "./claude-call";
import { pricesFor, requireConfig, versionSelect } from "./workflow-state";

/** Variables that do not fit the production version: a 422 naming each one. */
export class VariablesError extends RuleError {
  constructor(readonly problems: VariableProblem[]) {
    super(`Check the variables: ${describeVariableProblems(problems)}.`, "variables");
  }
}

export interface RunResult {
  runId: string;
  workflow: string;
  version: number;
  status: "SUCCEEDED" | "FAILED";
  output: string | null;
  tokens: { input: number; output: number; cacheWrite: number; cacheRead: number };
  costUsd: number;
  latencyMs: number;
  error: { type: string; status: number | null; requestId: string | null; message: string } | null;
}

/** Who ran it: a signed-in member (console) or a programme API token. */
type Runner = { kind: "member"; userId: string; name: string } | { kind: "token"; tokenId: string; name: string };

/** A member runs the production version from the run console. */
export async function runWorkflow(
  actor: Actor,
  raw: RunWorkflowInput,
  config: ClaudeConfig | null = claudeConfigFromEnv(),
  now = new Date(),
) {
  const input = runWorkflowSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "workflows.run");
  return executeRun(
    access.programme.id,
    input.workflowSlug,
    input.variables,
    { kind: "member", userId: actor.id, name: actor.name },
    "console",
    config,
    now,
  );
}

/** The same run for the JSON API; the caller has authorized the token for this programme. */
export function runWorkflowForToken(
  programmeId: string,
  workflowSlug: string,
  variables: Record<string, unknown>,
  token: { id: string; name: string },
  config: ClaudeConfig | null = claudeConfigFromEnv(),
  now = new Date(),
) {
  return executeRun(programmeId, workflowSlug, variables, { kind: "token", tokenId: token.id, name: token.name }, "api", config, now);
}

/**
 * Runs the production version with the given variables and records the run — output or the API's
 * error, tokens, cost from the price table, latency — together with a usage event in the same
 * transaction: one task of the workflow's use case (or an error), its tokens and cost, and the
 * workflow's estimated minutes saved. The run's id is the event's external id, so nothing is counted twice.
 */
async function executeRun(
  programmeId: string,
  workflowSlug: string,
  variables: Record<string, unknown>,
  runner: Runner,
  channel: "console" | "api",
  config: ClaudeConfig | null,
  now: Date,
): Promise<RunResult> {
  const workflow = await db.workflow.findUnique({
    where: { programmeId_slug: { programmeId, slug: workflowSlug } },
    select: {
      id: true,
      slug: true,
      name: true,
      minutesSavedPerRun: true,
      useCase: { select: { title: true } },
      productionVersion: { select: versionSelect },
    },
  });
  if (!workflow) throw new NotFoundError("Workflow not found.");
  const version = workflow.productionVersion;
  if (!version) throw new RuleError(`${workflow.name} has no production version yet; only a promoted version can be run.`);
  const problems = variableProblems(version.variables, variables);
  if (problems.length > 0) throw new VariablesError(problems);
  const key = requireConfig(config);
  const cost = await pricesFor(programmeId, version.model, now);

  const out = await callClaude(key, {
    model: version.model,
    system: systemPrompt(version),
    user: renderTemplate(version.template, variables as Record<string, string>),
    maxTokens: version.maxTokens,
  });
  const runId = randomUUID();
  const tokens = out.ok ? out.tokens : { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };
  const costUsd = out.ok ? cost(out.tokens) : 0;
  const runnerRef = runner.kind === "member" ? `user:${runner.userId}` : `token:${runner.tokenId}`;
  await db.$transaction(async (tx) => {
    await tx.workflowRun.create({
      data: {
        id: runId,
        programmeId,
        workflowId: workflow.id,
        versionId: version.id,
        variables: variables as object,
        status: out.ok ? "SUCCEEDED" : "FAILED",
        output: out.ok ? out.text : null,
        inputTokens: tokens.input,
        outputTokens: tokens.output,
        cacheWriteTokens: tokens.cacheWrite,
        cacheReadTokens: tokens.cacheRead,
        costUsd,
        latencyMs: out.latencyMs,
        errorType: out.ok ? null : out.errorType,
        requestId: out.requestId,
        errorMessage: out.ok ? null : out.message,
        runBy: runner.kind === "member" ? runner.name : `API token ${runner.name}`,
        runByUserId: runner.kind === "member" ? runner.userId : null,
        channel,
        createdAt: now,
      },
    });
    await ingestUsageEvents(
      tx,
      programmeId,
      [
        {
          externalId: `workflow-run:${runId}`,
          day: now.toISOString().slice(0, 10),
          // Pseudonymous, like every usage event: a stable hash, never the person's id or email.
          user: `wf-${createHash("sha256").update(`${programmeId}:${runnerRef}`).digest("hex").slice(0, 16)}`,
          department: "",
          useCase: workflow.useCase?.title ?? "",
          cohort: "",
          model: version.model,
          sessions: 1,
          tasks: out.ok ? 1 : 0,
          minutesSaved: out.ok ? workflow.minutesSavedPerRun : 0,
          minutesSource: "estimated",
          errors: out.ok ? 0 : 1,
          tokens: { uncachedInput: tokens.input, cacheWrite: tokens.cacheWrite, cacheRead: tokens.cacheRead, output: tokens.output },
          costUsd,
        },
      ],
      `workflow:${workflow.slug}`,
    );
  });
  return {
    runId,
    workflow: workflow.slug,
    version: version.number,
    status: out.ok ? "SUCCEEDED" : "FAILED",
    output: out.ok ? out.text : null,
    tokens,
    costUsd,
    latencyMs: out.latencyMs,
    error: out.ok ? null : { type: out.errorType, status: out.status, requestId: out.requestId, message: out.message },
  };
}
