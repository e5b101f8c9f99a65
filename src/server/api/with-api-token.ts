import "server-only";

import { authorizeApiToken, type ProgrammeAccess } from "../authorization";
import { readDeclaredBody, routeHandler, SAFE_METHODS, searchParamsOf, type BodySpec, type RouteContext, type RouteOptions } from "./core";
import { API_RATE_LIMITS, consumeRateLimit, type RateLimitPolicy } from "./rate-limit";

/** The authenticated caller of the JSON API: a programme API token and the one programme it is scoped to. */
export interface ApiToken {
  id: string;
  name: string;
  programme: ProgrammeAccess["programme"];
}

interface ApiTokenContext<P, B> extends RouteContext<P, B> {
  token: ApiToken;
}

interface ApiTokenOptions<B extends BodySpec> extends RouteOptions<B> {
  /** Per-token limit (default: `API_RATE_LIMITS.read` for GET/HEAD, `.write` otherwise). */
  rateLimit?: RateLimitPolicy;
}

/**
 * The one way to write a JSON API route (`/api/v1/programmes/{slug}/…`), in this order:
 * 1. the programme API token (Authorization: Bearer gh_…) is checked before a byte of the body is read:
 *    missing or invalid → 401, another programme's → 404 (as an unknown programme);
 * 2. the token's rate limit (429 with Retry-After);
 * 3. the body, when the route declares one: read as a stream under `maxBodyBytes` (413), parsed as JSON
 *    (400 on malformed JSON or `null`), validated by the route's zod schema (422 naming the fields);
 * 4. the handler, with `{ request, params, searchParams, token, body, text }`.
 * Errors: expected ones with their status, a lost database as 503 with Retry-After, anything else a logged 500.
 */
export function withApiToken<P extends { slug: string } = { slug: string }, B extends BodySpec = undefined>(
  handler: (ctx: ApiTokenContext<P, B>) => Response | Promise<Response>,
  options: ApiTokenOptions<B> = {},
) {
  return routeHandler<P>(options, async (request, params) => {
    const { token, programme } = await authorizeApiToken(request.headers.get("authorization"), params.slug);
    await consumeRateLimit(
      options.rateLimit ?? (SAFE_METHODS.has(request.method) ? API_RATE_LIMITS.read : API_RATE_LIMITS.write),
      token.id,
    );
    const { body, text } = await readDeclaredBody(request, options);
    return handler({ request, params, searchParams: searchParamsOf(request), token: { ...token, programme }, body, text });
  });
}
