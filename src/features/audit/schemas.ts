import { z } from "zod";

import { optionalCalendarDate } from "@/domain/input";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => s || undefined);

/** The audit page's filters, from its query string (every one optional; `before` pages back by seq). */
export const auditFilterSchema = z.object({
  actor: z
    .union([z.literal("none"), z.string().uuid("Choose a person from the list.")])
    .optional()
    .catch(undefined),
  type: optionalText(60),
  action: optionalText(60),
  gate: z.string().uuid().optional().catch(undefined),
  from: optionalCalendarDate({ format: "Write the start date as YYYY-MM-DD.", invalid: "The start date is not a real day." }),
  to: optionalCalendarDate({ format: "Write the end date as YYYY-MM-DD.", invalid: "The end date is not a real day." }),
  before: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});
export type AuditFilterInput = z.input<typeof auditFilterSchema>;
export type AuditFilters = z.output<typeof auditFilterSchema>;
