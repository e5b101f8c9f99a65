import { preferenceLinkPage, requestedDelivery } from "@/features/notifications/server/preference-link-page";
import { applyPreferenceLink, readPreferenceLink } from "@/features/notifications/server/preferences";
import { NOTIFICATION_KIND_CATALOG } from "@/notifications";
import { readBodyText } from "@/server/api/body";
import { withPublicRoute } from "@/server/api/with-public-route";

/**
 * An email's one-click link to change a notification setting, without signing in: the signed token in
 * the URL names one person and the kinds of that email, and changes nothing else. GET shows the choices
 * (and changes nothing: mail scanners open links); POST applies one — a button on that page, or a mail
 * client's RFC 8058 one-click unsubscribe (body "List-Unsubscribe=One-Click": off).
 */
const html = (body: string, status = 200) =>
  new Response(body, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" },
  });

export const GET = withPublicRoute<{ token: string }>(async ({ params }) => {
  const link = await readPreferenceLink(params.token, NOTIFICATION_KIND_CATALOG);
  if (!link) return html(preferenceLinkPage({ state: "invalid" }), 404);
  return html(preferenceLinkPage({ state: "choose", ...link }));
});

export const POST = withPublicRoute<{ token: string }>(async ({ request, params }) => {
  const delivery = requestedDelivery(await readBodyText(request, { maxBodyBytes: 2048 }));
  const applied = await applyPreferenceLink(params.token, delivery);
  const link = applied && (await readPreferenceLink(params.token, NOTIFICATION_KIND_CATALOG));
  if (!link) return html(preferenceLinkPage({ state: "invalid" }), 404);
  return html(preferenceLinkPage({ state: "done", applied: delivery, ...link }));
});
