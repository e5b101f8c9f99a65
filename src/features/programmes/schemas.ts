import { z } from "zod";

import { calendarDateOf, daysBetween, isCalendarDate } from "@/domain/dates";
import { DEPLOYMENT_KINDS } from "@/domain/enums";
import { calendarDate, isSingleLine } from "@/domain/input";

export const RESERVED_SLUGS = ["new", "api", "admin", "settings", "signin", "signout", "reviews"] as const;

export const slugSchema = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens (e.g. acme-rollout).")
  .refine((s) => !(RESERVED_SLUGS as readonly string[]).includes(s), "This address is reserved; choose another.");

export const createProgrammeSchema = z.object({
  name: z
    .string()
    .trim()
    .min(3, "Give the programme a name of at least 3 characters.")
    .max(120, "Keep the name under 120 characters.")
    .refine(isSingleLine, "Keep the name on one line (no line breaks or control characters)."),
  organisation: z
    .string()
    .trim()
    .min(2, "Name the organisation.")
    .max(120, "Keep the organisation under 120 characters.")
    .refine(isSingleLine, "Keep the organisation on one line (no line breaks or control characters)."),
  slug: slugSchema,
  startDate: calendarDate().refine(
    (s) => !isCalendarDate(s) || Math.abs(daysBetween(calendarDateOf(new Date()), s)) < 2 * 365,
    "Day 1 must be within two years of today.",
  ),
  licensedSeats: z.coerce
    .number({ error: "Enter the number of licensed seats." })
    .int("Seats are a whole number.")
    .min(1, "At least one licensed seat.")
    .max(1_000_000, "At most 1,000,000 seats."),
  deploymentKind: z.enum(DEPLOYMENT_KINDS, { error: "Choose how Claude is deployed." }),
});
export type CreateProgrammeInput = z.input<typeof createProgrammeSchema>;

/** Suggests a URL slug from a programme name ("Acme Financial — Claude rollout" → "acme-financial-claude-rollout"). */
export function suggestSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
}
