"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useRouter } from "next/navigation";
import type { FieldErrors, UseFormRegister, UseFormWatch } from "react-hook-form";

import { Button, ButtonLink } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { malformedPlaceholders, templateVariables } from "@/domain/workflows";

import { createWorkflowAction, saveVersionAction, updateWorkflowDetailsAction } from "../actions";
import { createWorkflowSchema, saveVersionSchema, updateWorkflowDetailsSchema, type VersionContent } from "../schemas";

export interface Option {
  id: string;
  label: string;
}

export interface DetailsValues {
  name: string;
  task: string;
  useCaseId: string;
  ownerId: string;
  threshold: number;
  minutesSavedPerRun: number;
}

export type ContentValues = VersionContent;

export const DOCUMENTATION_SKELETON = "## When to use\n\n\n## Inputs\n\n\n## How to judge the output\n\n";

type Errors = FieldErrors<DetailsValues & ContentValues & { note: string }>;
type Register = UseFormRegister<DetailsValues & ContentValues & { note: string }>;

function DetailsFields({
  register,
  errors,
  useCases,
  members,
  id,
}: {
  register: Register;
  errors: Errors;
  useCases: Option[];
  members: Option[];
  id: (f: string) => string;
}) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-semibold text-slate-900">What it is for</legend>
      <Field id={id("name")} label="Name" error={errors.name?.message}>
        <input
          id={id("name")}
          className={inputClass(!!errors.name)}
          aria-invalid={!!errors.name}
          aria-describedby={describedBy(id("name"), errors.name?.message)}
          {...register("name")}
        />
      </Field>
      <Field
        id={id("task")}
        label="The task it does"
        hint="One specific job the business repeats, e.g. “Draft the renewal reminder email for a customer due in 60 days” — not “help with emails”."
        error={errors.task?.message}
      >
        <textarea
          id={id("task")}
          rows={2}
          className={inputClass(!!errors.task)}
          aria-invalid={!!errors.task}
          aria-describedby={describedBy(id("task"), errors.task?.message, true)}
          {...register("task")}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={id("useCase")}
          label="Use case"
          hint="Its runs count as tasks of this use case on the dashboard."
          error={errors.useCaseId?.message}
        >
          <select
            id={id("useCase")}
            className={inputClass(!!errors.useCaseId)}
            aria-describedby={describedBy(id("useCase"), errors.useCaseId?.message, true)}
            {...register("useCaseId")}
          >
            <option value="">No use case yet</option>
            {useCases.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={id("owner")}
          label="Owner"
          hint="Required before it leaves draft: the person who keeps it working."
          error={errors.ownerId?.message}
        >
          <select
            id={id("owner")}
            className={inputClass(!!errors.ownerId)}
            aria-describedby={describedBy(id("owner"), errors.ownerId?.message, true)}
            {...register("ownerId")}
          >
            <option value="">No owner yet</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={id("threshold")}
          label="Pass threshold (%)"
          hint="An evaluation must pass at least this share of test cases before promotion."
          error={errors.threshold?.message}
        >
          <input
            id={id("threshold")}
            type="number"
            min={1}
            max={100}
            className={inputClass(!!errors.threshold)}
            aria-describedby={describedBy(id("threshold"), errors.threshold?.message, true)}
            {...register("threshold")}
          />
        </Field>
        <Field
          id={id("minutes")}
          label="Minutes saved per run (estimate)"
          hint="Reported on the dashboard as an estimated figure."
          error={errors.minutesSavedPerRun?.message}
        >
          <input
            id={id("minutes")}
            type="number"
            min={0}
            step="0.5"
            className={inputClass(!!errors.minutesSavedPerRun)}
            aria-describedby={describedBy(id("minutes"), errors.minutesSavedPerRun?.message, true)}
            {...register("minutesSavedPerRun")}
          />
        </Field>
      </div>
    </fieldset>
  );
}

