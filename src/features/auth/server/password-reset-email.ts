import "server-only";

import type { Tx } from "@/server/db";

export interface PasswordResetEmail {
  to: string;
  name: string;
  link: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

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

/** Queues the reset email in the caller's transaction. */
export async function sendPasswordResetEmail(_tx: Tx, m: PasswordResetEmail): Promise<void> {
  void passwordResetMessage(m);
  // Wired to the mail outbox once src/server/mail lands.
}
