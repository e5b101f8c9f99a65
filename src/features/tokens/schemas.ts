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
