import { z } from "zod";

import { CRITERION_STATUSES, GATE_DECISIONS, GATE_KEYS, PHASE_KEYS, REVIEW_FUNCTIONS, SIGN_OFF_DECISIONS } from "@/domain/enums";
import { calendarDate, optionalLink } from "@/domain/input";

const programmeSlug = z.string().min(1);
/** Free text that may be left empty: blank becomes null. */
const optionalText = (tooLong: string) =>
  z
    .string()
    .trim()
    .max(2000, tooLong)
    .nullish()
    .transform((s) => s || null);
const gateKey = z.enum(GATE_KEYS);

export const openGateReviewSchema = z.object({ programmeSlug, gateKey });
export const openNewRoundSchema = z.object({ programmeSlug, gateKey });

export const updateCriterionSchema = z
  .object({
    programmeSlug,
    criterionId: z.string().uuid(),
    status: z.enum(CRITERION_STATUSES),
    ownerId: z.string().uuid().nullable(),
    evidenceUrl: optionalLink(),
    evidenceNote: optionalText("Keep the note under 2,000 characters."),
    waiverReason: optionalText("Keep the reason under 2,000 characters."),
  })
  .superRefine((v, ctx) => {
    if (v.status === "WAIVED" && !v.waiverReason)
      ctx.addIssue({ code: "custom", path: ["waiverReason"], message: "A waived criterion needs a written reason." });
    if (v.status === "MET" && !v.evidenceUrl && !v.evidenceNote)
      ctx.addIssue({ code: "custom", path: ["evidenceNote"], message: "Say what shows it is met: a link or a note." });
  });
export type UpdateCriterionInput = z.input<typeof updateCriterionSchema>;

export const signGateSchema = z
  .object({
    programmeSlug,
    gateKey,
    function: z.enum(REVIEW_FUNCTIONS, { error: "Choose the function you sign for." }),
    decision: z.enum(SIGN_OFF_DECISIONS, { error: "Choose approve, approve with conditions, or reject." }),
    reason: z
      .string()
      .trim()
      .max(4000, "Keep the reason under 4,000 characters.")
      .nullish()
      .transform((s) => s || null),
    password: z.string().max(200).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "APPROVE" && !v.reason)
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: v.decision === "REJECT" ? "Give the reason for rejecting." : "State the conditions of your approval.",
      });
  });
export type SignGateInput = z.input<typeof signGateSchema>;

export const startPhaseSchema = z.object({ programmeSlug, phase: z.enum(PHASE_KEYS) });
export type StartPhaseInput = z.input<typeof startPhaseSchema>;

export const conditionDraftSchema = z.object({
  title: z.string().trim().min(3, "Describe the condition.").max(500, "Keep the condition under 500 characters."),
  ownerId: z.string().uuid("Choose an owner."),
  dueDate: calendarDate({ format: "Enter a due date.", invalid: "Enter a real due date." }),
});

export const decidePilotDebriefSchema = z
  .object({
    programmeSlug,
    decision: z.enum(GATE_DECISIONS, { error: "Choose Go, Conditional go or No-go." }),
    conditions: z.array(conditionDraftSchema).max(20, "At most 20 conditions."),
    noGoOutcome: z.enum(["BACK_TO_PILOT", "STOP"]).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "CONDITIONAL_GO" && v.conditions.length === 0)
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "A Conditional go needs at least one condition." });
    if (v.decision === "NO_GO" && !v.noGoOutcome)
      ctx.addIssue({ code: "custom", path: ["noGoOutcome"], message: "Say whether the programme goes back to its pilot or stops." });
  });
export type DecidePilotDebriefInput = z.input<typeof decidePilotDebriefSchema>;

export const closeConditionSchema = z.object({
  programmeSlug,
  conditionId: z.string().uuid(),
  note: z.string().trim().min(3, "Say how the condition was met.").max(2000, "Keep the note under 2,000 characters."),
});
export type CloseConditionInput = z.input<typeof closeConditionSchema>;
