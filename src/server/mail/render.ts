/**
 * Email templating: pure functions, no I/O (unit-tested). Every email has a plain-text part and an HTML
 * part; everything interpolated into the HTML is escaped. The link to change a preference is written as
 * a placeholder (`preferenceLinkPlaceholder`) and replaced by a signed link only when the email is sent,
 * so the outbox (which programme managers read) never holds a working link of someone else's.
 */

const PLACEHOLDER_PREFIX = "%%gatehouse-preference-link:";
const PLACEHOLDER = /%%gatehouse-preference-link:([a-z0-9.,-]+)%%/g;

/** Where the recipient's one-click link to change their preference for `kinds` goes. */
export function preferenceLinkPlaceholder(kinds: readonly string[]): string {
  return `${PLACEHOLDER_PREFIX}${kinds.join(",")}%%`;
}

/** Replaces each preference-link placeholder with `link(kinds)`. */
export function fillPreferenceLinks(s: string, link: (kinds: string[]) => string): string {
  return s.replace(PLACEHOLDER, (_, kinds: string) => link(kinds.split(",")));
}

/** The same text as the outbox page shows it: the placeholder in words. */
export function describePreferenceLinks(s: string): string {
  return s.replace(PLACEHOLDER, "[the recipient's one-click link to change this email setting]");
}

/** User-written text can never smuggle in a placeholder. */
const defuse = (s: string) => s.replaceAll("%%gatehouse-", "%% gatehouse-");

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Paragraphs of plain text (blank-line separated) as escaped HTML paragraphs, line breaks kept. */
function paragraphsHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

const button = (url: string, label: string) =>
  `<p style="margin:16px 0"><a href="${escapeHtml(url)}" style="display:inline-block;background:#1e3a8a;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px">${escapeHtml(label)}</a></p>`;

function htmlDocument(title: string, body: string, footer: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:15px;line-height:1.5;color:#0f172a">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">
${body}
</div>
<div style="max-width:560px;margin:12px auto 0;font-size:12px;color:#64748b">
${footer}
</div>
</body></html>`;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface NotificationEmailInput {
  recipientName: string;
  programmeName: string | null;
  /** One line: the notification's subject ("Architecture Review is open for your Security sign-off"). */
  subject: string;
  /** The notification's text: plain, paragraphs separated by a blank line. */
  body: string;
  /** Absolute link to the thing. */
  url: string;
  /** The kind, in words, for the footer ("A gate is open for your sign-off"). */
  kindKey: string;
  kindLabel: string;
  /** Absolute link to the preferences page. */
  settingsUrl: string;
}

/** The email for one notification. */
export function renderNotificationEmail(n: NotificationEmailInput): EmailContent {
  const subject = defuse(oneLine(n.subject));
  const body = defuse(n.body.trim());
  const programme = n.programmeName ? defuse(n.programmeName) : null;
  const kindLabel = defuse(n.kindLabel);
  const prefLink = preferenceLinkPlaceholder([n.kindKey]);
  const why = `You get this email because of your setting for “${kindLabel}”${programme ? ` (you are a member of ${programme})` : ""}.`;
  const text = [
    `Hello ${defuse(n.recipientName)},`,
    "",
    subject,
    "",
    ...(body ? [body, ""] : []),
    `Open it: ${n.url}`,
    "",
    "--",
    why,
    `Stop these emails, or get them in a daily digest (one click, no sign-in): ${prefLink}`,
    `All your email settings: ${n.settingsUrl}`,
    "",
  ].join("\n");
  const html = htmlDocument(
    subject,
    [
      `<p style="margin:0 0 12px">Hello ${escapeHtml(defuse(n.recipientName))},</p>`,
      `<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(subject)}</h1>`,
      paragraphsHtml(body),
      button(n.url, "Open in Gatehouse"),
      `<p style="margin:0;font-size:12px;color:#64748b">Or copy this link: ${escapeHtml(n.url)}</p>`,
    ].join("\n"),
    `<p style="margin:0 0 6px">${escapeHtml(why)}</p>
