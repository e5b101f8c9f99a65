import "server-only";

import { describeDue, dueDedupeKey, dueState } from "@/domain/due-dates";

import { db } from "../db";
import type { NotificationKind } from "./kinds";
import { notify } from "./notify";

/** One owned, dated item a due/overdue scan found (a condition, a milestone, a risk review…). */
export interface DueItem {
  id: string;
  programmeId: string;
  dueDate: Date;
  ownerUserId: string;
}

/**
 * The loop every due/overdue scan shares: for each item due within the window or overdue, tells its
 * owner in a transaction of its own, once per item, state and due date (the dedupe key). `message` gets
 * "due in 2 days" / "3 days overdue" and writes the subject, text and link. Returns how many were told.
 */
export async function notifyDueOwners<T extends DueItem>(
  kind: NotificationKind,
  itemType: string,
  items: readonly T[],
  today: Date,
  message: (item: T, due: string) => { subject: string; text: string; link: string },
): Promise<number> {
  let notified = 0;
  for (const item of items) {
    const state = dueState(item.dueDate, today, false);
    if (!state) continue;
    const r = await db.$transaction((tx) =>
      notify(tx, {
        kind,
        programmeId: item.programmeId,
        recipientIds: [item.ownerUserId],
        ...message(item, describeDue(item.dueDate, today)),
        dedupeKey: dueDedupeKey(itemType, item.id, state, item.dueDate),
      }),
    );
    notified += r.notified.length;
  }
  return notified;
}
