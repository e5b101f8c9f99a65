"use server";

import { revalidatePath } from "next/cache";
import { reviewWeeklyReportSchema } from "./schemas";
import { reviewWeeklyReport } from "./server/review-weekly-report";
import { authedAction } from "@/server/action-client";

// The operation authorizes the signed-in sponsor (report.review) against the database.
export const reviewWeeklyReportAction = authedAction.inputSchema(reviewWeeklyReportSchema).action(async ({ parsedInput, ctx }) => {
  const r = await reviewWeeklyReport(ctx.user, parsedInput);
  revalidatePath(`/programmes/${parsedInput.programmeSlug}`, "layout");
  return { week: r.week };
});
