import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { publishWeeklyNarrativeSchema, type PublishWeeklyNarrativeInput } from "../schemas";
import { assertNotPublished, assertReportWeek, lockNarrative, narrativeSelect } from "./narrative-state";

/**
 * The programme manager publishes the week's narrative: the text they have in front of them (sent with
 * the request, so what is published is exactly what a person read), after confirming that they checked
 * it against the week's figures (`checked`, required by the schema). Text that differs from the stored
 * draft records the publisher as its editor; Claude's draft published unchanged keeps editedBy empty,
 * so the record shows it went out as Claude wrote it. Only then does the narrative enter the report's
 * page for every member and its PDF.
 */
export async function publishWeeklyNarrative(actor: Actor, raw: PublishWeeklyNarrativeInput, now = new Date()) {
  const input = publishWeeklyNarrativeSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "report.narrate");
  const programmeId = access.programme.id;
  assertReportWeek(access.programme, input.week, now);
  return db.$transaction(async (tx) => {
    const before = await lockNarrative(tx, programmeId, input.week);
    assertNotPublished(before, "published again");
    const label = auditActor(actor).label;
    const editedBy = before && before.text === input.text ? before.editedBy : label;
    const data = { text: input.text, status: "PUBLISHED" as const, editedBy, publishedBy: label, publishedAt: now };
    const after = await tx.weeklyNarrative.upsert({
      where: { programmeId_week: { programmeId, week: input.week } },
      create: { programmeId, week: input.week, ...data },
      update: data,
      select: narrativeSelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "narrative.publish",
      entityType: "WeeklyNarrative",
      entityId: after.id,
      before,
      after,
    });
    return after;
  });
}
