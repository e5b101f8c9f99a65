import "server-only";

import { z } from "zod";

/**
 * The JSON API's contract as an OpenAPI 3.1 document, built from the zod schemas the route handlers
 * use (request bodies, query parameters, responses) with zod's own JSON Schema output (OpenAPI 3.1's
 * schema dialect is JSON Schema 2020-12). The endpoints are listed by the composition root
 * (src/app/api/v1/openapi.json/endpoints.ts); this module knows the error shapes the route wrappers
 * produce (respond.ts, body.ts, core.ts) and turns each endpoint into an operation.
 */

/** One problem with one input: the dotted path of the field ("" for the whole input) and what is wrong. */
const fieldProblemSchema = z.object({ path: z.string(), message: z.string() });

/**
 * `{"error": {...}}`: the one shape of every error a route answers (errorResponse in respond.ts). `code`
 * and `message` always; `field`/`fields` when the problem names inputs; `variables` for a workflow run's
 * variables; `events` for a usage batch's bad events.
 */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string().describe("Stable and machine-readable: UNAUTHENTICATED, NOT_FOUND, INVALID, RATE_LIMITED, DATABASE_UNAVAILABLE…"),
    message: z.string().describe("A sentence a person can act on."),
    field: z.string().optional().describe("The first input named (a 422 from validation)."),
    fields: z.array(fieldProblemSchema).optional().describe("Every input problem, each with its dotted path."),
    variables: z
      .array(z.object({ name: z.string(), reason: z.string() }))
      .optional()
      .describe("A workflow run: each variable that does not fit the production version."),
    events: z
      .array(z.object({ index: z.number().int().min(0), reason: z.string() }))
      .optional()
      .describe("A usage batch: each invalid event, by its index in `events`."),
  }),
});

/** The statuses the wrappers answer, with what each means for a client. */
const ERRORS = {
  400: "The request cannot be read: malformed JSON, a body that is JSON `null`, not UTF-8, or a bad header or query value.",
  401: "No API token, or not a valid one: send `Authorization: Bearer gh_…` (a programme's API token).",
  404: "Not found. Another programme's token gets 404 too, as if the programme did not exist.",
  409: "Conflict with an earlier request (e.g. an Idempotency-Key reused with a different body).",
  413: "The body is larger than this endpoint reads (or the batch holds too many events). Nothing was read past the limit.",
  422: "The input is readable but not acceptable; `fields` (or `variables`, `events`) names each problem. Nothing was written.",
  429: "Over this token's rate limit for this kind of request. Retry after the `Retry-After` seconds.",
  500: "An unexpected error; it was logged and nothing was changed.",
  503: "The database is unreachable (e.g. restarting). Retry after the `Retry-After` seconds.",
} as const;
export type ErrorStatus = keyof typeof ERRORS;

/** Statuses every token-authenticated endpoint can answer, whatever it does. */
export const TOKEN_ERRORS: readonly ErrorStatus[] = [401, 404, 429, 500, 503];

type JsonSchema = Record<string, unknown>;

export interface EndpointResponse {
  description: string;
  /** A JSON body described by this schema; omitted with `contentType` for other media. */
  schema?: z.ZodType;
  /** Media type of a non-JSON body (text/calendar). */
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Endpoint {
  method: "get" | "post";
  /** The path as OpenAPI writes it: /api/v1/programmes/{slug}/gates. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** `apiToken`: Authorization: Bearer gh_…; `none`: public (the calendar feed's secret is its path). */
  security: "apiToken" | "none";
  pathParams?: Record<string, string>;
  /** Query parameters from a zod object (input side: what a client sends). */
  query?: z.ZodObject;
  /** Request headers the endpoint reads. */
  headers?: Record<string, string>;
  /** A JSON request body (input side). */
  body?: z.ZodType;
  responses: Partial<Record<number, EndpointResponse>>;
  errors: readonly ErrorStatus[];
  /** A different sentence for an error status at this endpoint. */
  errorNotes?: Partial<Record<ErrorStatus, string>>;
}

const schemaOf = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
  // Drop the per-schema $schema: the document's jsonSchemaDialect says it once.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
};

const RETRY_AFTER = { "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer", minimum: 1 } } };

function operation(e: Endpoint) {
  const parameters: JsonSchema[] = [];
  for (const [name, description] of Object.entries(e.pathParams ?? {}))
    parameters.push({ name, in: "path", required: true, description, schema: { type: "string" } });
  if (e.query) {
    const q = schemaOf(e.query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {}))
      parameters.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema, ...descriptionOf(schema) });
  }
  for (const [name, description] of Object.entries(e.headers ?? {}))
    parameters.push({ name, in: "header", required: false, description, schema: { type: "string" } });

  const responses: Record<string, JsonSchema> = {};
  for (const [status, r] of Object.entries(e.responses)) {
    if (!r) continue;
    const headers = Object.fromEntries(
      Object.entries(r.headers ?? {}).map(([h, d]) => [h, { description: d, schema: { type: "string" } }]),
    );
    responses[status] = {
      description: r.description,
      ...(Object.keys(headers).length ? { headers } : {}),
      ...(r.schema
        ? { content: { "application/json": { schema: schemaOf(r.schema, "output") } } }
        : r.contentType
          ? { content: { [r.contentType]: { schema: { type: "string" } } } }
          : {}),
    };
  }
  for (const status of e.errors) {
    responses[String(status)] = {
      description: e.errorNotes?.[status] ?? ERRORS[status],
      ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return {
    operationId: e.operationId,
    summary: e.summary,
    ...(e.description ? { description: e.description } : {}),
    tags: [e.tag],
    security: e.security === "apiToken" ? [{ apiToken: [] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(e.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(e.body, "input") } } } } : {}),
    responses,
  };
}

function descriptionOf(schema: JsonSchema): { description?: string } {
  return typeof schema.description === "string" ? { description: schema.description } : {};
}

/** The OpenAPI 3.1 document for these endpoints. */
export function openApiDocument(endpoints: readonly Endpoint[], info: { title: string; version: string; description: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) (paths[e.path] ??= {})[e.method] = operation(e);
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info,
    servers: [{ url: "/", description: "This Gatehouse server" }],
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: schemaOf(apiErrorSchema, "output") },
      securitySchemes: {
        apiToken: {
          type: "http",
          scheme: "bearer",
          description: "A programme's API token (gh_…), made by a programme manager on the programme's API tokens page.",
        },
      },
    },
  };
}
