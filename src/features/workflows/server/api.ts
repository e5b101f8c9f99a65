import "server-only";

import { authorizeApiToken } from "@/server/authorization";
import { claudeConfigFromEnv, type ClaudeConfig } from "@/server/claude/client";
import { AppError } from "@/server/errors";

import { runRequestBodySchema } from "../schemas";
import { listWorkflowsForProgramme } from "./queries";
import { runWorkflowForToken } from "./run-workflow";

/** A request body the API cannot read: 400 (malformed) or 413 (too large), with the reason. */
export class BadRequestBodyError extends AppError {
  constructor(message: string, status: 400 | 413 | 422) {
    super(message, "INVALID", status);
  }
}

export const MAX_RUN_BODY_BYTES = 256 * 1024;

/** GET /api/v1/programmes/{slug}/workflows: each workflow with its labels and maturity. */
export async function listWorkflowsForApi(authorization: string | null, programmeSlug: string) {
  const { programme } = await authorizeApiToken(authorization, programmeSlug);
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
      runsUrl: `/api/v1/programmes/${programme.slug}/workflows/${w.slug}/runs`,
    })),
  };
}

/** POST …/workflows/{workflow}/runs with {"variables": {…}}: runs the production version. */
export async function runWorkflowForApi(
  authorization: string | null,
  programmeSlug: string,
  workflowSlug: string,
  rawBody: string,
  config: ClaudeConfig | null = claudeConfigFromEnv(),
) {
  const { programme, token } = await authorizeApiToken(authorization, programmeSlug);
  if (Buffer.byteLength(rawBody, "utf8") > MAX_RUN_BODY_BYTES)
    throw new BadRequestBodyError(`The body is larger than ${MAX_RUN_BODY_BYTES / 1024} KB.`, 413);
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new BadRequestBodyError('The body is not valid JSON; send {"variables": {…}}.', 400);
  }
  const parsed = runRequestBodySchema.safeParse(json);
  if (!parsed.success) throw new BadRequestBodyError(parsed.error.issues[0]?.message ?? 'Send {"variables": {…}}.', 422);
  return runWorkflowForToken(programme.id, workflowSlug, parsed.data.variables, token, config);
}
