import { z } from "zod";

import { cohortListResponseSchema } from "@/features/cohorts/api-schemas";
import { gateListResponseSchema } from "@/features/gates/api-schemas";
import { MAX_BATCH_EVENTS, usageEventSchema } from "@/features/usage/schemas";
import { metricsApiResponseSchema, metricsRangeSchema } from "@/features/usage/server/get-metrics-for-api";
import { runResultSchema, workflowListResponseSchema } from "@/features/workflows/api-schemas";
import { runRequestBodySchema } from "@/features/workflows/schemas";
import { TOKEN_ERRORS, type Endpoint } from "@/server/api/openapi";

/**
 * Every endpoint under /api/v1, with the zod schemas its handler uses. tests/integration/openapi.test.ts
 * fails when a route.ts under src/app/api/v1 exports a method this list does not document.
 */

const programme = { slug: "The programme's slug (its URL name); the token must belong to it." };

/** The usage batch as the handler reads it: each event by the schema the handler validates it with. */
const usageBatchSchema = z.object({
  events: z
    .array(usageEventSchema)
    .min(1)
    .max(MAX_BATCH_EVENTS)
    .describe(`1 to ${MAX_BATCH_EVENTS.toLocaleString("en")} events.`),
});
/** What a stored usage batch answers (ingestUsageEvents' result). */
const usageBatchResultSchema = z.object({
  received: z.number().int().min(0),
  inserted: z.number().int().min(0).describe("Events new to the programme."),
  duplicates: z.number().int().min(0).describe("Events whose externalId was already stored: counted once."),
});

export const API_ENDPOINTS: readonly Endpoint[] = [
  {
    method: "get",
    path: "/api/v1/programmes/{slug}/cohorts",
    operationId: "listCohorts",
    summary:
      "Each rollout cohort's status, seats, people, adoption, entry thresholds (target, measured, met), triggers and open rollback alerts",
    tag: "Cohorts",
    security: "apiToken",
    pathParams: programme,
    responses: { 200: { description: "The programme's cohorts, in rollout order.", schema: cohortListResponseSchema } },
    errors: [400, ...TOKEN_ERRORS],
  },
  {
    method: "get",
    path: "/api/v1/programmes/{slug}/gates",
    operationId: "listGates",
    summary: "Each gate's status, readiness and the sign-offs of its current round",
    tag: "Gates",
    security: "apiToken",
    pathParams: programme,
    responses: { 200: { description: "The programme's gates, in order.", schema: gateListResponseSchema } },
    errors: [400, ...TOKEN_ERRORS],
  },
  {
    method: "get",
    path: "/api/v1/programmes/{slug}/metrics",
    operationId: "getMetrics",
    summary: "The dashboard's figures over a date range: totals, daily series, breakdowns, adoption and value",
    description: "Both `from` and `to` are calendar dates (YYYY-MM-DD), `from` not after `to`, at most 400 days apart.",
    tag: "Usage",
    security: "apiToken",
    pathParams: programme,
    query: metricsRangeSchema,
    responses: { 200: { description: "The figures for [from, to].", schema: metricsApiResponseSchema } },
    errors: [400, 422, ...TOKEN_ERRORS],
    errorNotes: { 422: "`from` or `to` is missing, not a real date, or the range is backwards or longer than 400 days." },
  },
  {
    method: "post",
    path: "/api/v1/programmes/{slug}/usage-events",
    operationId: "sendUsageEvents",
    summary: "Send a batch of usage events (all or nothing; a repeated event is counted once)",
    tag: "Usage",
    security: "apiToken",
    pathParams: programme,
    headers: {
      "Idempotency-Key":
        "Optional, 1–200 visible ASCII characters: a retry with the same key and body gets the first answer; a different body under it is a 409.",
    },
    body: usageBatchSchema,
    responses: {
      200: {
        description: "Stored (or replayed: then the `Idempotent-Replayed: true` header is set).",
        schema: usageBatchResultSchema,
        headers: { "Idempotent-Replayed": "`true` when this is the stored answer to an earlier request with the same Idempotency-Key." },
      },
    },
    errors: [400, 409, 413, 422, ...TOKEN_ERRORS],
    errorNotes: {
      413: "The body is over 12 MB, or the batch holds more than 10,000 events (TOO_MANY_EVENTS).",
      422: "Some events are invalid (INVALID_EVENTS): `events` lists each by index with the reason; nothing was written.",
    },
  },
  {
    method: "get",
    path: "/api/v1/programmes/{slug}/workflows",
    operationId: "listWorkflows",
    summary: "The workflow library: labels, maturity, and the production version's variables",
    tag: "Workflows",
    security: "apiToken",
    pathParams: programme,
    responses: { 200: { description: "Every workflow of the programme, most mature first.", schema: workflowListResponseSchema } },
    errors: [400, ...TOKEN_ERRORS],
  },
  {
    method: "post",
    path: "/api/v1/programmes/{slug}/workflows/{workflow}/runs",
    operationId: "runWorkflow",
    summary: "Run a workflow's production version with its variables (a paid Claude call)",
    description:
      "Send every variable `GET …/workflows` lists for the workflow, each as text. Rate limits: 10 runs a minute and 500 a day per token.",
    tag: "Workflows",
    security: "apiToken",
    pathParams: { ...programme, workflow: "The workflow's slug." },
    body: runRequestBodySchema,
    responses: {
      200: { description: "Claude answered: the output, tokens and cost. The run is recorded as a usage event.", schema: runResultSchema },
      502: { description: "Anthropic's API failed after retries: `error` says how. The run is recorded.", schema: runResultSchema },
    },
    errors: [400, 413, 422, ...TOKEN_ERRORS],
    errorNotes: {
      404: "No such programme for this token, or no such workflow.",
      413: "The body is over 256 KB.",
      422:
        "The variables do not fit the production version (`variables` names each), the workflow has no production version yet, " +
        "or no Anthropic API key is configured on the server.",
    },
  },
  {
    method: "get",
    path: "/api/v1/calendar/{token}",
    operationId: "getCalendarFeed",
    summary: "A member's calendar feed (iCalendar) of milestones and gates",
    description: "The secret token in the path is the credential (calendar apps send no header); the path may end in `.ics`.",
    tag: "Calendar",
    security: "none",
    pathParams: { token: "The calendar token from the member's Calendar page, optionally followed by `.ics`." },
    responses: { 200: { description: "The feed.", contentType: "text/calendar" } },
    errors: [400, 404, 500, 503],
    errorNotes: { 404: "No calendar has this token (or it was reset)." },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document: the API's contract as OpenAPI 3.1",
    tag: "Contract",
    security: "none",
    responses: { 200: { description: "The OpenAPI 3.1 document.", schema: z.record(z.string(), z.unknown()) } },
    errors: [500],
  },
];
