import { z } from "zod";

import { modelMixProblems } from "@/domain/costs";
import { calendarDate } from "@/domain/input";

const programmeSlug = z.string().min(1);
const id = z.string().uuid();

const isoDate = calendarDate();

/** A blank form field is missing, not zero. */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A whole number in a range, from a form field or JSON. */
const count = (what: string, max: number, min = 0) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `Enter ${what}.` })
      .refine(Number.isFinite, `Enter ${what}.`)
      .pipe(
        z
          .number()
          .int(`Enter ${what} as a whole number.`)
          .min(min, min === 0 ? `Enter ${what} (0 or more).` : `Enter ${what} (at least ${min}).`)
          .max(max, `At most ${max.toLocaleString("en-US")}.`),
      ),
  );

/** A non-negative number (money, rates), from a form field or JSON. */
const amount = (what: string, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `Enter ${what}.` })
      .refine(Number.isFinite, `Enter ${what}.`)
      .pipe(
        z
          .number()
          .min(0, `Enter ${what} (0 or more).`)
          .max(max, `At most ${max.toLocaleString("en-US")}.`),
      ),
  );

/** A share between 0 and 1 (0.25 = 25%). */
const share = (what: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `Enter ${what} between 0 and 1.` })
      .refine(Number.isFinite, `Enter ${what} between 0 and 1.`)
      .pipe(
        z
          .number()
          .min(0, `${capitalise(what)} must be between 0 and 1.`)
          .max(1, `${capitalise(what)} must be between 0 and 1 (0.25 = 25%).`),
      ),
  );

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// --- Price table -------------------------------------------------------------------------------

const perMTok = (what: string) => amount(`the ${what} price per million tokens`, 10_000);

const priceFields = z.object({
  label: z.string().trim().min(2, "Give the model a label.").max(120, "Keep the label under 120 characters."),
  inputPerMTok: perMTok("input"),
  cacheWrite5mPerMTok: perMTok("5-minute cache write"),
  cacheWrite1hPerMTok: perMTok("1-hour cache write"),
  cacheReadPerMTok: perMTok("cache read"),
  outputPerMTok: perMTok("output"),
  batchDiscountPct: count("the batch discount in percent", 100),
});

export const updatePriceSchema = priceFields.extend({ programmeSlug, priceId: id });
export type UpdatePriceInput = z.input<typeof updatePriceSchema>;

export const addPriceSchema = priceFields.extend({
  programmeSlug,
  model: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, "Enter the model id, e.g. claude-sonnet-4-6.")
    .max(100, "Keep the model id under 100 characters.")
    .regex(
      /^[a-z0-9][a-z0-9._:>-]*$/,
      "Use the model id as Anthropic writes it: lowercase letters, digits, dots and hyphens (e.g. claude-sonnet-4-6).",
    ),
  effectiveFrom: isoDate,
});
export type AddPriceInput = z.input<typeof addPriceSchema>;

// --- Scenarios ---------------------------------------------------------------------------------

export const modelShareSchema = z.object({
  model: z.string().trim().min(1, "Choose a model.").max(100),
  share: share("the model's share"),
});

/** A stored scenario's model mix (JSON column), read back. */
export const storedModelMixSchema = z.array(z.object({ model: z.string(), share: z.number() }));

const scenarioFields = z.object({
  name: z.string().trim().min(2, "Name the scenario.").max(120, "Keep the name under 120 characters."),
  users: count("the number of users", 10_000_000),
  tasksPerUserPerDay: amount("tasks per user per day", 10_000),
  workingDaysPerMonth: count("working days a month", 31, 1),
  inputTokensPerTask: count("input tokens per task", 10_000_000),
  outputTokensPerTask: count("output tokens per task", 1_000_000),
  cacheHitRate: share("the cache hit rate"),
  modelMix: z.array(modelShareSchema).max(20, "At most 20 models in a mix."),
  batchShare: share("the batch share"),
  seats: count("the number of seats", 10_000_000),
  seatPricePerMonth: amount("the seat price a month", 100_000),
  engineeringCostPerMonth: amount("the engineering cost a month", 100_000_000),
  changeMgmtCostPerMonth: amount("the change-management cost a month", 100_000_000),
  supportCostPerMonth: amount("the support cost a month", 100_000_000),
  /** How the token counts were obtained, when measured ("count_tokens, claude-sonnet-4-6, 21 Nov 2026"). */
  tokensMeasuredWith: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((s) => s || null),
});

