import { z } from "zod";

import { DATA_SENSITIVITIES, USE_CASE_STATUSES } from "@/domain/enums";
import { SCORE_MAX, SCORE_MIN } from "@/domain/use-cases";

const programmeSlug = z.string().min(1);
/** Free text that may be left empty: blank becomes null. */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((s) => s || null);
const score = (what: string) =>
  z
    .number({ error: `Score the ${what} from ${SCORE_MIN} to ${SCORE_MAX}.` })
    .int(`Score the ${what} with a whole number from ${SCORE_MIN} to ${SCORE_MAX}.`)
    .min(SCORE_MIN, `Score the ${what} from ${SCORE_MIN} to ${SCORE_MAX}.`)
    .max(SCORE_MAX, `Score the ${what} from ${SCORE_MIN} to ${SCORE_MAX}.`);

/**
 * A use case's own fields, shared by the form, the actions and the CSV import (where the owner is
 * named by email instead of chosen from the members).
 */
export const useCaseFields = z.object({
  title: z.string().trim().min(3, "Give the use case a title of at least 3 characters.").max(200, "Keep the title under 200 characters."),
  businessFunction: z
    .string()
    .trim()
    .min(2, "Name the business function it serves.")
    .max(120, "Keep the business function under 120 characters."),
  description: z
    .string()
    .trim()
    .max(4000, "Keep the description under 4,000 characters.")
    .nullish()
    .transform((s) => s ?? ""),
  businessValue: score("business value"),
  complexity: score("implementation complexity"),
  successCriteria: optionalText(2000, "Keep the success criteria under 2,000 characters."),
  businessSponsor: optionalText(120, "Keep the sponsor's name under 120 characters."),
  ownerId: z.string().uuid("Choose an owner from the members.").nullable(),
  claudeProduct: optionalText(120, "Keep the Claude product under 120 characters."),
  model: optionalText(120, "Keep the model under 120 characters."),
  dataSensitivity: z.enum(DATA_SENSITIVITIES, { error: "Choose the data sensitivity: public, internal, confidential or restricted." }),
});

export const createUseCaseSchema = useCaseFields.extend({ programmeSlug });
export type CreateUseCaseInput = z.input<typeof createUseCaseSchema>;

export const updateUseCaseSchema = useCaseFields.extend({ programmeSlug, useCaseId: z.string().uuid() });
export type UpdateUseCaseInput = z.input<typeof updateUseCaseSchema>;

export const changeUseCaseStatusSchema = z.object({
  programmeSlug,
  useCaseId: z.string().uuid(),
  status: z.enum(USE_CASE_STATUSES, { error: "Choose a status." }),
});
export type ChangeUseCaseStatusInput = z.input<typeof changeUseCaseStatusSchema>;

/** One CSV row: the same fields, the owner by member email, and an optional starting status. */
export const useCaseCsvRowSchema = useCaseFields.omit({ ownerId: true }).extend({
  ownerEmail: z
    .string()
    .trim()
    .toLowerCase()
    .email("The owner email is not a valid email address.")
    .nullish()
    .transform((s) => s || null),
  status: z.enum(USE_CASE_STATUSES, { error: `Status must be one of ${USE_CASE_STATUSES.join(", ")}.` }).default("CANDIDATE"),
});
export type UseCaseCsvRow = z.output<typeof useCaseCsvRowSchema>;

export const MAX_IMPORT_CHARS = 500_000;
export const MAX_IMPORT_ROWS = 500;

export const importUseCasesSchema = z.object({
  programmeSlug,
  csv: z.string().min(1, "Choose a CSV file.").max(MAX_IMPORT_CHARS, "The file is too large: import at most 500 KB at a time."),
});
export type ImportUseCasesInput = z.input<typeof importUseCasesSchema>;

/** The inventory's filters, from the page's URL search params; anything unknown is ignored. */
export const useCaseFiltersSchema = z.object({
  status: z.enum(USE_CASE_STATUSES).optional().catch(undefined),
  fn: z
    .string()
    .trim()
    .max(120)
    .optional()
    .catch(undefined)
    .transform((s) => s || undefined),
  owner: z
    .union([z.literal("unowned"), z.string().uuid()])
    .optional()
    .catch(undefined),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((s) => s || undefined),
});
export type UseCaseFilters = z.output<typeof useCaseFiltersSchema>;
