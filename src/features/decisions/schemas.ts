import { z } from "zod";

const text = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((s) => s ?? "");

/** The playbook's fields of an Architecture Decision Record. */
const decisionFields = {
  title: z.string().trim().min(3, "Give the decision a title of at least 3 characters.").max(200, "Keep the title under 200 characters."),
  claudeProduct: z
    .string()
    .trim()
    .min(2, "Name the Claude product: API, Cowork or Claude Code.")
    .max(200, "Keep the product under 200 characters."),
  models: text(4000, "Keep the models under 4,000 characters."),
  dataFlows: text(8000, "Keep the data flows under 8,000 characters."),
  integrationPoints: text(8000, "Keep the integration points under 8,000 characters."),
  failureModes: text(8000, "Keep the failure modes under 8,000 characters."),
};

export const createDecisionSchema = z.object({ programmeSlug: z.string().min(1), ...decisionFields });
export type CreateDecisionInput = z.input<typeof createDecisionSchema>;

export const updateDecisionSchema = z.object({ programmeSlug: z.string().min(1), decisionId: z.string().uuid(), ...decisionFields });
export type UpdateDecisionInput = z.input<typeof updateDecisionSchema>;

export const acceptDecisionSchema = z.object({ programmeSlug: z.string().min(1), decisionId: z.string().uuid() });
export type AcceptDecisionInput = z.input<typeof acceptDecisionSchema>;

export const supersedeDecisionSchema = z.object({
  programmeSlug: z.string().min(1),
  decisionId: z.string().uuid(),
  successorId: z.string({ error: "Choose the record that supersedes it." }).uuid("Choose the record that supersedes it."),
});
export type SupersedeDecisionInput = z.input<typeof supersedeDecisionSchema>;