function checkMix(v: { modelMix: { model: string; share: number }[] }, ctx: z.RefinementCtx) {
  for (const p of modelMixProblems(v.modelMix))
    ctx.addIssue({ code: "custom", path: p.index === undefined ? ["modelMix"] : ["modelMix", p.index, "model"], message: p.message });
}

export const createScenarioSchema = scenarioFields.extend({ programmeSlug }).superRefine(checkMix);
export type CreateScenarioInput = z.input<typeof createScenarioSchema>;

export const updateScenarioSchema = scenarioFields.extend({ programmeSlug, scenarioId: id }).superRefine(checkMix);
export type UpdateScenarioInput = z.input<typeof updateScenarioSchema>;

export const deleteScenarioSchema = z.object({ programmeSlug, scenarioId: id });
export type DeleteScenarioInput = z.input<typeof deleteScenarioSchema>;

// --- Token counting ----------------------------------------------------------------------------

export const measureTokensSchema = z.object({
  programmeSlug,
  model: z.string().trim().min(1, "Choose the model to count with.").max(100),
  system: z
    .string()
    .max(400_000, "Keep the system prompt under 400,000 characters.")
    .nullish()
    .transform((s) => (s?.trim() ? s : null)),
  prompt: z
    .string()
    .max(400_000, "Keep the sample prompt under 400,000 characters.")
    .refine((s) => s.trim().length > 0, "Paste a sample prompt: a typical task's input."),
  sampleResponse: z
    .string()
    .max(400_000, "Keep the sample response under 400,000 characters.")
    .nullish()
    .transform((s) => (s?.trim() ? s : null)),
});
export type MeasureTokensInput = z.input<typeof measureTokensSchema>;

// --- Budget ------------------------------------------------------------------------------------

export const approveBudgetSchema = z.object({
  programmeSlug,
  scenarioId: id,
  /** The monthly total the sponsor saw; the approval is refused if the scenario has changed since. */
  expectedMonthly: z.coerce
    .number()
    .refine(Number.isFinite, "The monthly total is missing; reload the page.")
    .pipe(z.number().min(0).max(1e12, "The monthly total is out of range; reload the page.")),
  /**
   * The approved budget the sponsor confirmed to supersede (null: they saw none). Refused if another is
   * approved by the time the approval is written, so nobody replaces a budget they were not shown.
   */
  supersedes: z.string({ error: "Say which approved budget this replaces (none: null); reload the page." }).uuid().nullable(),
  note: z
    .string()
    .trim()
    .max(2000, "Keep the note under 2,000 characters.")
    .nullish()
    .transform((s) => s || null),
});
export type ApproveBudgetInput = z.input<typeof approveBudgetSchema>;

const reason = (what: string) =>
  z
    .string({ error: `Give the reason ${what}.` })
    .trim()
    .min(3, `Give the reason ${what}.`)
    .max(2000, "Keep the reason under 2,000 characters.");

export const revokeBudgetSchema = z.object({ programmeSlug, approvalId: id, reason: reason("for revoking the approval") });
export type RevokeBudgetInput = z.input<typeof revokeBudgetSchema>;

export const sendBackScenarioSchema = z.object({ programmeSlug, scenarioId: id, reason: reason("for sending it back") });
export type SendBackScenarioInput = z.input<typeof sendBackScenarioSchema>;

export const saveDepartmentBudgetSchema = z.object({
  programmeSlug,
  /** Absent: a new department budget. */
  budgetId: id.nullish(),
  department: z.string().trim().min(2, "Name the department.").max(120, "Keep the department under 120 characters."),
  monthlyAmount: amount("the monthly budget", 100_000_000),
  ownerId: id.nullable(),
});
export type SaveDepartmentBudgetInput = z.input<typeof saveDepartmentBudgetSchema>;

export const deleteDepartmentBudgetSchema = z.object({ programmeSlug, budgetId: id });
export type DeleteDepartmentBudgetInput = z.input<typeof deleteDepartmentBudgetSchema>;
