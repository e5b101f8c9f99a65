import "server-only";

import type { z } from "zod";

import { RequestError } from "@/server/api/respond";
import type { ApiToken } from "@/server/api/with-api-token";
import { claudeConfigFromEnv, type ClaudeConfig } from "@/server/claude/client";

import type { RunResultResponse, WorkflowListResponse } from "../api-schemas";
import type { runRequestBodySchema } from "../schemas";
import { listWorkflowsForProgramme } from "./queries";
import { runWorkflowForToken, VariablesError } from "./run-workflow";

/** The largest run request the API reads (the route's body cap). */
export const MAX_RUN_BODY_BYTES = 256 * 1024;

/**
 * GET /api/v1/programmes/{slug}/workflows: each workflow with its labels, maturity and the production version's variables
 * (what `POST …/runs` needs). The token is authenticated by the route's wrapper.
 */
export async function listWorkflowsForApi(token: ApiToken): Promise<WorkflowListResponse> {
  const { programme } = token;
  const entries = await listWorkflowsForProgramme(programme.id);
  return {
    programme: programme.slug,
    workflows: entries.map((w) => ({
      slug: w.slug,
      name: w.name,
      task: w.task,
      owner: w.ownerName,
      useCase: w.useCase,
      labels: { production: w.productionVersion, candidate: w.candidateVersion, latest: w.latestVersion },
      maturity: {
        score: w.score,
        outOf: w.properties.length,
        ofVersion: w.maturityOf,
        properties: Object.fromEntries(w.properties.map((p) => [p.key, { met: p.met, missing: p.missing }])),
      },
      testCases: w.testCases,
      latestPassRate: w.latestPassRate,
      evaluationMode: w.latestEvaluationMode === null ? null : w.latestEvaluationMode === "MANUAL" ? "manual" : "api",
      variables: w.productionVariables?.map((name) => ({ name, required: true })) ?? null,
      runsUrl: `/api/v1/programmes/${programme.slug}/workflows/${w.slug}/runs`,
    })),
  };
}

/**
 * POST …/workflows/{workflow}/runs with {"variables": {…}} (read and validated by the route's wrapper):
 * runs the production version. Variables that do not fit the template are a 422 listing each one.
 */
export async function runWorkflowForApi(
  token: ApiToken,
  workflowSlug: string,
  body: z.output<typeof runRequestBodySchema>,
  config: ClaudeConfig | null = claudeConfigFromEnv(),
): Promise<RunResultResponse> {
  try {
    return await runWorkflowForToken(token.programme.id, workflowSlug, body.variables, token, config);
  } catch (e) {
    if (e instanceof VariablesError) throw new RequestError(422, e.code, e.message, { variables: e.problems });
    throw e;
  }
}
