"use server";

import { revalidatePath } from "next/cache";

import { authedAction } from "@/server/action-client";

import {
  draftWeeklyNarrativeSchema,
  publishWeeklyNarrativeSchema,
  reopenWeeklyNarrativeSchema,
  reviewWeeklyReportSchema,
  saveWeeklyNarrativeSchema,
} from "./schemas";
import { draftWeeklyNarrative } from "./server/draft-weekly-narrative";
import { publishWeeklyNarrative } from "./server/publish-weekly-narrative";
import { reopenWeeklyNarrative } from "./server/reopen-weekly-narrative";
import { reviewWeeklyReport } from "./server/review-weekly-report";
import { saveWeeklyNarrative } from "./server/save-weekly-narrative";

const refresh = (slug: string) => revalidatePath(`/programmes/${slug}`, "layout");

// The operation authorizes the signed-in sponsor (report.review) against the database.
export const reviewWeeklyReportAction = authedAction.inputSchema(reviewWeeklyReportSchema).action(async ({ parsedInput, ctx }) => {
  const r = await reviewWeeklyReport(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return { week: r.week };
});

// The narrative's operations authorize the signed-in programme manager (report.narrate) against the database.
export const draftWeeklyNarrativeAction = authedAction.inputSchema(draftWeeklyNarrativeSchema).action(async ({ parsedInput, ctx }) => {
  const r = await draftWeeklyNarrative(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return { week: r.week, cut: r.cut };
});

export const saveWeeklyNarrativeAction = authedAction.inputSchema(saveWeeklyNarrativeSchema).action(async ({ parsedInput, ctx }) => {
  const r = await saveWeeklyNarrative(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return { week: r.week };
});

export const publishWeeklyNarrativeAction = authedAction.inputSchema(publishWeeklyNarrativeSchema).action(async ({ parsedInput, ctx }) => {
  const r = await publishWeeklyNarrative(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return { week: r.week };
});

export const reopenWeeklyNarrativeAction = authedAction.inputSchema(reopenWeeklyNarrativeSchema).action(async ({ parsedInput, ctx }) => {
  const r = await reopenWeeklyNarrative(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return { week: r.week };
});
