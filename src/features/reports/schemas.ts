import { z } from "zod";

export const reviewWeeklyReportSchema = z.object({
  programmeSlug: z.string().min(1),
  week: z.coerce.number().int().min(1, "Choose a week.").max(200, "Choose a week of the programme."),
  note: z
    .string()
    .trim()
    .max(2000, "Keep the note under 2,000 characters.")
    .nullish()
    .transform((s) => s || null),
});
export type ReviewWeeklyReportInput = z.input<typeof reviewWeeklyReportSchema>;

const programmeSlug = z.string().min(1);
const week = z.coerce.number().int().min(1, "Choose a week.").max(200, "Choose a week of the programme.");
const narrativeText = z.string().trim().min(1, "Write the narrative.").max(10_000, "Keep the narrative under 10,000 characters.");

/**
 * Claude drafts the week's narrative. Replacing a person's text (a narrative someone wrote or edited)
 * needs `replace: true`; a published narrative is never replaced: reopen it as a draft first.
 */
export const draftWeeklyNarrativeSchema = z.object({ programmeSlug, week, replace: z.boolean().default(false) });
export type DraftWeeklyNarrativeInput = z.input<typeof draftWeeklyNarrativeSchema>;

/** A person saves the narrative's text (written or edited by hand); it stays a draft. */
export const saveWeeklyNarrativeSchema = z.object({ programmeSlug, week, text: narrativeText });
export type SaveWeeklyNarrativeInput = z.input<typeof saveWeeklyNarrativeSchema>;

/** A person publishes the text they see, after confirming they checked it against the week's figures. */
export const publishWeeklyNarrativeSchema = z.object({
  programmeSlug,
  week,
  text: narrativeText,
  checked: z.literal(true, { message: "Confirm that you checked the narrative against this week's figures." }),
});
export type PublishWeeklyNarrativeInput = z.input<typeof publishWeeklyNarrativeSchema>;

/** Takes a published narrative back to draft (out of the report and its PDF until published again). */
export const reopenWeeklyNarrativeSchema = z.object({ programmeSlug, week });
export type ReopenWeeklyNarrativeInput = z.input<typeof reopenWeeklyNarrativeSchema>;
