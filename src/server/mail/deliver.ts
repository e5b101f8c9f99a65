import "server-only";

import { z } from "zod";

import { db } from "../db";
import { appBaseUrl, sessionSecret } from "../env";
import { signPreferenceToken } from "../notifications/preference-token";
import { escapeHtml, fillPreferenceLinks } from "./render";
import { mailFrom, mailTransport } from "./transport";

export const NO_SMTP_MESSAGE = "Not sent: no SMTP configured (set SMTP_URL to send email).";

const attachmentsSchema = z
  .array(z.object({ filename: z.string(), contentType: z.string(), contentBase64: z.string() }))
  .nullable()
  .catch(null);

/** How long one sending attempt holds an email; a sender that crashed mid-send lets go after this. */
export const SEND_HOLD_MS = 2 * 60_000;

export type DeliveryOutcome = "sent" | "already-done" | "not-sent" | "rejected";

/** The one-click link for a person and the kinds an email is about (page with choices; POST = turn off). */
export function preferenceLinkUrl(userId: string, kinds: string[]): string {
  return `${appBaseUrl()}/api/notifications/preferences/${signPreferenceToken(sessionSecret(), { userId, kinds })}`;
}

/**
 * Sends one outbox email over SMTP: the job `mail.deliver` runs this, and retries it with backoff while
 * the SMTP server is unreachable, so mail is delayed, never lost.
 *
 * At most once once accepted: the email is claimed (SENDING, held for SEND_HOLD_MS) in its own committed
 * step, sent, and marked SENT with the server's reply; a later attempt finds it SENT and does nothing.
 * A crash between the server's acceptance and the mark leaves it SENDING: once the hold runs out, the next
 * attempt sends it again, with the same Message-ID (fixed when queued), so the recipient's mail system
 * can recognise the duplicate. We prefer that rare duplicate to an email that is silently never sent.
 *
 * A permanent refusal (SMTP 5xx: no such mailbox) is recorded as FAILED and not retried.
 */
export async function deliverEmail(outboxId: string): Promise<DeliveryOutcome> {
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxEmail" SET status = 'SENDING', attempts = attempts + 1,
           "lockedUntil" = clock_timestamp() + make_interval(secs => ${SEND_HOLD_MS / 1000})
     WHERE id = ${outboxId}::uuid
       AND (status IN ('QUEUED', 'FAILED') OR (status = 'SENDING' AND "lockedUntil" < clock_timestamp()))
    RETURNING id::text AS id`;
  if (claimed.length === 0) {
    const row = await db.outboxEmail.findUnique({ where: { id: outboxId }, select: { status: true } });
    // Another attempt holds it right now: try again later (if that attempt dies, its hold runs out).
    if (row?.status === "SENDING") throw new Error("Another attempt is sending this email; trying again later.");
    return "already-done";
  }
  const email = await db.outboxEmail.findUniqueOrThrow({ where: { id: outboxId } });
  const transport = mailTransport();
  if (!transport) {
    await db.outboxEmail.update({ where: { id: outboxId }, data: { status: "NOT_SENT", lastError: NO_SMTP_MESSAGE, lockedUntil: null } });
    return "not-sent";
  }

  const hasPreferenceLink = email.userId !== null && email.kinds.length > 0;
  const link = (kinds: string[]) => (email.userId ? preferenceLinkUrl(email.userId, kinds) : `${appBaseUrl()}/settings/notifications`);
  const attachments = attachmentsSchema.parse(email.attachments) ?? [];
  let info: { response?: string; messageId?: string };
  try {
    info = await transport.sendMail({
      from: mailFrom(),
      to: email.toAddress,
      subject: email.subject,
      text: fillPreferenceLinks(email.text, link),
      html: fillPreferenceLinks(email.html, (kinds) => escapeHtml(link(kinds))),
      messageId: email.messageId,
      headers: hasPreferenceLink
        ? {
            // RFC 8058: a mail client may offer one-click unsubscribe (a POST to this URL, no sign-in).
            "List-Unsubscribe": `<${link(email.kinds)}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          }
        : {},
      attachments: attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.contentBase64, "base64"),
      })),
    });
  } catch (e) {
    const message = smtpErrorMessage(e);
    const permanent = isPermanentRefusal(e);
    await db.outboxEmail.update({
      where: { id: outboxId },
      data: { status: permanent ? "FAILED" : "QUEUED", lastError: message, lockedUntil: null },
    });
    if (permanent) return "rejected";
    throw new Error(message);
  }
  await markSent(outboxId, info.response ?? null);
  return "sent";
}

/** The mark after an accepted send, retried over a short database blip so a sent email is not sent again. */
async function markSent(outboxId: string, response: string | null) {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.outboxEmail.update({
        where: { id: outboxId },
        data: { status: "SENT", sentAt: new Date(), smtpResponse: response?.slice(0, 500) ?? null, lastError: null, lockedUntil: null },
      });
      return;
    } catch (e) {
      if (attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

/** Called when the job gives up: the email is FAILED, with the last error, until someone retries the job. */
export async function markEmailFailed(outboxId: string, error: string, client: Pick<typeof db, "outboxEmail"> = db) {
  await client.outboxEmail.updateMany({
    where: { id: outboxId, status: { in: ["QUEUED", "SENDING"] } },
    data: { status: "FAILED", lastError: error.slice(0, 1000), lockedUntil: null },
  });
}

function isPermanentRefusal(e: unknown): boolean {
  const code = (e as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** The SMTP error in one line, without the server's address or credentials. */
function smtpErrorMessage(e: unknown): string {
  const err = e as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  if (typeof err.responseCode === "number")
    return `The SMTP server refused the email: ${String(err.response ?? err.responseCode).slice(0, 300)}`;
  if (typeof err.code === "string" && /ECONNREFUSED|ETIMEDOUT|ECONNECTION|ESOCKET|EDNS|ENOTFOUND|EHOSTUNREACH|ECONNRESET/.test(err.code))
    return `The SMTP server could not be reached (${err.code}); trying again later.`;
  return `Sending failed: ${typeof err.message === "string" ? err.message.replace(/\/\/[^@\s]*@/g, "//…@").slice(0, 300) : "unknown error"}`;
}
