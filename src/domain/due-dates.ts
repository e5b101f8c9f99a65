/**
 * When something someone owns (a milestone, a risk review, a Pilot Debrief condition) is worth a
 * notification: "due" within the next DUE_SOON_DAYS days (today included), "overdue" once its date has
 * passed. Dates are UTC calendar days. The daily scan notifies once per item, state and date (the
 * dedupe key): a moved date is news again; the same state on the next day is not.
 */
export const DUE_SOON_DAYS = 3;

const DAY = 86_400_000;

export type DueState = "DUE" | "OVERDUE";

/** null when the item is done or its date is more than `soonDays` away. */
export function dueState(dueDate: Date, today: Date, done: boolean, soonDays = DUE_SOON_DAYS): DueState | null {
  if (done) return null;
  const days = Math.round((dueDate.getTime() - today.getTime()) / DAY);
  if (days < 0) return "OVERDUE";
  if (days <= soonDays) return "DUE";
  return null;
}

/** Days from today to the date (negative: days late). */
export function daysUntil(dueDate: Date, today: Date): number {
  return Math.round((dueDate.getTime() - today.getTime()) / DAY);
}

/** "due today", "due tomorrow", "due in 3 days", "1 day overdue", "5 days overdue". */
export function describeDue(dueDate: Date, today: Date): string {
  const days = daysUntil(dueDate, today);
  if (days === 0) return "due today";
  if (days === 1) return "due tomorrow";
  if (days > 1) return `due in ${days} days`;
  return `${-days} day${days === -1 ? "" : "s"} overdue`;
}

/** Once per item, state and date: "milestone:<id>:OVERDUE:2026-03-01". */
export function dueDedupeKey(itemType: string, itemId: string, state: DueState, dueDate: Date): string {
  return `${itemType}:${itemId}:${state}:${dueDate.toISOString().slice(0, 10)}`;
}

/** Which programmes a scan covers (default: all; tests and an operator may narrow it). */
export interface DueScanScope {
  programmeIds?: string[];
}
