"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useRouter } from "next/navigation";
import { Controller, type UseFormReturn } from "react-hook-form";

import { Button, ButtonLink } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { DATA_SENSITIVITIES, DATA_SENSITIVITY_LABELS, type DataSensitivity } from "@/domain/enums";
import {
  CLAUDE_PRODUCT_SUGGESTIONS,
  COMPLEXITY_RUBRIC,
  MODEL_SUGGESTIONS,
  priorityScore,
  rubricLabel,
  VALUE_RUBRIC,
  type RubricLevel,
} from "@/domain/use-cases";

import { createUseCaseAction, updateUseCaseAction } from "../actions";
import { createUseCaseSchema, updateUseCaseSchema } from "../schemas";

export interface UseCaseFormValues {
  title: string;
  businessFunction: string;
  description: string;
  businessValue: number | undefined;
  complexity: number | undefined;
  successCriteria: string;
  businessSponsor: string;
  ownerId: string | null;
  claudeProduct: string;
  model: string;
  dataSensitivity: DataSensitivity;
}

type Member = { id: string; name: string };
type FieldsForm = UseFormReturn<UseCaseFormValues & Record<string, unknown>>;

export const emptyUseCase: UseCaseFormValues = {
  title: "",
  businessFunction: "",
  description: "",
  businessValue: undefined,
  complexity: undefined,
  successCriteria: "",
  businessSponsor: "",
  ownerId: null,
  claudeProduct: "",
  model: "",
  dataSensitivity: "INTERNAL",
};

/** Adds a use case, then opens it. */
export function CreateUseCaseForm({
  programmeSlug,
  members,
  functions,
}: {
  programmeSlug: string;
  members: Member[];
  functions: string[];
}) {
  const router = useRouter();
  const { form, action, handleSubmitWithAction } = useHookFormAction(createUseCaseAction, zodResolver(createUseCaseSchema), {
    formProps: { defaultValues: { programmeSlug, ...emptyUseCase } as never },
    actionProps: { onSuccess: ({ data }) => data && router.push(`/programmes/${programmeSlug}/use-cases/${data.id}`) },
  });
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-6" aria-label="New use case">
      <FormError message={action.result.serverError} />
      <UseCaseFormFields form={form as never} members={members} functions={functions} />
      <div className="flex gap-2">
        <Button type="submit" pending={action.isPending}>
          Add use case
        </Button>
        <ButtonLink variant="ghost" href={`/programmes/${programmeSlug}/use-cases`}>
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}

/** Edits a use case; a change of scope is logged (and flagged as scope creep once its POC has started). */
export function EditUseCaseForm({
  programmeSlug,
  useCaseId,
  values,
  members,
  functions,
  pocStarted,
}: {
  programmeSlug: string;
  useCaseId: string;
  values: UseCaseFormValues;
  members: Member[];
  functions: string[];
  pocStarted: boolean;
}) {
  const router = useRouter();
  const back = `/programmes/${programmeSlug}/use-cases/${useCaseId}`;
  const { form, action, handleSubmitWithAction } = useHookFormAction(updateUseCaseAction, zodResolver(updateUseCaseSchema), {
    formProps: { defaultValues: { programmeSlug, useCaseId, ...values } as never },
    actionProps: { onSuccess: () => router.push(back) },
  });
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-6" aria-label="Edit use case">
      {pocStarted && (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This use case&apos;s POC has started: a change to its title, description, success criteria, business function, Claude product,
          model or data sensitivity is logged as <strong>scope creep</strong>.
        </p>
      )}
      <FormError message={action.result.serverError} />
      <UseCaseFormFields form={form as never} members={members} functions={functions} />
      <div className="flex gap-2">
        <Button type="submit" pending={action.isPending}>
          Save changes
        </Button>
        <ButtonLink variant="ghost" href={back}>
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}

