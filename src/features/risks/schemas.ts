import { z } from "zod";

import { LEVELS, RISK_STATUSES } from "@/domain/enums";
import { optionalCalendarDate } from "@/domain/input";

const isoDateOrBlank = optionalCalendarDate({ format: "Enter a real date." });

const riskFields = {
  title: z.string().trim().min(3, "Describe the risk in at least 3 characters.").max(200, "Keep the title under 200 characters."),
  probability: z.enum(LEVELS, { error: "Choose a probability." }),
  impact: z.enum(LEVELS, { error: "Choose an impact." }),
  consequence: z.string().trim().min(3, "Say what happens if it occurs.").max(1000, "Keep the consequence under 1,000 characters."),
  mitigation: z.string().trim().min(3, "Say how the risk is mitigated.").max(2000, "Keep the mitigation under 2,000 characters."),
  ownerId: z.string().uuid().nullable(),
  status: z.enum(RISK_STATUSES, { error: "Choose a status." }),
  /** The next review, YYYY-MM-DD; blank for none. */
  reviewDate: isoDateOrBlank,
};

export const createRiskSchema = z.object({ programmeSlug: z.string().min(1), ...riskFields });
export type CreateRiskInput = z.input<typeof createRiskSchema>;

export const updateRiskSchema = z.object({ programmeSlug: z.string().min(1), riskId: z.string().uuid(), ...riskFields });
export type UpdateRiskInput = z.input<typeof updateRiskSchema>;

/** The register's filters, from the page's query string: a heat-map cell, or a flag. Anything else is ignored. */
export const riskFilterSchema = z.object({
  probability: z.enum(LEVELS).optional().catch(undefined),
  impact: z.enum(LEVELS).optional().catch(undefined),
  flag: z.enum(["unowned", "overdue"]).optional().catch(undefined),
});
export type RiskFilter = z.output<typeof riskFilterSchema>;
