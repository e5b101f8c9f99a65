import { z } from "zod";

export const reviewWeeklyReportSchema = z.object({
  programmeSlug: z.string().min(1),
  week: z.coerce.number().int().min(1, "Choose a week.").max(200, "Choose a week of the programme."),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").nullish().transform((s) => s || null),
});
export type ReviewWeeklyReportInput = z.input<typeof reviewWeeklyReportSchema>;
