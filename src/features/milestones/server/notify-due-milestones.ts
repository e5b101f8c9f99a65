import "server-only";

import { DUE_SOON_DAYS, type DueScanScope } from "@/domain/due-dates";
import { addUtcDays, utcDateOf } from "@/domain/template";
import { db } from "@/server/db";
import { notifyDueOwners } from "@/server/notifications/notify-due";

import { milestoneDueKind } from "../notifications";

/**
 * Part of the daily due/overdue scan: tells each owner of an unfinished milestone of an active programme
 * that it is due within three days, or overdue; once per milestone, state and due date.
 */
export async function notifyDueMilestones(now = new Date(), scope: DueScanScope = {}): Promise<number> {
  const today = utcDateOf(now);
  const milestones = await db.milestone.findMany({
    where: {
      status: { not: "DONE" },
      ownerId: { not: null },
      dueDate: { lte: addUtcDays(today, DUE_SOON_DAYS) },
      programme: { status: "ACTIVE" },
      ...(scope.programmeIds ? { programmeId: { in: scope.programmeIds } } : {}),
    },
    select: {
      id: true,
      title: true,
      week: true,
      dueDate: true,
      programmeId: true,
      programme: { select: { slug: true } },
      owner: { select: { userId: true } },
    },
  });
  const items = milestones.flatMap((m) => (m.owner ? [{ ...m, ownerUserId: m.owner.userId }] : []));
  return notifyDueOwners(milestoneDueKind, "milestone", items, today, (m, due) => ({
    subject: `Milestone '${m.title}' is ${due}`,
    text: `Week ${m.week}, due ${m.dueDate.toISOString().slice(0, 10)}. You own it: mark it done or update its status.`,
    link: `/programmes/${m.programme.slug}/milestones`,
  }));
}
