import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { reopenWeeklyNarrativeSchema, type ReopenWeeklyNarrativeInput } from "../schemas";
import { lockNarrative, narrativeSelect } from "./narrative-state";

/**
 * The programme manager takes a published narrative back to draft, to correct it or to have Claude
 * redraft it: it leaves the report's page (for everyone but programme managers) and its PDF until it is
 * published again. The explicit step before a published narrative can change.
 */
export async function reopenWeeklyNarrative(actor: Actor, raw: ReopenWeeklyNarrativeInput) {
  const input = reopenWeeklyNarrativeSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "report.narrate");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const before = await lockNarrative(tx, programmeId, input.week);
    if (before?.status !== "PUBLISHED") throw new RuleError(`Week ${input.week}'s narrative is not published.`);
    const after = await tx.weeklyNarrative.update({
      where: { id: before.id },
      data: { status: "DRAFTED", publishedBy: null, publishedAt: null },
      select: narrativeSelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "narrative.reopen",
      entityType: "WeeklyNarrative",
      entityId: after.id,
      before,
      after,
    });
    return after;
  });
}
