import { z } from "zod";

const programmeSlug = z.string().min(1);

/** Starts the next version of the acceptable use policy as a draft (from the latest version's text). */
export const createPolicyDraftSchema = z.object({ programmeSlug });
export type CreatePolicyDraftInput = z.input<typeof createPolicyDraftSchema>;

export const updatePolicyDraftSchema = z.object({
  programmeSlug,
  versionId: z.string().uuid(),
  body: z
    .string()
    .max(100_000, "Keep the policy under 100,000 characters.")
    .refine((s) => s.trim().length > 0, "Write the policy (Markdown)."),
});
export type UpdatePolicyDraftInput = z.input<typeof updatePolicyDraftSchema>;

export const publishPolicyVersionSchema = z.object({ programmeSlug, versionId: z.string().uuid() });
export type PublishPolicyVersionInput = z.input<typeof publishPolicyVersionSchema>;
