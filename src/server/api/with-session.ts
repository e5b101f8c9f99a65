import "server-only";

import type { Actor } from "../auth/actor";
import { currentUser } from "../auth/session";
import { env } from "../env";
import { ForbiddenError, UnauthenticatedError } from "../errors";
import { readDeclaredBody, routeHandler, SAFE_METHODS, searchParamsOf, type BodySpec, type RouteContext, type RouteOptions } from "./core";
import { RequestError } from "./respond";

interface SessionContext<P, B> extends RouteContext<P, B> {
  user: Actor;
}

/**
 * Refuses a state-changing request sent from another site: its Origin must be this app's (the request's
 * own origin or NEXTAUTH_URL's). Without an Origin header, a browser's `Sec-Fetch-Site: cross-site` is refused too.
 */
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null) {
    if (request.headers.get("sec-fetch-site") === "cross-site") throw new ForbiddenError("Cross-origin requests are refused.");
    return;
  }
  const allowed = new Set([new URL(request.url).origin]);
  const configured = env().NEXTAUTH_URL;
  if (configured) allowed.add(new URL(configured).origin);
  if (!allowed.has(origin)) throw new ForbiddenError("Cross-origin requests are refused.");
}

/**
 * The one way to write a route for the app's own pages (CSV exports, PDFs, the Skill zip, the sync
 * status and keys): for a state-changing method the same-origin check (403), then the signed-in user
 * re-read from the database (401 JSON when there is none; the operation authorizes them in the
 * programme), then a declared body as `withApiToken` reads it (JSON only: 415 otherwise), then the
 * handler with `{ request, params, searchParams, user, body, text }`. Errors as in `withApiToken`.
 */
export function withSession<P extends Record<string, string> = Record<string, string>, B extends BodySpec = undefined>(
  handler: (ctx: SessionContext<P, B>) => Response | Promise<Response>,
  options: RouteOptions<B> = {},
) {
  return routeHandler<P>(options, async (request, params) => {
    if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
    const user = await currentUser();
    if (!user) throw new UnauthenticatedError();
    if (options.body !== undefined && !/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? ""))
      throw new RequestError(415, "INVALID", "Send JSON.");
    const { body, text } = await readDeclaredBody(request, options);
    return handler({ request, params, searchParams: searchParamsOf(request), user, body, text });
  });
}
