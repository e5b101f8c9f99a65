import "server-only";

import { programmeDay, utcDateOf, weekOfDay } from "@/domain/template";
import type { Tx } from "@/server/db";
import { ConflictError, RuleError } from "@/server/errors";

/** What leaves the server of a weekly narrative (and what the audit trail records of it). */
export const narrativeSelect = {
  id: true,
  week: true,
  text: true,
  status: true,
  draftedByModel: true,
  draftedAt: true,
  editedBy: true,
  publishedBy: true,
  publishedAt: true,
  updatedAt: true,
} as const;

export type NarrativeRow = {
  id: string;
  week: number;
  text: string;
  status: "DRAFTED" | "PUBLISHED";
  draftedByModel: string | null;
  draftedAt: Date | null;
  editedBy: string | null;
  publishedBy: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
};

/** A narrative belongs to a week that has started (the same weeks the report offers). */
export function assertReportWeek(programme: { startDate: Date }, week: number, now: Date): void {
  const day = programmeDay(programme.startDate, utcDateOf(now));
  if (day < 1) throw new RuleError("The programme has not started yet: there is no weekly report.");
  const currentWeek = weekOfDay(day);
  if (week > currentWeek) throw new RuleError(`Week ${week} has not happened yet.`);
}

/**
 * The week's narrative, read after taking a transaction-scoped lock on (programme, week), so changes to
 * one week's narrative (a draft arriving from Claude, an edit, a publish) happen one after another and
 * each sees the last one's result. The unique (programme, week) constraint backs this up.
 */
export async function lockNarrative(tx: Tx, programmeId: string, week: number): Promise<NarrativeRow | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`weekly-narrative:${programmeId}:${week}`}, 0))`;
  return tx.weeklyNarrative.findUnique({ where: { programmeId_week: { programmeId, week } }, select: narrativeSelect });
}

/** Published narratives do not change: they are reopened as a draft first (which takes them out of the report). */
export function assertNotPublished(n: NarrativeRow | null, doing: string): void {
  if (n?.status === "PUBLISHED")
    throw new ConflictError(`Week ${n.week}'s narrative is published, so it cannot be ${doing}. Reopen it as a draft first.`);
}

/** Claude's draft replaces a person's text (written or edited by hand) only when asked to explicitly. */
export function assertMayRedraft(n: NarrativeRow | null, replace: boolean): void {
  assertNotPublished(n, "redrafted");
  if (n?.editedBy && !replace)
    throw new ConflictError(`Week ${n.week}'s narrative has text by ${n.editedBy}. Confirm that Claude's new draft should replace it.`);
}
