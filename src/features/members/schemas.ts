import { z } from "zod";

import { REVIEW_FUNCTIONS, ROLES } from "@/domain/enums";
import { membershipProblems } from "@/domain/permissions";
import { ONE_TIME_TOKEN_PATTERN } from "@/server/auth/one-time-token-pattern";
import { newPasswordSchema } from "@/server/auth/password-schema";

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

/** Resend or revoke one open invitation of the programme. */
export const invitationActionSchema = z.object({ programmeSlug: z.string().min(1), invitationId: z.string().uuid() });
export type InvitationActionInput = z.input<typeof invitationActionSchema>;

/** The invitation page's form: the link's token, the invitee's name (pre-filled with what the inviter typed) and a password. */
export const acceptInvitationSchema = z.object({
  token: z.string().regex(ONE_TIME_TOKEN_PATTERN, "This invitation link is not valid."),
  name: z.string().trim().min(1, "Enter your name.").max(120, "Keep the name under 120 characters."),
  password: newPasswordSchema,
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;
