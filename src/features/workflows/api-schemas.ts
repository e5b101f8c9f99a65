import { z } from "zod";

/**
 * What the JSON API answers for workflows. The handlers' return types are these schemas' outputs, and
 * the OpenAPI document (GET /api/v1/openapi.json) is generated from them, so the two cannot drift.
 */

const version = z.number().int().min(1);

/** A variable of the production version's template: what `POST …/runs` must send in `variables`. */
export const workflowVariableSchema = z.object({
  name: z.string().describe("The placeholder's name, as written {{name}} in the template."),
  required: z.boolean().describe("Every variable of a template is required: a run without it is a 422."),
});

export const workflowListResponseSchema = z.object({
  programme: z.string().describe("The programme's slug."),
  workflows: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      task: z.string(),
      owner: z.string().nullable().describe("The owner's name, or null when no one owns it."),
      useCase: z.string().nullable().describe("The use case it serves, or null."),
      labels: z.object({
        production: version.nullable().describe("The version the API runs; null until one is promoted."),
        candidate: version.nullable(),
        latest: z.number().int().min(0),
      }),
      maturity: z.object({
        score: z.number().int().min(0),
        outOf: z.number().int().min(0),
        ofVersion: z.number().int().min(0).describe("The version judged: production when there is one, else the latest."),
        properties: z.record(
          z.string(),
          z.object({ met: z.boolean(), missing: z.array(z.string()).describe("What is missing, in words an owner can act on.") }),
        ),
      }),
      testCases: z.number().int().min(0),
      latestPassRate: z.number().nullable().describe("Percent of cases passed by the latest finished evaluation, or null."),
      evaluationMode: z
        .enum(["api", "manual"])
        .nullable()
        .describe("How the latest finished evaluation was made: by Claude through the API, or by a person pasting outputs (manual)."),
      variables: z
        .array(workflowVariableSchema)
        .nullable()
        .describe("The production version's variables (null until a version is promoted): the keys `POST …/runs` needs."),
      runsUrl: z.string(),
    }),
  ),
});
export type WorkflowListResponse = z.output<typeof workflowListResponseSchema>;

/** The answer to `POST …/workflows/{workflow}/runs`: 200 when Claude answered, 502 (same shape) when Anthropic's API failed. */
export const runResultSchema = z.object({
  runId: z.string().uuid(),
  workflow: z.string(),
  version: version,
  status: z.enum(["SUCCEEDED", "FAILED"]),
  output: z.string().nullable(),
  tokens: z.object({
    input: z.number().int().min(0),
    output: z.number().int().min(0),
    cacheWrite: z.number().int().min(0),
    cacheRead: z.number().int().min(0),
  }),
  costUsd: z.number().min(0),
  latencyMs: z.number().int().min(0),
  error: z
    .object({ type: z.string(), status: z.number().int().nullable(), requestId: z.string().nullable(), message: z.string() })
    .nullable()
    .describe("Anthropic's error when the run failed (the run is recorded); null on success."),
});
export type RunResultResponse = z.output<typeof runResultSchema>;
