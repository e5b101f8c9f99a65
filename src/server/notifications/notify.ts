import "server-only";

import type { Tx } from "../db";
import { appBaseUrl } from "../env";
import { queueEmail, type EmailAttachment } from "../mail/outbox";
import { renderNotificationEmail } from "../mail/render";
import type { Delivery, NotificationKind } from "./kinds";

export interface NotifyInput {
  kind: NotificationKind;
  programmeId: string;
  /** User ids. Anyone who is not a member of the programme is left out. */
  recipientIds: readonly string[];
  /** One line, the whole news: "Architecture Review is open for your Security sign-off". */
  subject: string;
  /** More, in plain text (paragraphs separated by a blank line). */
  text?: string;
  /** The page it is about, as a path: "/programmes/acme/gates/architecture-review". */
  link: string;
  /**
   * Write this notification at most once per person: a second notify with the same key for the same
   * person does nothing (the due/overdue scan: item, state and date).
   */
  dedupeKey?: string;
  /** Attached to an immediate email (not to a digest, which links to the page). */
  attachments?: EmailAttachment[];
}

export interface NotifyResult {
  /** User ids that got a new in-app notification. */
  notified: string[];
  emailed: string[];
  digested: string[];
}

/**
 * Notifies people, in the caller's transaction (so a change that rolls back notifies no one): one in-app
 * notification per recipient, and by each recipient's preference for this kind (or the kind's default)
 * an email now (outbox + send job), a place in tomorrow's daily digest, or no email.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<NotifyResult> {
  const result: NotifyResult = { notified: [], emailed: [], digested: [] };
  const ids = [...new Set(input.recipientIds)];
  if (ids.length === 0) return result;
  if (!input.link.startsWith("/")) throw new Error(`A notification's link is a path starting with "/", got "${input.link}"`);
  const [members, preferences, programme] = await Promise.all([
    tx.membership.findMany({
      where: { programmeId: input.programmeId, userId: { in: ids } },
      select: { user: { select: { id: true, email: true, name: true } } },
    }),
    tx.notificationPreference.findMany({ where: { userId: { in: ids }, kind: input.kind.key }, select: { userId: true, delivery: true } }),
    tx.programme.findUniqueOrThrow({ where: { id: input.programmeId }, select: { name: true } }),
  ]);
  if (members.length === 0) return result;
  const deliveryOf = new Map<string, Delivery>(preferences.map((p) => [p.userId, p.delivery]));
  const delivery = (userId: string) => deliveryOf.get(userId) ?? input.kind.defaultDelivery;
  const text = input.text?.trim() ?? "";

  const created = await tx.notification.createManyAndReturn({
    data: members.map(({ user }) => ({
      userId: user.id,
      programmeId: input.programmeId,
      kind: input.kind.key,
      subject: input.subject,
      text,
      link: input.link,
      dedupeKey: input.dedupeKey ?? null,
      inDigest: delivery(user.id) === "DIGEST",
    })),
    skipDuplicates: true,
    select: { id: true, userId: true },
  });

  const base = appBaseUrl();
  const userById = new Map(members.map(({ user }) => [user.id, user]));
  for (const n of created) {
    result.notified.push(n.userId);
    const d = delivery(n.userId);
    if (d === "DIGEST") result.digested.push(n.userId);
    if (d !== "IMMEDIATE") continue;
    const user = userById.get(n.userId)!;
    const content = renderNotificationEmail({
      recipientName: user.name,
      programmeName: programme.name,
      subject: input.subject,
      body: text,
      url: `${base}${input.link}`,
      kindKey: input.kind.key,
      kindLabel: input.kind.label,
      settingsUrl: `${base}/settings/notifications`,
    });
    const email = await queueEmail(tx, {
      programmeId: input.programmeId,
      userId: user.id,
      kinds: [input.kind.key],
      category: "Notification",
      to: user.email,
      ...content,
      attachments: input.attachments,
    });
    await tx.notification.update({ where: { id: n.id }, data: { emailId: email.id } });
    result.emailed.push(n.userId);
  }
  return result;
}