<p style="margin:0"><a href="${prefLink}" style="color:#475569">Stop these emails or get a daily digest</a> (one click, no sign-in) · <a href="${escapeHtml(n.settingsUrl)}" style="color:#475569">All email settings</a></p>`,
  );
  return { subject: programme ? `[${programme}] ${subject}` : subject, text, html };
}

export interface DigestItem {
  kindKey: string;
  kindLabel: string;
  subject: string;
  body: string;
  url: string;
  createdAt: Date;
}

export interface DigestGroup {
  kindKey: string;
  kindLabel: string;
  items: DigestItem[];
}

/** Groups a digest's notifications by kind (kinds in order of their first notification), each oldest first. */
export function groupDigest(items: readonly DigestItem[]): DigestGroup[] {
  const sorted = [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const groups = new Map<string, DigestGroup>();
  for (const item of sorted) {
    let g = groups.get(item.kindKey);
    if (!g) groups.set(item.kindKey, (g = { kindKey: item.kindKey, kindLabel: item.kindLabel, items: [] }));
    g.items.push(item);
  }
  return [...groups.values()];
}

export interface DigestEmailInput {
  recipientName: string;
  programmeName: string;
  /** The day the digest covers, as YYYY-MM-DD. */
  day: string;
  items: readonly DigestItem[];
  settingsUrl: string;
}

/** One daily digest: a person's notifications of one programme that they chose to get by digest. */
export function renderDigestEmail(d: DigestEmailInput): EmailContent {
  const groups = groupDigest(d.items);
  const programme = defuse(d.programmeName);
  const count = d.items.length;
  const subject = `[${programme}] Daily digest: ${count} notification${count === 1 ? "" : "s"}`;
  const allKinds = groups.map((g) => g.kindKey);
  const textGroups = groups.flatMap((g) => [
    `== ${defuse(g.kindLabel)} (${g.items.length}) ==`,
    ...g.items.flatMap((i) => [`* ${defuse(oneLine(i.subject))}`, ...(i.body.trim() ? [indent(defuse(i.body.trim()))] : []), `  ${i.url}`]),
    `  Stop or change these emails (one click, no sign-in): ${preferenceLinkPlaceholder([g.kindKey])}`,
    "",
  ]);
  const text = [
    `Hello ${defuse(d.recipientName)},`,
    "",
    `Your daily digest for ${programme} (${d.day}): ${count} notification${count === 1 ? "" : "s"}.`,
    "",
    ...textGroups,
    "--",
    "You get this digest because you chose the daily digest for these notifications.",
    `Stop all of them (one click, no sign-in): ${preferenceLinkPlaceholder(allKinds)}`,
    `All your email settings: ${d.settingsUrl}`,
    "",
  ].join("\n");
  const htmlGroups = groups
    .map(
      (g) => `<h2 style="font-size:16px;margin:20px 0 8px">${escapeHtml(defuse(g.kindLabel))} (${g.items.length})</h2>
<ul style="margin:0 0 8px;padding-left:20px">
${g.items
  .map(
    (i) =>
      `<li style="margin:0 0 8px"><a href="${escapeHtml(i.url)}">${escapeHtml(defuse(oneLine(i.subject)))}</a>${i.body.trim() ? `<br><span style="color:#475569">${escapeHtml(defuse(i.body.trim())).replace(/\n/g, "<br>")}</span>` : ""}</li>`,
  )
  .join("\n")}
</ul>
<p style="margin:0;font-size:12px"><a href="${preferenceLinkPlaceholder([g.kindKey])}" style="color:#475569">Stop or change these emails</a></p>`,
    )
    .join("\n");
  const html = htmlDocument(
    subject,
    [
      `<p style="margin:0 0 12px">Hello ${escapeHtml(defuse(d.recipientName))},</p>`,
      `<h1 style="font-size:18px;margin:0 0 12px">Your daily digest for ${escapeHtml(programme)}</h1>`,
      `<p style="margin:0 0 12px;color:#475569">${escapeHtml(d.day)} · ${count} notification${count === 1 ? "" : "s"}</p>`,
      htmlGroups,
    ].join("\n"),
    `<p style="margin:0 0 6px">You get this digest because you chose the daily digest for these notifications.</p>
<p style="margin:0"><a href="${preferenceLinkPlaceholder(allKinds)}" style="color:#475569">Stop all of them</a> (one click, no sign-in) · <a href="${escapeHtml(d.settingsUrl)}" style="color:#475569">All email settings</a></p>`,
  );
  return { subject, text, html };
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
const indent = (s: string) =>
  s
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
