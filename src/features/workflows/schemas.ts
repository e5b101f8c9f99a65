import { z } from "zod";

import { DEFAULT_THRESHOLD } from "@/domain/workflows";

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${label} under ${max.toLocaleString("en")} characters.`)
    .nullish()
    .transform((s) => s ?? "");
const optionalUuid = z
  .string()
  .nullish()
  .transform((s) => (s ? s : null))
  .pipe(z.string().uuid("Choose from the list.").nullable());
const slug = z.string().min(1);
/** A version number: 1 upwards, at most a million (a longer number names no version). */
const versionNumber = z.coerce
  .number({ error: "Choose a version." })
  .int("Choose a version.")
  .min(1, "Choose a version.")
  .max(1_000_000, "No such version.");

/** What a workflow is for and who owns it; saved in place (and audited), not versioned. */
export const workflowDetailsFields = {
  name: z.string().trim().min(3, "Give the workflow a name of at least 3 characters.").max(120, "Keep the name under 120 characters."),
  task: z
    .string()
    .trim()
    .min(10, "Describe the task it does in a sentence (at least 10 characters).")
    .max(500, "Keep the task under 500 characters."),
  useCaseId: optionalUuid,
  ownerId: optionalUuid,
  threshold: z.coerce
    .number({ error: "Enter a pass threshold in percent." })
    .int("Use a whole percentage.")
    .min(1, "The threshold must be between 1% and 100%.")
    .max(100, "The threshold must be between 1% and 100%.")
    .default(DEFAULT_THRESHOLD),
  minutesSavedPerRun: z.coerce
    .number({ error: "Enter minutes as a number." })
    .min(0, "Minutes saved cannot be negative.")
    .max(480, "At most 480 minutes per run.")
    .default(0),
};

/** A version's content: every save of these is a new, immutable version. */
export const versionContentFields = {
  contextWho: text(4000, "who we are"),
  contextVoice: text(2000, "the voice"),
  contextStandards: text(4000, "the standards"),
  exampleOutput: text(8000, "the example output"),
  template: z
    .string()
    .trim()
    .min(10, "Write the prompt template (at least 10 characters).")
    .max(20000, "Keep the template under 20,000 characters."),
  model: z.string().trim().min(1, "Choose a model."),
  maxTokens: z.coerce
    .number({ error: "Enter the maximum output tokens." })
    .int("Use a whole number.")
    .min(16, "At least 16 output tokens.")
    .max(64000, "At most 64,000 output tokens."),
  documentation: text(20000, "the documentation"),
};

/** A version's content as validated: the one type for the form's values, the seed and the server. */
export const versionContentSchema = z.object(versionContentFields);
export type VersionContent = z.output<typeof versionContentSchema>;

export const createWorkflowSchema = z.object({ programmeSlug: slug, ...workflowDetailsFields, ...versionContentFields });
export type CreateWorkflowInput = z.input<typeof createWorkflowSchema>;

export const updateWorkflowDetailsSchema = z.object({ programmeSlug: slug, workflowSlug: slug, ...workflowDetailsFields });
export type UpdateWorkflowDetailsInput = z.input<typeof updateWorkflowDetailsSchema>;

export const saveVersionSchema = z.object({
  programmeSlug: slug,
  workflowSlug: slug,
  /** The version the edit started from: saving over a newer one is refused, so no change is lost. */
  baseVersion: versionNumber,
  note: z
    .string()
    .trim()
    .min(3, "Say what changed in this version (at least 3 characters).")
    .max(500, "Keep the note under 500 characters."),
  ...versionContentFields,
});
export type SaveVersionInput = z.input<typeof saveVersionSchema>;

/** One item per line in a form (a textarea), or a list from the API or a re-parse. */
const lines = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((s) => (Array.isArray(s) ? s : (s ?? "").split("\n")).map((l) => l.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(500, "Keep each line under 500 characters.")).max(20, "At most 20 lines."));
const optionalInt = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === "" || v === null || v === undefined ? null : Number(v)))
  .pipe(
    z
      .number({ error: "Enter a whole number." })
      .int("Enter a whole number.")
      .min(0, "Must not be negative.")
      .max(100000, "At most 100,000.")
      .nullable(),
  );

export const testCaseFields = {
  name: z.string().trim().min(2, "Name the test case.").max(120, "Keep the name under 120 characters."),
  variables: z.record(z.string(), z.string().max(20000, "Keep each value under 20,000 characters.")),
  mustContain: lines,
  mustNotContain: lines,
  pattern: z
    .string()
    .trim()
    .max(500, "Keep the pattern under 500 characters.")
    .nullish()
    .transform((s) => (s ? s : null)),
  minLength: optionalInt,
  maxLength: optionalInt,
  rubric: lines,
};

export const saveTestCaseSchema = z.object({ programmeSlug: slug, workflowSlug: slug, testCaseId: optionalUuid, ...testCaseFields });
export type SaveTestCaseInput = z.input<typeof saveTestCaseSchema>;

export const deleteTestCaseSchema = z.object({ programmeSlug: slug, workflowSlug: slug, testCaseId: z.string().uuid() });

export const versionRefSchema = z.object({ programmeSlug: slug, workflowSlug: slug, version: versionNumber });
export type VersionRef = z.input<typeof versionRefSchema>;

export const approveVersionSchema = versionRefSchema.extend({ note: text(1000, "the note") });

/** Variables for a run: names to text values; checked against the production version's variables. */
export const runWorkflowSchema = z.object({ programmeSlug: slug, workflowSlug: slug, variables: z.record(z.string(), z.unknown()) });
export type RunWorkflowInput = z.input<typeof runWorkflowSchema>;

/** The JSON API's run body. */
export const runRequestBodySchema = z.object(
  { variables: z.record(z.string(), z.unknown(), { error: 'Send {"variables": {…}} with each variable as text.' }) },
  { error: 'Send a JSON object {"variables": {…}}.' },
);

/** A person's grade of one rubric criterion (radio buttons in the form). */
const grade = z.object({
  result: z.enum(["pass", "fail"], { error: "Grade this criterion: pass or fail." }),
  note: z.string().trim().max(1000, "Keep the note under 1,000 characters.").default(""),
});

/**
 * A manual evaluation: for each test case, the output Claude produced in a Claude app (pasted), and a
 * grade for each of its rubric criteria, in order. The same checks as an API evaluation run on the outputs.
 */
export const manualEvaluationSchema = versionRefSchema.extend({
  cases: z
    .array(
      z.object({
        testCaseId: z.string().uuid(),
        output: z
          .string()
          .trim()
          .min(1, "Paste the output Claude produced for this case.")
          .max(100_000, "Keep the output under 100,000 characters."),
        grades: z.array(grade).max(20).default([]),
      }),
    )
    .min(1, "Paste an output for each test case.")
    .max(200),
});
export type ManualEvaluationInput = z.input<typeof manualEvaluationSchema>;
