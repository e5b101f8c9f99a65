import "server-only";

import { readDeclaredBody, routeHandler, searchParamsOf, type BodySpec, type RouteContext, type RouteOptions } from "./core";

/**
 * For a route whose credential is in its URL (the calendar feed: calendar apps send no header or
 * cookie): no session or token is checked here, so the handler's operation must check the credential
 * first. Body and errors as in `withApiToken`. No cookies are read, so there is nothing for another
 * site to ride on, and no same-origin check.
 */
export function withPublicRoute<P extends Record<string, string> = Record<string, string>, B extends BodySpec = undefined>(
  handler: (ctx: RouteContext<P, B>) => Response | Promise<Response>,
  options: RouteOptions<B> = {},
) {
  return routeHandler<P>(options, async (request, params) => {
    const { body, text } = await readDeclaredBody(request, options);
    return handler({ request, params, searchParams: searchParamsOf(request), body, text });
  });
}
