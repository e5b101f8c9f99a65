import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { claudeConfigFromEnv, ClaudeRequestError, createMessage, type ClaudeConfig } from "@/server/claude/client";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { NARRATIVE_MAX_CHARS, NARRATIVE_MAX_TOKENS, NARRATIVE_MODEL, NARRATIVE_SYSTEM_PROMPT, weeklyReportFacts } from "../narrative";
import { draftWeeklyNarrativeSchema, type DraftWeeklyNarrativeInput } from "../schemas";
import { getWeeklyReport } from "./get-weekly-report";
import { assertMayRedraft, assertReportWeek, lockNarrative, narrativeSelect } from "./narrative-state";

export const NO_KEY_FOR_NARRATIVE_MESSAGE = "No Anthropic API key is configured, so Claude cannot draft the narrative; write it by hand.";

/**
 * The programme manager asks Claude for a draft of week N's narrative: the week's facts (from the
 * weekly report) go to the Messages API with a system prompt asking for a short factual narrative, and
 * the reply is stored as DRAFTED with the model's name, until a person edits and publishes it.
 *
 * Refused before calling Claude, and again under the week's lock: over a published narrative (reopen
 * it first), or over a person's text unless `replace`. Nothing is stored when the call fails.
 */
export async function draftWeeklyNarrative(
  actor: Actor,
  raw: DraftWeeklyNarrativeInput,
  config: ClaudeConfig | null = claudeConfigFromEnv(),
  now = new Date(),
) {
  const input = draftWeeklyNarrativeSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "report.narrate");
  const programmeId = access.programme.id;
  if (!config) throw new RuleError(NO_KEY_FOR_NARRATIVE_MESSAGE);
  assertReportWeek(access.programme, input.week, now);
  const report = await getWeeklyReport(actor, input.programmeSlug, input.week, now);
  assertMayRedraft(
    await db.weeklyNarrative.findUnique({ where: { programmeId_week: { programmeId, week: input.week } }, select: narrativeSelect }),
    input.replace,
  );

  const facts = weeklyReportFacts({ ...report, programme: access.programme }, now);
  const reply = await createMessage(
    config,
    { model: NARRATIVE_MODEL, system: NARRATIVE_SYSTEM_PROMPT, user: facts, maxTokens: NARRATIVE_MAX_TOKENS },
    { task: "draft the narrative", fallback: "write it by hand" },
  );
  const text = reply.text.trim().slice(0, NARRATIVE_MAX_CHARS);
  if (!text)
    throw new ClaudeRequestError("Claude returned an empty draft. Try again, or write the narrative by hand.", null, null, reply.requestId);

  return db.$transaction(async (tx) => {
    const before = await lockNarrative(tx, programmeId, input.week);
    assertMayRedraft(before, input.replace);
    const data = {
      text,
      status: "DRAFTED" as const,
      draftedByModel: reply.model || NARRATIVE_MODEL,
      draftedAt: now,
      editedBy: null,
      publishedBy: null,
      publishedAt: null,
    };
    const after = await tx.weeklyNarrative.upsert({
      where: { programmeId_week: { programmeId, week: input.week } },
      create: { programmeId, week: input.week, ...data },
      update: data,
      select: narrativeSelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "narrative.draft",
      entityType: "WeeklyNarrative",
      entityId: after.id,
      before,
      after: {
        ...after,
        claude: {
          requestId: reply.requestId,
          stopReason: reply.stopReason,
          inputTokens: reply.usage.inputTokens,
          outputTokens: reply.usage.outputTokens,
        },
      },
    });
    return { ...after, cut: reply.stopReason === "max_tokens" };
  });
}