function ContentFields({
  register,
  errors,
  watch,
  models,
  id,
}: {
  register: Register;
  errors: Errors;
  watch: UseFormWatch<ContentValues>;
  models: Option[];
  id: (f: string) => string;
}) {
  const template = watch("template") ?? "";
  const variables = templateVariables(template);
  const malformed = malformedPlaceholders(template);
  const area = (name: keyof ContentValues, label: string, hint: string, rows: number) => (
    <Field id={id(name)} label={label} hint={hint} error={errors[name]?.message}>
      <textarea
        id={id(name)}
        rows={rows}
        className={inputClass(!!errors[name])}
        aria-invalid={!!errors[name]}
        aria-describedby={describedBy(id(name), errors[name]?.message, true)}
        {...register(name)}
      />
    </Field>
  );
  return (
    <>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Business context</legend>
        <p className="text-xs text-slate-500">
          What you would tell a new colleague before they did this task. Sent as the system prompt of every run.
        </p>
        {area("contextWho", "Who we are", "The organisation, team and customers, in a few sentences.", 3)}
        {area("contextVoice", "Voice", "How we sound: tone, formality, words we use and avoid.", 2)}
        {area("contextStandards", "Standards", "Rules the output must follow: spelling, legal lines, what never to promise.", 3)}
        {area("exampleOutput", "A good example output", "A real output you would be happy to send.", 4)}
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Prompt and model</legend>
        <Field
          id={id("template")}
          label="Prompt template"
          hint="Mark each input that changes from run to run as {{variable_name}}."
          error={errors.template?.message}
        >
          <textarea
            id={id("template")}
            rows={6}
            className={`${inputClass(!!errors.template)} font-mono`}
            aria-invalid={!!errors.template}
            aria-describedby={`${describedBy(id("template"), errors.template?.message, true)} ${id("variables")}`}
            {...register("template")}
          />
        </Field>
        <p id={id("variables")} className="text-xs text-slate-600" aria-live="polite">
          {variables.length > 0 ? (
            <>
              Variables:{" "}
              {variables.map((v) => (
                <code key={v} className="mr-1 rounded bg-slate-100 px-1">
                  {v}
                </code>
              ))}
            </>
          ) : (
            "No variables yet."
          )}
          {malformed.length > 0 && (
            <span className="ml-2 font-medium text-amber-800">
              Not variables: {malformed.join(", ")} (use letters, digits and underscores).
            </span>
          )}
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id={id("model")}
            label="Model"
            hint="Models in this programme's price table, so every run's cost is known."
            error={errors.model?.message}
          >
            <select
              id={id("model")}
              className={inputClass(!!errors.model)}
              aria-describedby={describedBy(id("model"), errors.model?.message, true)}
              {...register("model")}
            >
              {models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </Field>
          <Field id={id("maxTokens")} label="Maximum output tokens" error={errors.maxTokens?.message}>
            <input
              id={id("maxTokens")}
              type="number"
              min={16}
              max={64000}
              className={inputClass(!!errors.maxTokens)}
              aria-describedby={describedBy(id("maxTokens"), errors.maxTokens?.message)}
              {...register("maxTokens")}
            />
          </Field>
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Documentation</legend>
        {area(
          "documentation",
          "Documentation (Markdown)",
          "Written for someone other than you: when to use it, its inputs, and how to judge the output.",
          10,
        )}
      </fieldset>
    </>
  );
}

/** Writes a new workflow: its details and version 1. */
export function NewWorkflowForm({
  programmeSlug,
  useCases,
  members,
  models,
  defaults,
}: {
  programmeSlug: string;
  useCases: Option[];
  members: Option[];
  models: Option[];
  defaults: DetailsValues & ContentValues;
}) {
  const router = useRouter();
  const { form, action, handleSubmitWithAction } = useHookFormAction(createWorkflowAction, zodResolver(createWorkflowSchema), {
    formProps: { defaultValues: { programmeSlug, ...defaults } },
    actionProps: { onSuccess: ({ data }) => data && router.push(`/programmes/${programmeSlug}/workflows/${data.slug}`) },
  });
  const id = (f: string) => `new-workflow-${f}`;
  const register = form.register as unknown as Register;
  const errors = form.formState.errors as Errors;
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="max-w-3xl space-y-8" aria-label="New workflow">
      <FormError message={action.result.serverError} />
      <DetailsFields register={register} errors={errors} useCases={useCases} members={members} id={id} />
      <ContentFields
        register={register}
        errors={errors}
        watch={form.watch as unknown as UseFormWatch<ContentValues>}
        models={models}
        id={id}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={action.isPending || action.hasSucceeded}>
          Save as version 1
        </Button>
        <ButtonLink href={`/programmes/${programmeSlug}/workflows`} variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}

/** Edits the details in place (audited): name, task, use case, owner, threshold, minutes saved. */
export function WorkflowDetailsForm({
  programmeSlug,
  workflowSlug,
  useCases,
  members,
  values,
}: {
  programmeSlug: string;
  workflowSlug: string;
  useCases: Option[];
  members: Option[];
  values: DetailsValues;
}) {
  const router = useRouter();
  const back = `/programmes/${programmeSlug}/workflows/${workflowSlug}`;
  const { form, action, handleSubmitWithAction } = useHookFormAction(
    updateWorkflowDetailsAction,
    zodResolver(updateWorkflowDetailsSchema),
    {
      formProps: { defaultValues: { programmeSlug, workflowSlug, ...values } },
      actionProps: { onSuccess: () => router.push(back) },
    },
  );
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="max-w-3xl space-y-6" aria-label="Workflow details">
      <FormError message={action.result.serverError} />
      <DetailsFields
        register={form.register as unknown as Register}
        errors={form.formState.errors as Errors}
        useCases={useCases}
        members={members}
        id={(f) => `details-${f}`}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={action.isPending || action.hasSucceeded}>
          Save details
        </Button>
        <ButtonLink href={back} variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}

/** Saves an edit of the content as a new version, with a note saying what changed. */
export function SaveVersionForm({
  programmeSlug,
  workflowSlug,
  baseVersion,
  models,
  values,
}: {
  programmeSlug: string;
  workflowSlug: string;
  baseVersion: number;
  models: Option[];
  values: ContentValues;
}) {
  const router = useRouter();
  const back = `/programmes/${programmeSlug}/workflows/${workflowSlug}`;
  const { form, action, handleSubmitWithAction } = useHookFormAction(saveVersionAction, zodResolver(saveVersionSchema), {
    formProps: { defaultValues: { programmeSlug, workflowSlug, baseVersion, note: "", ...values } },
    actionProps: { onSuccess: () => router.push(back) },
  });
  const register = form.register as unknown as Register;
  const errors = form.formState.errors as Errors;
  const id = (f: string) => `version-${f}`;
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="max-w-3xl space-y-8" aria-label="Edit workflow">
      <FormError message={action.result.serverError} />
      <ContentFields
        register={register}
        errors={errors}
        watch={form.watch as unknown as UseFormWatch<ContentValues>}
        models={models}
        id={id}
      />
      <Field
        id={id("note")}
        label="What changed"
        hint="Saved with the new version, so others can follow the history."
        error={errors.note?.message}
      >
        <input
          id={id("note")}
          className={inputClass(!!errors.note)}
          aria-invalid={!!errors.note}
          aria-describedby={describedBy(id("note"), errors.note?.message, true)}
          {...register("note")}
        />
      </Field>
      <div className="flex items-center gap-3">
        <Button type="submit" pending={action.isPending || action.hasSucceeded}>
          Save as version {baseVersion + 1}
        </Button>
        <ButtonLink href={back} variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
