import { z } from "zod";

export const createTokenSchema = z.object({
  programmeSlug: z.string().trim().min(1, "Name the programme (--programme <slug>)."),
  name: z
    .string()
    .trim()
    .min(2, "Give the token a name of at least 2 characters (--name <name>), e.g. the system that will use it.")
    .max(80, "Keep the token name under 80 characters."),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;

/** Creating a token in the app (Programme → API tokens): the same rule as the CLI's, with the form's wording. */
export const createProgrammeTokenSchema = z.object({
  programmeSlug: z.string().min(1),
  name: z
    .string()
    .trim()
    .min(2, "Give the token a name of at least 2 characters, e.g. the system that will use it.")
    .max(80, "Keep the token name under 80 characters."),
});
export type CreateProgrammeTokenInput = z.input<typeof createProgrammeTokenSchema>;

export const revokeTokenSchema = z.object({ programmeSlug: z.string().min(1), tokenId: z.string().uuid() });
export type RevokeTokenInput = z.input<typeof revokeTokenSchema>;
