import { z } from "zod";

import { STANCES } from "@/domain/enums";

/** Free text that may be left empty: blank becomes null. */
const optionalLine = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((s) => s || null);
const longText = (tooLong: string) =>
  z
    .string()
    .trim()
    .max(4000, tooLong)
    .nullish()
    .transform((s) => s ?? "");

export const updateStakeholderSchema = z.object({
  programmeSlug: z.string().min(1),
  stakeholderId: z.string().uuid(),
  personName: optionalLine(120, "Keep the name under 120 characters."),
  personTitle: optionalLine(120, "Keep the title under 120 characters."),
  relationshipOwnerId: z.string().uuid().nullable(),
  concerns: longText("Keep the concerns under 4,000 characters."),
  engagementPlan: longText("Keep the engagement plan under 4,000 characters."),
  stance: z.enum(STANCES, { error: "Choose a stance." }),
  engageByWeek: z.coerce
    .number({ error: "Enter the week to engage them by." })
    .int("Enter a whole week number.")
    .min(1, "Week 1 at the earliest.")
    .max(13, "Week 13 at the latest: the plan has 13 weeks."),
});
export type UpdateStakeholderInput = z.input<typeof updateStakeholderSchema>;