function UseCaseFormFields({ form, members, functions }: { form: FieldsForm; members: Member[]; functions: string[] }) {
  const errors = form.formState.errors as Partial<Record<keyof UseCaseFormValues, { message?: string }>>;
  const value = form.watch("businessValue");
  const complexity = form.watch("complexity");
  const score = priorityScore(value, complexity);
  const text = (name: keyof UseCaseFormValues, label: string, opts: { hint?: string; list?: string; rows?: number } = {}) => {
    const id = `uc-${name}`;
    const error = errors[name]?.message;
    const props = {
      id,
      className: inputClass(!!error),
      "aria-invalid": !!error,
      "aria-describedby": describedBy(id, error, !!opts.hint),
      ...form.register(name),
    };
    return (
      <Field id={id} label={label} hint={opts.hint} error={error}>
        {opts.rows ? <textarea rows={opts.rows} {...props} /> : <input list={opts.list} {...props} />}
      </Field>
    );
  };
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        {text("title", "Title")}
        {text("businessFunction", "Business function", {
          hint: "The department or process it serves, e.g. Compliance.",
          list: "uc-functions",
        })}
        <datalist id="uc-functions">
          {functions.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
      </div>
      {text("description", "Description", { rows: 3, hint: "What Claude does, for whom, with which data." })}

      <div className="grid gap-6 lg:grid-cols-2">
        <ScoreField form={form} name="businessValue" legend="Business value" rubric={VALUE_RUBRIC} error={errors.businessValue?.message} />
        <ScoreField
          form={form}
          name="complexity"
          legend="Implementation complexity"
          rubric={COMPLEXITY_RUBRIC}
          error={errors.complexity?.message}
        />
      </div>
      <p className="text-sm text-slate-600" aria-live="polite">
        {score === null ? (
          "Score both to see the priority score."
        ) : (
          <>
            Priority score <strong data-testid="priority-score">{score}</strong> of 25 ({rubricLabel(VALUE_RUBRIC, value)} value,{" "}
            {rubricLabel(COMPLEXITY_RUBRIC, complexity).toLowerCase()} complexity).
          </>
        )}
      </p>

      <div className="grid gap-4 sm:grid-cols-2">
        {text("successCriteria", "Success criteria", {
          rows: 3,
          hint: "Measurable: what has to be true at the end of the pilot. Required before its POC starts.",
        })}
        <div className="space-y-4">
          {text("businessSponsor", "Business sponsor", {
            hint: "The business leader who owns the outcome. Required before its POC starts.",
          })}
          <Field id="uc-ownerId" label="Owner" hint="The programme member who runs it day to day." error={errors.ownerId?.message}>
            <select
              id="uc-ownerId"
              className={inputClass(!!errors.ownerId)}
              aria-invalid={!!errors.ownerId}
              aria-describedby={describedBy("uc-ownerId", errors.ownerId?.message, true)}
              {...form.register("ownerId", { setValueAs: (v: string | null) => v || null })}
            >
              <option value="">No owner</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        {text("claudeProduct", "Claude product", { list: "uc-products" })}
        <datalist id="uc-products">
          {CLAUDE_PRODUCT_SUGGESTIONS.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        {text("model", "Model", { list: "uc-models" })}
        <datalist id="uc-models">
          {MODEL_SUGGESTIONS.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        <Field id="uc-dataSensitivity" label="Data sensitivity" error={errors.dataSensitivity?.message}>
          <select id="uc-dataSensitivity" className={inputClass(!!errors.dataSensitivity)} {...form.register("dataSensitivity")}>
            {DATA_SENSITIVITIES.map((d) => (
              <option key={d} value={d}>
                {DATA_SENSITIVITY_LABELS[d]}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </>
  );
}

/** A 1–5 score as radio buttons, each beside what it means in the written rubric. */
function ScoreField({
  form,
  name,
  legend,
  rubric,
  error,
}: {
  form: FieldsForm;
  name: "businessValue" | "complexity";
  legend: string;
  rubric: readonly RubricLevel[];
  error?: string;
}) {
  const errorId = `uc-${name}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">{legend}</legend>
      <p className="mb-2 text-xs text-slate-500">Pick the highest level whose description fully holds.</p>
      <Controller
        control={form.control}
        name={name}
        render={({ field }) => (
          <ul className="space-y-1.5">
            {rubric.map((level) => {
              const id = `uc-${name}-${level.score}`;
              return (
                <li key={level.score} className={`flex gap-2 rounded px-2 py-1.5 ${field.value === level.score ? "bg-brand-50" : ""}`}>
                  <input
                    type="radio"
                    id={id}
                    name={field.name}
                    value={level.score}
                    checked={field.value === level.score}
                    onChange={() => field.onChange(level.score)}
                    onBlur={field.onBlur}
                    aria-describedby={`${id}-meaning`}
                    className="mt-1"
                  />
                  <div>
                    <label htmlFor={id} className="text-sm font-medium">
                      {level.score} · {level.label}
                    </label>
                    <p id={`${id}-meaning`} className="text-xs text-slate-600">
                      {level.meaning}
                    </p>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      />
      {error && (
        <p id={errorId} className="mt-1 text-xs font-medium text-red-700" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
