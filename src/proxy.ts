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

export const config = { matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"] };
