import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { saveWeeklyNarrativeSchema, type SaveWeeklyNarrativeInput } from "../schemas";
import { assertNotPublished, assertReportWeek, lockNarrative, narrativeSelect } from "./narrative-state";

/**
 * The programme manager saves the week's narrative: Claude's draft edited, or text written by hand.
 * It records who edited it and stays a draft (published only by publishWeeklyNarrative). Saving the
 * same text again changes nothing. A published narrative is reopened as a draft before it is edited.
 */
export async function saveWeeklyNarrative(actor: Actor, raw: SaveWeeklyNarrativeInput, now = new Date()) {
  const input = saveWeeklyNarrativeSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "report.narrate");
  const programmeId = access.programme.id;
  assertReportWeek(access.programme, input.week, now);
  return db.$transaction(async (tx) => {
    const before = await lockNarrative(tx, programmeId, input.week);
    assertNotPublished(before, "edited");
    if (before && before.text === input.text) return before;
    const editedBy = auditActor(actor).label;
    const after = await tx.weeklyNarrative.upsert({
      where: { programmeId_week: { programmeId, week: input.week } },
      create: { programmeId, week: input.week, text: input.text, status: "DRAFTED", editedBy },
      update: { text: input.text, status: "DRAFTED", editedBy },
      select: narrativeSelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "narrative.update",
      entityType: "WeeklyNarrative",
      entityId: after.id,
      before,
      after,
    });
    return after;
  });
}
