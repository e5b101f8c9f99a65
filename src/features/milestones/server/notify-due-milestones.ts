import "server-only";

import { describeDue, DUE_SOON_DAYS, dueDedupeKey, dueState, type DueScanScope } from "@/domain/due-dates";
import { addUtcDays, utcDateOf } from "@/domain/template";
import { db } from "@/server/db";
import { notify } from "@/server/notifications/notify";

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
  let notified = 0;
  for (const m of milestones) {
    const state = dueState(m.dueDate, today, false);
    if (!state || !m.owner) continue;
    const r = await db.$transaction((tx) =>
      notify(tx, {
        kind: milestoneDueKind,
        programmeId: m.programmeId,
        recipientIds: [m.owner!.userId],
        subject: `Milestone '${m.title}' is ${describeDue(m.dueDate, today)}`,
        text: `Week ${m.week}, due ${m.dueDate.toISOString().slice(0, 10)}. You own it: mark it done or update its status.`,
        link: `/programmes/${m.programme.slug}/milestones`,
        dedupeKey: dueDedupeKey("milestone", m.id, state, m.dueDate),
      }),
    );
    notified += r.notified.length;
  }
  return notified;
}
