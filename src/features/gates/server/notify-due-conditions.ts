import "server-only";

import { DUE_SOON_DAYS, type DueScanScope } from "@/domain/due-dates";
import { addUtcDays, utcDateOf } from "@/domain/template";
import { db } from "@/server/db";
import { notifyDueOwners } from "@/server/notifications/notify-due";

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
  const items = conditions.flatMap((c) => (c.owner ? [{ ...c, ownerUserId: c.owner.userId }] : []));
  return notifyDueOwners(conditionDueKind, "condition", items, today, (c, due) => ({
    subject: `Condition '${c.title}' is ${due}`,
    text: `A condition of the ${c.gate.name}'s Conditional go, due ${c.dueDate.toISOString().slice(0, 10)}. It must be closed before the Production Readiness Review can be approved.`,
    link: `/programmes/${c.programme.slug}/gates/${gateSlug(c.gate.key)}`,
  }));
}
