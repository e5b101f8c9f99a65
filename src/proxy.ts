import { NextResponse, type NextRequest } from "next/server";

/**
 * Passes the requested path to server components (for "sign in, then come back here").
 * Not an access check: every page, action and route handler authorizes against the database.
 */
export function proxy(request: NextRequest) {
  const refused = refuseForeignPost(request);
  if (refused) return refused;
  const headers = new Headers(request.headers);
  headers.set("x-gatehouse-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

/**
 * A POST to a page (a server action or a form post) from another site: Next refuses it too, but as a
 * 500 (and a malformed Origin throws). Answer 403 here, with the same rule Next applies: the Origin's
 * host must be the request's Host (decision record 018).
 */
function refuseForeignPost(request: NextRequest): NextResponse | null {
  if (request.method !== "POST") return null;
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== null && host !== null && originHost === host.split(",")[0]!.trim()) return null;
  return new NextResponse("Cross-origin requests are refused.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Pages only. Next reads a proxied request's whole body before the route runs, so a route handler that
 * takes a body (the sync keys route) stays outside the matcher: its wrapper refuses an unauthenticated or
 * oversized body while streaming it (docs/decisions/014).
 */
export const config = { matcher: ["/((?!api|_next/static|_next/image|favicon.ico|programmes/[^/]+/dashboard/sync/keys$).*)"] };
