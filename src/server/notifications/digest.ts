import "server-only";

import { db } from "../db";
import { appBaseUrl } from "../env";
import { queueEmail } from "../mail/outbox";
import { renderDigestEmail } from "../mail/render";
import { registeredKind } from "./kinds";

/**
 * The daily digest (a recurring job): for each person and programme, the notifications they chose to get
 * by digest that have not gone out yet, in one email. One digest per programme, so each lands in that
 * programme's outbox only (its managers can read it) and never mixes programmes. The rows are locked
 * (SKIP LOCKED), so two processes running it at once never send one notification twice. Someone who has
 * since left the programme, or turned the kind off, gets nothing for it.
 */
export async function sendDailyDigests(now = new Date()): Promise<{ digests: number; notifications: number }> {
  const pairs = await db.notification.findMany({
    where: { inDigest: true, emailId: null, createdAt: { lte: now }, programmeId: { not: null } },
    distinct: ["userId", "programmeId"],
    select: { userId: true, programmeId: true },
  });
  let digests = 0;
  let notifications = 0;
  for (const { userId, programmeId } of pairs) {
    const sent = await sendDigest(userId, programmeId!, now);
    if (sent > 0) {
      digests++;
      notifications += sent;
    }
  }
  return { digests, notifications };
}

async function sendDigest(userId: string, programmeId: string, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM "Notification"
       WHERE "userId" = ${userId}::uuid AND "programmeId" = ${programmeId}::uuid
         AND "inDigest" AND "emailId" IS NULL AND "createdAt" <= ${now}
       ORDER BY "createdAt" FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return 0;
    const ids = locked.map((r) => r.id);
    const [rows, member, off] = await Promise.all([
      tx.notification.findMany({
        where: { id: { in: ids } },
        select: { id: true, kind: true, subject: true, text: true, link: true, createdAt: true },
      }),
      tx.membership.findFirst({
        where: { userId, programmeId },
        select: { user: { select: { name: true, email: true } }, programme: { select: { name: true } } },
      }),
      tx.notificationPreference.findMany({ where: { userId, delivery: "OFF" }, select: { kind: true } }),
    ]);
    const offKinds = new Set(off.map((p) => p.kind));
    const items = member ? rows.filter((r) => !offKinds.has(r.kind)) : [];
    const dropped = rows.filter((r) => !items.includes(r)).map((r) => r.id);
    if (dropped.length > 0) await tx.notification.updateMany({ where: { id: { in: dropped } }, data: { inDigest: false } });
    if (items.length === 0 || !member) return 0;

    const base = appBaseUrl();
    const content = renderDigestEmail({
      recipientName: member.user.name,
      programmeName: member.programme.name,
      day: now.toISOString().slice(0, 10),
      settingsUrl: `${base}/settings/notifications`,
      items: items.map((r) => ({
        kindKey: r.kind,
        kindLabel: registeredKind(r.kind)?.label ?? "Notifications",
        subject: r.subject,
        body: r.text,
        url: `${base}${r.link}`,
        createdAt: r.createdAt,
      })),
    });
    const email = await queueEmail(tx, {
      programmeId,
      userId,
      kinds: [...new Set(items.map((r) => r.kind))],
      category: "Daily digest",
      to: member.user.email,
      ...content,
    });
    await tx.notification.updateMany({ where: { id: { in: items.map((r) => r.id) } }, data: { emailId: email.id } });
    return items.length;
  });
}
