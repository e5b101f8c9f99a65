import { z } from "zod";

import { MILESTONE_STATUSES, PHASE_KEYS } from "@/domain/enums";
import { calendarDate } from "@/domain/input";

const programmeSlug = z.string().min(1);
const dueDate = calendarDate({
  required: "Enter the due date.",
  format: "Write the due date as YYYY-MM-DD.",
  invalid: "The due date is not a real day.",
  range: "The due date must be between 2000 and 2100.",
});
const ownerId = z.string().uuid().nullable();

export const updateMilestoneSchema = z.object({
  programmeSlug,
  milestoneId: z.string().uuid(),
  status: z.enum(MILESTONE_STATUSES, { error: "Choose a status." }),
  ownerId,
  /** Absent: the due date stays. */
  dueDate: dueDate.optional(),
});
export type UpdateMilestoneInput = z.input<typeof updateMilestoneSchema>;

const text = (what: string, max: number) =>
  z
    .string({ error: `Enter the ${what}.` })
    .trim()
    .min(2, `Enter the ${what}.`)
    .max(max, `Keep the ${what} under ${max} characters.`);

export const createMilestoneSchema = z.object({
  programmeSlug,
  title: text("milestone's name", 160),
  deliverable: text("deliverable", 500),
  phase: z.enum(PHASE_KEYS, { error: "Choose a phase." }),
  dueDate,
  ownerId,
});
export type CreateMilestoneInput = z.input<typeof createMilestoneSchema>;

export const deleteMilestoneSchema = z.object({ programmeSlug, milestoneId: z.string().uuid() });
export type DeleteMilestoneInput = z.input<typeof deleteMilestoneSchema>;
