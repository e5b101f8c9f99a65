import "server-only";

import type { Tx } from "@/server/db";
import { queueEmail } from "@/server/mail/outbox";
import { escapeHtml } from "@/server/mail/render";

export interface PasswordResetEmail {
  userId: string;
  to: string;
  name: string;
  link: string;
}

/** The reset message: plain text and HTML, the one-time link and nothing else secret. */
export function passwordResetMessage(m: PasswordResetEmail) {
  const subject = "Set a new Gatehouse password";
  const text = [
    `Hello ${m.name},`,
    "",
    "Someone (hopefully you) asked to set a new password for your Gatehouse account. Set it here:",
    m.link,
    "",
    "The link works once, for one hour. Setting a new password signs you out everywhere else.",
    "If you did not ask for this, ignore this email: your password stays as it is.",
  ].join("\n");
  const html = `<p>Hello ${escapeHtml(m.name)},</p>
<p>Someone (hopefully you) asked to set a new password for your Gatehouse account.</p>
<p><a href="${escapeHtml(m.link)}">Set a new password</a></p>
<p>Or paste this link into your browser: ${escapeHtml(m.link)}</p>
<p>The link works once, for one hour. Setting a new password signs you out everywhere else.<br>If you did not ask for this, ignore this email: your password stays as it is.</p>`;
  return { subject, text, html };
}

/**
 * Queues the reset email in the caller's transaction. It belongs to no programme (programmeId null), so
 * no programme manager can read the link on an Outbox page: only the mailbox owner gets it.
 */
export async function sendPasswordResetEmail(tx: Tx, m: PasswordResetEmail): Promise<void> {
  const { to, userId } = m;
  await queueEmail(tx, { programmeId: null, userId, category: "Password reset", to, ...passwordResetMessage(m) });
}
