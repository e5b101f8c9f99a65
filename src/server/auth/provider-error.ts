import { toSingleLine } from "@/domain/input";

import { appBaseUrl } from "../env";

/**
 * An identity provider that refuses a sign-in sends the browser back with `error` and
 * `error_description` (OpenID Connect Core 3.1.2.6); next-auth reduces that to "Callback". This sends
 * the browser to the sign-in page with the provider's own words (one line, at most 300 characters),
 * which the page shows as text (decision record 019).
 */
export function providerErrorRedirect(req: Request, providerId: string): Response | null {
  if (req.method !== "GET") return null;
  const url = new URL(req.url);
  if (!url.pathname.endsWith(`/callback/${providerId}`)) return null;
  const error = url.searchParams.get("error");
  if (!error) return null;
  const target = new URL("/signin", `${appBaseUrl()}/`);
  target.searchParams.set("error", "SsoProviderError");
  target.searchParams.set("code", toSingleLine(error).slice(0, 64));
  const description = toSingleLine(url.searchParams.get("error_description") ?? "").slice(0, 300);
  if (description) target.searchParams.set("description", description);
  return new Response(null, { status: 302, headers: { location: target.toString(), "cache-control": "no-store" } });
}
