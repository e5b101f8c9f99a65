import "server-only";

import { randomUUID } from "node:crypto";

import type { Tx } from "../db";
import { enqueue } from "../jobs/enqueue";
import { NO_SMTP_MESSAGE } from "./deliver";
import { deliverEmailJob } from "./jobs";
import { messageIdDomain, smtpConfigured } from "./transport";

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface OutgoingEmail {
  /** The programme it belongs to: its managers read it on the programme's Outbox page. Leave null for anything they must not read. */
  programmeId: string | null;
  /** The recipient's account, when there is one: the one-click preference link in the email names them. */
  userId?: string | null;
  /** The notification kinds it is about (for the one-click link and List-Unsubscribe); none for other mail. */
  kinds?: string[];
  /** What it is, in words: "Notification", "Daily digest", "Invitation". */
  category: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
}

/**
 * Puts an email in the outbox, in the caller's transaction, and (with SMTP configured) enqueues the job
 * that sends it: both exist only if the caller's change commits. With no SMTP configured the email is
 * kept, marked not sent, so a programme manager can read what would have gone out. Never put a secret
 * in an email that has a programmeId: the programme's managers can read it.
 */
export async function queueEmail(tx: Tx, email: OutgoingEmail): Promise<{ id: string }> {
  const id = randomUUID();
  const send = smtpConfigured();
  await tx.outboxEmail.create({
    data: {
      id,
      programmeId: email.programmeId,
      userId: email.userId ?? null,
      kinds: email.kinds ?? [],
      category: email.category,
      toAddress: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<${id}@${messageIdDomain()}>`,
      attachments: email.attachments?.length
        ? email.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            contentBase64: Buffer.from(a.content).toString("base64"),
          }))
        : undefined,
      status: send ? "QUEUED" : "NOT_SENT",
      lastError: send ? null : NO_SMTP_MESSAGE,
    },
    select: { id: true },
  });
  if (send)
    await enqueue(
      tx,
      deliverEmailJob,
      { outboxId: id },
      { programmeId: email.programmeId, dedupeKey: id, subject: `Email: ${email.subject}` },
    );
  return { id };
}
