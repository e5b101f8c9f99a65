import "server-only";

import { z } from "zod";

import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";
import { describePreferenceLinks } from "@/server/mail/render";

/**
 * A programme's outbox, for its programme managers: every email about the programme that was sent or
 * would have been (with no SMTP configured), newest first. The one-click preference links are not
 * stored: the text shows where the recipient's link goes.
 */
export async function listOutbox(actor: Actor, programmeSlug: string, limit = 200) {
  const access = await authorize(actor, programmeSlug, "programme.update");
  const emails = await db.outboxEmail.findMany({
    where: { programmeId: access.programme.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      toAddress: true,
      subject: true,
      category: true,
      kinds: true,
      status: true,
      attempts: true,
      lastError: true,
      sentAt: true,
      createdAt: true,
    },
  });
  return { programme: access.programme, emails };
}

const attachmentNames = z.array(z.object({ filename: z.string(), contentType: z.string() })).catch([]);

export async function getOutboxEmail(actor: Actor, programmeSlug: string, emailId: string) {
  const access = await authorize(actor, programmeSlug, "programme.update");
  if (!z.string().uuid().safeParse(emailId).success) throw new NotFoundError("Email not found.");
  const email = await db.outboxEmail.findFirst({
    where: { id: emailId, programmeId: access.programme.id },
    select: {
      id: true,
      toAddress: true,
      subject: true,
      category: true,
      kinds: true,
      status: true,
      attempts: true,
      lastError: true,
      smtpResponse: true,
      messageId: true,
      sentAt: true,
      createdAt: true,
      text: true,
      html: true,
      attachments: true,
    },
  });
  if (!email) throw new NotFoundError("Email not found.");
  return {
    programme: access.programme,
    email: {
      ...email,
      text: describePreferenceLinks(email.text),
      html: describePreferenceLinks(email.html),
      attachments: attachmentNames.parse(email.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType })),
    },
  };
}
