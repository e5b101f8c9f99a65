"use server";

import { programmeAction } from "@/server/action-client";

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

const week = (r: { week: number }) => ({ week: r.week });

// The operation authorizes the signed-in sponsor (report.review) against the database.
export const reviewWeeklyReportAction = programmeAction(reviewWeeklyReportSchema, reviewWeeklyReport, { result: week });

// The narrative's operations authorize the signed-in programme manager (report.narrate) against the database.
export const draftWeeklyNarrativeAction = programmeAction(draftWeeklyNarrativeSchema, draftWeeklyNarrative, {
  result: (r) => ({ week: r.week, cut: r.cut }),
});
export const saveWeeklyNarrativeAction = programmeAction(saveWeeklyNarrativeSchema, saveWeeklyNarrative, { result: week });
export const publishWeeklyNarrativeAction = programmeAction(publishWeeklyNarrativeSchema, publishWeeklyNarrative, { result: week });
export const reopenWeeklyNarrativeAction = programmeAction(reopenWeeklyNarrativeSchema, reopenWeeklyNarrative, { result: week });
