import "server-only";

import type { z } from "zod";

import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { markAllNotificationsReadSchema, markNotificationReadSchema } from "../schemas";

/** Only notifications of programmes the person is still a member of (or of no programme). */
const visibleTo = (userId: string) => ({
  userId,
  OR: [{ programmeId: null }, { programme: { memberships: { some: { userId } } } }],
});

export const INBOX_PAGE_SIZE = 100;

/** The person's inbox, newest first. */
export async function listInbox(actor: Actor, limit = INBOX_PAGE_SIZE) {
  const rows = await db.notification.findMany({
    where: visibleTo(actor.id),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      subject: true,
      text: true,
      link: true,
      readAt: true,
      createdAt: true,
      programme: { select: { name: true } },
    },
  });
  return rows.map(({ programme, ...n }) => ({ ...n, programmeName: programme?.name ?? null }));
}

export async function unreadNotificationCount(actor: Actor): Promise<number> {
  return db.notification.count({ where: { ...visibleTo(actor.id), readAt: null } });
}

/** Marks one of the person's own notifications read; returns the page it links to. */
export async function markNotificationRead(actor: Actor, raw: z.input<typeof markNotificationReadSchema>) {
  const parsed = markNotificationReadSchema.safeParse(raw);
  if (!parsed.success) throw new NotFoundError("Notification not found."); // /inbox/<anything> is a 404, not a 422
  const { notificationId } = parsed.data;
  const n = await db.notification.findFirst({
    where: { id: notificationId, ...visibleTo(actor.id) },
    select: { id: true, link: true, readAt: true },
  });
  if (!n) throw new NotFoundError("Notification not found.");
  if (!n.readAt) await db.notification.updateMany({ where: { id: n.id, readAt: null }, data: { readAt: new Date() } });
  return { link: n.link };
}

export async function markAllNotificationsRead(actor: Actor, raw: z.input<typeof markAllNotificationsReadSchema> = {}) {
  markAllNotificationsReadSchema.parse(raw);
  const { count } = await db.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return { marked: count };
}
