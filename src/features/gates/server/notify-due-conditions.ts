import "server-only";

import { describeDue, DUE_SOON_DAYS, dueDedupeKey, dueState, type DueScanScope } from "@/domain/due-dates";
import { addUtcDays, utcDateOf } from "@/domain/template";
import { db } from "@/server/db";
import { notify } from "@/server/notifications/notify";

import { conditionDueKind } from "../notifications";
import { gateSlug } from "../slugs";

/**
 * Part of the daily due/overdue scan: tells the owner of each open Conditional-go condition of an active
 * programme that it is due within three days, or overdue; once per condition, state and due date.
 */
export async function notifyDueConditions(now = new Date(), scope: DueScanScope = {}): Promise<number> {
  const today = utcDateOf(now);
  const conditions = await db.gateCondition.findMany({
    where: {
      closedAt: null,
      ownerId: { not: null },
      dueDate: { lte: addUtcDays(today, DUE_SOON_DAYS) },
      programme: { status: "ACTIVE" },
      ...(scope.programmeIds ? { programmeId: { in: scope.programmeIds } } : {}),
    },
    select: {
      id: true,
      title: true,
      dueDate: true,
      programmeId: true,
      programme: { select: { slug: true } },
      gate: { select: { key: true, name: true } },
      owner: { select: { userId: true } },
    },
  });
  let notified = 0;
  for (const c of conditions) {
    const state = dueState(c.dueDate, today, false);
    if (!state || !c.owner) continue;
    const r = await db.$transaction((tx) =>
      notify(tx, {
        kind: conditionDueKind,
        programmeId: c.programmeId,
        recipientIds: [c.owner!.userId],
        subject: `Condition '${c.title}' is ${describeDue(c.dueDate, today)}`,
        text: `A condition of the ${c.gate.name}'s Conditional go, due ${c.dueDate.toISOString().slice(0, 10)}. It must be closed before the Production Readiness Review can be approved.`,
        link: `/programmes/${c.programme.slug}/gates/${gateSlug(c.gate.key)}`,
        dedupeKey: dueDedupeKey("condition", c.id, state, c.dueDate),
      }),
    );
    notified += r.notified.length;
  }
  return notified;
}
