import { z } from "zod";

import { MILESTONE_STATUSES } from "@/domain/enums";

export const updateMilestoneSchema = z.object({
  programmeSlug: z.string().min(1),
  milestoneId: z.string().uuid(),
  status: z.enum(MILESTONE_STATUSES, { error: "Choose a status." }),
  ownerId: z.string().uuid().nullable(),
});
export type UpdateMilestoneInput = z.input<typeof updateMilestoneSchema>;
