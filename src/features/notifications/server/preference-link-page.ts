import { escapeHtml } from "@/server/mail/render";
import { DELIVERIES, DELIVERY_LABELS, type Delivery } from "@/server/notifications/kinds";

/**
 * The small page behind an email's one-click link (no sign-in, no app layout): what the link changes,
 * and a button per choice. Opening the link changes nothing (mail scanners open links); a POST does —
 * the page's buttons, or a mail client's RFC 8058 one-click unsubscribe.
 */
export function preferenceLinkPage(
  view:
    { state: "invalid" } | { state: "choose" | "done"; email: string; kinds: { label: string; delivery: Delivery }[]; applied?: Delivery },
): string {
  const body =
    view.state === "invalid"
      ? `<h1>This link is not valid</h1><p>It may have been copied incompletely. Sign in to Gatehouse and open <strong>Email settings</strong> to change what you receive.</p>`
      : `<h1>Email settings for ${escapeHtml(view.email)}</h1>
${view.state === "done" && view.applied ? `<p role="status" class="ok">Saved: ${escapeHtml(DELIVERY_LABELS[view.applied].toLowerCase())} for the notifications below.</p>` : ""}
<ul>${view.kinds.map((k) => `<li><strong>${escapeHtml(k.label)}</strong>: ${escapeHtml(DELIVERY_LABELS[k.delivery].toLowerCase())}</li>`).join("")}</ul>
<form method="post">
${DELIVERIES.map((d) => `<button type="submit" name="delivery" value="${d}"${d === "OFF" ? ' class="primary"' : ""}>${escapeHtml(d === "OFF" ? "Stop these emails" : DELIVERY_LABELS[d])}</button>`).join("\n")}
</form>
<p class="note">In-app notifications stay in your Gatehouse inbox either way. All settings: sign in and open Email settings.</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>Gatehouse email settings</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#0f172a;line-height:1.5}
h1{font-size:1.25rem}button{font:inherit;margin:0 .5rem .5rem 0;padding:.5rem .9rem;border-radius:.375rem;border:1px solid #cbd5e1;background:#fff;cursor:pointer}
button.primary{background:#1e3a8a;color:#fff;border-color:#1e3a8a}button:focus-visible{outline:3px solid #93c5fd;outline-offset:2px}
.ok{color:#065f46}.note{color:#64748b;font-size:.875rem}
</style></head><body>
${body}
</body></html>`;
}

/** What a POST to the link asks for: RFC 8058's "List-Unsubscribe=One-Click" (off), or the page's button. */
export function requestedDelivery(formBody: string): Delivery {
  const params = new URLSearchParams(formBody);
  const d = params.get("delivery");
  return (DELIVERIES as readonly string[]).includes(d ?? "") ? (d as Delivery) : "OFF";
}
