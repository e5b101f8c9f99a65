import { NextResponse, type NextRequest } from "next/server";

/**
 * Passes the requested path to server components (for "sign in, then come back here").
 * Not an access check: every page, action and route handler authorizes against the database.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-gatehouse-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

/**
 * Pages only. Next reads a proxied request's whole body before the route runs, so a route handler that
 * takes a body (the sync keys route) stays outside the matcher: its wrapper refuses an unauthenticated or
 * oversized body while streaming it (docs/decisions/014).
 */
export const config = { matcher: ["/((?!api|_next/static|_next/image|favicon.ico|programmes/[^/]+/dashboard/sync/keys$).*)"] };
