import { NextResponse, type NextRequest } from "next/server";

import { DEVICE_COOKIE } from "@/server/auth/device-cookie";
import { databaseLooksUnavailable } from "@/server/db-health";
import { env } from "@/server/env";

/**
 * Passes the requested path to server components (for "sign in, then come back here").
 * Not an access check: every page, action and route handler authorizes against the database.
 */
export async function proxy(request: NextRequest) {
  if (!decodablePath(request.nextUrl.pathname))
    return NextResponse.json(
      { error: { code: "BAD_REQUEST", message: "The address is not valid: it has malformed %-encoding." } },
      { status: 400 },
    );
  const refused = refuseForeignPost(request);
  if (refused) return refused;
  if (await databaseLooksUnavailable()) return unavailable(request);
  const headers = new Headers(request.headers);
  headers.set("x-gatehouse-path", request.nextUrl.pathname + request.nextUrl.search);
  const csp = contentSecurityPolicy();
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  if (servedOverHttps(request)) response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  giveDeviceCookie(request, response);
  return response;
}

/**
 * Decision record 019: scripts only from this site or carrying this response's nonce (no inline script
 * an attacker could inject), no framing by any site, forms post only here. Styles allow inline
 * attributes (React's style props); `'unsafe-eval'` only in development, where React needs it.
 */
function contentSecurityPolicy(): string {
  const nonce = btoa(crypto.randomUUID());
  const dev = env().NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS only when the app is served over HTTPS (NEXTAUTH_URL https, or the request arrived so). */
function servedOverHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || (env().NEXTAUTH_URL ?? "").startsWith("https:");
}

/**
 * Every browser gets a random device id (decision record 019): a device that has signed in to an
 * account before is not held back by strangers' failed attempts on that account.
 */
function giveDeviceCookie(request: NextRequest, response: NextResponse) {
  if (/^[0-9a-f-]{36}$/.test(request.cookies.get(DEVICE_COOKIE)?.value ?? "")) return;
  response.cookies.set(DEVICE_COOKIE, crypto.randomUUID(), {
    httpOnly: true,
    sameSite: "lax",
    secure: request.nextUrl.protocol === "https:",
    path: "/",
    maxAge: 400 * 24 * 60 * 60,
  });
}

/**
 * Every segment of the path decodes: Next means to answer a malformed %-encoding in a dynamic segment
 * (e.g. "%C3%28") with 400 but, in the app router, ends in a 500 (decision record 018).
 */
function decodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
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

const UNAVAILABLE = "Gatehouse cannot reach its database right now (it may be restarting). Nothing was changed; try again in a moment.";

/**
 * While the database is unreachable, pages (and the routes under the proxy, such as the sync status the
 * sync page polls) answer 503 with Retry-After instead of rendering an error as a 500 (decision record 018).
 */
function unavailable(request: NextRequest): NextResponse {
  const headers = { "retry-after": "2", "cache-control": "no-store" };
  if (
    request.method !== "GET" ||
    /\bapplication\/json\b/.test(request.headers.get("accept") ?? "") ||
    request.nextUrl.pathname.endsWith("/status")
  )
    return NextResponse.json({ error: { code: "DATABASE_UNAVAILABLE", message: UNAVAILABLE } }, { status: 503, headers });
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">' +
    '<title>Gatehouse is briefly unavailable</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">' +
    `<main><h1>Gatehouse is briefly unavailable</h1><p>${UNAVAILABLE}</p><p>This page tries again by itself every few seconds.</p></main></body></html>`;
  return new NextResponse(html, { status: 503, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}

/**
 * Pages only. Next reads a proxied request's whole body before the route runs, so a route handler that
 * takes a body (the sync keys route) stays outside the matcher: its wrapper refuses an unauthenticated or
 * oversized body while streaming it (docs/decisions/014).
 */
export const config = {
  matcher: [
    "/((?!api|_next/static|_next/image|favicon.ico|programmes/[^/]+/dashboard/sync/keys$).*)",
    // Any path with %-encoding (an API or sync-keys path never has one: slugs, ids and tokens are plain) is
    // checked for a malformed one; other API requests stay outside the proxy so their bodies stream (014).
    "/(.*%.*)",
  ],
};
