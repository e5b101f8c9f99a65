import { NextResponse } from "next/server";

import { runRequestBodySchema } from "@/features/workflows/schemas";
import { MAX_RUN_BODY_BYTES, runWorkflowForApi } from "@/features/workflows/server/api";
import { API_RATE_LIMITS } from "@/server/api/rate-limit";
import { withApiToken } from "@/server/api/with-api-token";

/**
 * Runs a workflow's production version: 200 with the output; 502 when Anthropic's API failed (the run is
 * recorded); 422 naming bad variables. Each run is a paid Claude call: the tightest per-token limit.
 */
export const POST = withApiToken<{ slug: string; workflow: string }, typeof runRequestBodySchema>(
  async ({ token, params, body }) => {
    const result = await runWorkflowForApi(token, params.workflow, body);
    return NextResponse.json(result, { status: result.status === "SUCCEEDED" ? 200 : 502 });
  },
  {
    body: runRequestBodySchema,
    maxBodyBytes: MAX_RUN_BODY_BYTES,
    tooLargeMessage: `The body is larger than ${MAX_RUN_BODY_BYTES / 1024} KB.`,
    invalidJsonMessage: 'The body is not valid JSON; send {"variables": {…}}.',
    rateLimit: API_RATE_LIMITS.run,
  },
);
