import { z } from "zod";

import { COHORT_KINDS, PILOT_TAGS, ROLLBACK_TEST_RESULTS, THRESHOLD_METRICS, TRIGGER_METRICS } from "@/domain/cohorts";
import { calendarDate, optionalCalendarDate } from "@/domain/input";

const programmeSlug = z.string().min(1);
const cohortId = z.string().uuid("Choose a cohort.");

/** A number typed into a form (a string) or sent as a number. */
const number = (message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
    z.number({ error: message }).finite(message),
  );

export const saveCohortSchema = z
  .object({
    programmeSlug,
    /** Absent: a new cohort, added after the last one. */
    cohortId: cohortId.optional(),
    name: z.string().trim().min(2, "Name the cohort in at least 2 characters.").max(80, "Keep the name under 80 characters."),
    kind: z.enum(COHORT_KINDS, { error: "Choose people or traffic share." }),
    plannedSeats: number("Enter the planned seats as a whole number.")
      .pipe(z.number().int("Enter the planned seats as a whole number.").min(1, "Plan at least 1 seat.").max(10_000_000))
      .optional(),
    trafficSharePct: number("Enter the traffic share in percent.")
      .pipe(z.number().gt(0, "The traffic share is above 0%.").max(100, "The traffic share is at most 100%."))
      .optional(),
    plannedGoLive: optionalCalendarDate({ format: "Enter a real date." }),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "PEOPLE" && v.plannedSeats === undefined)
      ctx.addIssue({ code: "custom", path: ["plannedSeats"], message: "A people cohort needs its planned seats." });
    if (v.kind === "TRAFFIC" && v.trafficSharePct === undefined)
      ctx.addIssue({ code: "custom", path: ["trafficSharePct"], message: "A traffic cohort needs its traffic share." });
  });
export type SaveCohortInput = z.input<typeof saveCohortSchema>;

/** Targets and limits are entered as the pages show them: shares in percent, costs in USD, days as days. */
export const setThresholdSchema = z.object({
  programmeSlug,
  cohortId,
  metric: z.enum(THRESHOLD_METRICS, { error: "Choose a measured figure." }),
  /** Blank removes the threshold. */
  target: number("Enter the target as a number.").pipe(z.number().min(0, "The target cannot be negative.").max(1_000_000)).optional(),
});
export type SetThresholdInput = z.input<typeof setThresholdSchema>;

export const setTriggerSchema = z.object({
  programmeSlug,
  cohortId,
  metric: z.enum(TRIGGER_METRICS, { error: "Choose what to watch." }),
  /** Blank removes the trigger. */
  limit: number("Enter the limit as a number.").pipe(z.number().min(0, "The limit cannot be negative.").max(1_000_000)).optional(),
});
export type SetTriggerInput = z.input<typeof setTriggerSchema>;

export const importCohortPeopleSchema = z.object({
  programmeSlug,
  cohortId,
  /** CSV text: one person per line (email or pseudonymous id), optionally a second column "early adopter" or "sceptic". Blank with fromUsage. */
  csv: z.string().max(2_000_000, "The file is over 2 MB.").default(""),
  /** Take the people whose usage events name this cohort. */
  fromUsage: z.boolean().default(false),
});
export type ImportCohortPeopleInput = z.input<typeof importCohortPeopleSchema>;

export const tagPersonSchema = z.object({
  programmeSlug,
  cohortId,
  userRef: z.string().trim().min(1).max(200),
  tag: z.enum(PILOT_TAGS).nullable(),
});
export type TagPersonInput = z.input<typeof tagPersonSchema>;

export const cohortStatusChangeSchema = z.object({
  programmeSlug,
  cohortId,
  action: z.enum(["goLive", "pause", "complete", "rollBack"]),
  /** Rolling back: why (optional). */
  note: z.string().trim().max(2000).optional(),
});
export type CohortStatusChangeInput = z.input<typeof cohortStatusChangeSchema>;

export const resolveAlertSchema = z
  .object({
    programmeSlug,
    alertId: z.string().uuid(),
    resolution: z.enum(["rollBack", "accept"]),
    reason: z.string().trim().max(2000, "Keep the reason under 2,000 characters.").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.resolution === "accept" && v.reason.length < 10)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Accepting needs a written reason (at least 10 characters)." });
  });
export type ResolveAlertInput = z.input<typeof resolveAlertSchema>;

export const saveRollbackPlanSchema = z.object({
  programmeSlug,
  procedure: z.string().trim().max(20_000, "Keep the procedure under 20,000 characters."),
  targetMinutes: number("Enter the target time in minutes.").pipe(z.number().int().min(1).max(100_000)).optional(),
  /** Membership ids; none means the programme managers. */
  authorityIds: z.array(z.string().uuid()).max(50).default([]),
});
export type SaveRollbackPlanInput = z.input<typeof saveRollbackPlanSchema>;

export const addRollbackTestSchema = z.object({
  programmeSlug,
  testedOn: calendarDate({ required: "Enter the date of the test.", format: "Enter a real date." }),
  environment: z.string().trim().min(2, "Name the environment (e.g. staging).").max(80),
  durationMinutes: number("Enter how long it took, in minutes.").pipe(z.number().int("Whole minutes.").min(0).max(100_000)),
  result: z.enum(ROLLBACK_TEST_RESULTS, { error: "Choose passed or failed." }),
  notes: z.string().trim().max(2000).default(""),
});
export type AddRollbackTestInput = z.input<typeof addRollbackTestSchema>;
