import { z } from "zod";

import { REVIEW_FUNCTIONS, ROLES } from "@/domain/enums";
import { membershipProblems } from "@/domain/permissions";

const rolesAndFunctions = z.object({
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  functions: z.array(z.enum(REVIEW_FUNCTIONS)).max(REVIEW_FUNCTIONS.length),
});

function checkShape(v: z.infer<typeof rolesAndFunctions>, ctx: z.RefinementCtx) {
  for (const p of membershipProblems(v.roles, v.functions)) ctx.addIssue({ code: "custom", path: [p.field], message: p.message });
}

export const addMemberSchema = rolesAndFunctions
  .extend({
    programmeSlug: z.string().min(1),
    email: z.string().trim().toLowerCase().min(1, "Enter their email address.").email("Enter a valid email address."),
    name: z.string().trim().max(120, "Keep the name under 120 characters.").optional(),
  })
  .superRefine(checkShape);
export type AddMemberInput = z.input<typeof addMemberSchema>;

export const updateMemberSchema = rolesAndFunctions
  .extend({ programmeSlug: z.string().min(1), membershipId: z.string().uuid() })
  .superRefine(checkShape);
export type UpdateMemberInput = z.input<typeof updateMemberSchema>;

export const removeMemberSchema = z.object({ programmeSlug: z.string().min(1), membershipId: z.string().uuid() });
export type RemoveMemberInput = z.input<typeof removeMemberSchema>;
