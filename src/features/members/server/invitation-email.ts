import "server-only";

import type { Tx } from "@/server/db";
import { queueEmail } from "@/server/mail/outbox";
import { escapeHtml } from "@/server/mail/render";

export interface InvitationEmail {
  to: string;
  programmeId: string;
  programmeName: string;
  inviter: { name: string; email: string };
  link: string;
  expiresAt: Date;
}

const formatExpiry = (d: Date) =>
  d.toLocaleString("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) +
  " UTC";

/** The invitation's message: plain text and HTML, the link and nothing else secret. */
export function invitationMessage(m: InvitationEmail) {
  const subject = `${m.inviter.name} invited you to ${m.programmeName} on Gatehouse`;
  const text = [
    `${m.inviter.name} (${m.inviter.email}) invited you to the programme "${m.programmeName}" on Gatehouse.`,
    "",
    "Set your password and join here:",
    m.link,
    "",
    `The link works once and until ${formatExpiry(m.expiresAt)}. If you did not expect this invitation, ignore this email.`,
  ].join("\n");
  const html = `<p>${escapeHtml(m.inviter.name)} (${escapeHtml(m.inviter.email)}) invited you to the programme <strong>${escapeHtml(
    m.programmeName,
  )}</strong> on Gatehouse.</p>
<p><a href="${escapeHtml(m.link)}">Set your password and join</a></p>
<p>Or paste this link into your browser: ${escapeHtml(m.link)}</p>
<p>The link works once and until ${escapeHtml(formatExpiry(m.expiresAt))}. If you did not expect this invitation, ignore this email.</p>`;
  return { subject, text, html };
}

/**
 * Queues the invitation email in the caller's transaction (sent by the mail job; kept in the outbox
 * without SMTP). It belongs to the programme, so its managers can read it on the Outbox page: the
 * link in it is the one they were shown when inviting, and the only secret it holds.
 */
export async function sendInvitationEmail(tx: Tx, m: InvitationEmail): Promise<void> {
  await queueEmail(tx, { programmeId: m.programmeId, category: "Invitation", to: m.to, ...invitationMessage(m) });
}
