"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";

import { deleteTestCaseAction, saveTestCaseAction } from "../actions";
import { saveTestCaseSchema } from "../schemas";

export interface TestCaseValues {
  name: string;
  variables: Record<string, string>;
  mustContain: string;
  mustNotContain: string;
  pattern: string;
  minLength: string;
  maxLength: string;
  rubric: string;
}

/** Adds or edits a test case: a value for each variable of the latest version, and expectations. */
export function TestCaseForm({
  programmeSlug,
  workflowSlug,
  variables,
  testCaseId,
  values,
  onDone,
}: {
  programmeSlug: string;
  workflowSlug: string;
  variables: string[];
  testCaseId?: string;
  values?: TestCaseValues;
  onDone?: () => void;
}) {
  const empty: TestCaseValues = {
    name: "",
    variables: Object.fromEntries(variables.map((v) => [v, ""])),
    mustContain: "",
    mustNotContain: "",
    pattern: "",
    minLength: "",
    maxLength: "",
    rubric: "",
  };
  const { form, action, handleSubmitWithAction } = useHookFormAction(saveTestCaseAction, zodResolver(saveTestCaseSchema), {
    formProps: { defaultValues: { programmeSlug, workflowSlug, testCaseId: testCaseId ?? null, ...(values ?? empty) } as never },
    actionProps: {
      onSuccess: () => {
        if (!testCaseId) form.reset({ programmeSlug, workflowSlug, testCaseId: null, ...empty } as never);
        onDone?.();
      },
    },
  });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const prefix = testCaseId ? `case-${testCaseId}` : "new-case";
  const id = (f: string) => `${prefix}-${f}`;
  const text = (name: keyof TestCaseValues, label: string, hint: string, rows = 2) => (
    <Field id={id(name)} label={label} hint={hint} error={errors[name]?.message}>
      <textarea
        id={id(name)}
        rows={rows}
        className={inputClass(!!errors[name])}
        aria-invalid={!!errors[name]}
        aria-describedby={describedBy(id(name), errors[name]?.message, true)}
        {...form.register(name as never)}
      />
    </Field>
  );
  return (
    <form
      method="post"
      onSubmit={handleSubmitWithAction}
      noValidate
      className="space-y-4"
      aria-label={testCaseId ? "Edit test case" : "New test case"}
    >
      <FormError message={action.result.serverError} />
      <Field id={id("name")} label="Test case name" error={errors.name?.message}>
        <input
          id={id("name")}
          className={inputClass(!!errors.name)}
          aria-invalid={!!errors.name}
          aria-describedby={describedBy(id("name"), errors.name?.message)}
          {...form.register("name" as never)}
        />
      </Field>
      {variables.length > 0 && (
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">Variable values</legend>
          {variables.map((v) => (
            <Field key={v} id={id(`var-${v}`)} label={v}>
              <textarea id={id(`var-${v}`)} rows={2} className={inputClass()} {...form.register(`variables.${v}` as never)} />
            </Field>
          ))}
        </fieldset>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {text("mustContain", "Must contain", "One per line; case does not matter.")}
        {text("mustNotContain", "Must not contain", "One per line.")}
        <Field
          id={id("pattern")}
          label="Must match pattern"
          hint="A regular expression, e.g. \d{1,2} (May|June)."
          error={errors.pattern?.message}
        >
          <input
            id={id("pattern")}
            className={`${inputClass(!!errors.pattern)} font-mono`}
            aria-invalid={!!errors.pattern}
            aria-describedby={describedBy(id("pattern"), errors.pattern?.message, true)}
            {...form.register("pattern" as never)}
          />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field id={id("minLength")} label="Min characters" error={errors.minLength?.message}>
            <input
              id={id("minLength")}
              type="number"
              min={0}
              className={inputClass(!!errors.minLength)}
              {...form.register("minLength" as never)}
            />
          </Field>
          <Field id={id("maxLength")} label="Max characters" error={errors.maxLength?.message}>
            <input
              id={id("maxLength")}
              type="number"
              min={0}
              className={inputClass(!!errors.maxLength)}
              {...form.register("maxLength" as never)}
            />
          </Field>
        </div>
      </div>
      {text(
        "rubric",
        "Rubric criteria (judged by Claude)",
        "One criterion per line, spelled out so a stranger could judge it, e.g. “Offers a call and names the renewal date”.",
        3,
      )}
      <div className="flex gap-2">
        <Button type="submit" pending={action.isPending}>
          {testCaseId ? "Save test case" : "Add test case"}
        </Button>
        {onDone && testCaseId && (
          <Button variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

export function DeleteTestCaseButton({
  programmeSlug,
  workflowSlug,
  testCaseId,
  name,
}: {
  programmeSlug: string;
  workflowSlug: string;
  testCaseId: string;
  name: string;
}) {
  const [confirming, setConfirming] = useState(false);
  const del = useAction(deleteTestCaseAction);
  if (!confirming)
    return (
      <Button variant="ghost" className="text-xs" onClick={() => setConfirming(true)}>
        Delete
      </Button>
    );
  return (
    <span role="alertdialog" aria-label={`Delete ${name}?`} className="inline-flex items-center gap-2 text-xs">
      Delete “{name}”?
      <Button
        variant="danger"
        className="text-xs"
        pending={del.isPending}
        onClick={() => del.execute({ programmeSlug, workflowSlug, testCaseId })}
        autoFocus
      >
        Delete
      </Button>
      <Button variant="ghost" className="text-xs" onClick={() => setConfirming(false)}>
        Keep
      </Button>
      {del.result.serverError && (
        <span role="alert" className="text-red-700">
          {del.result.serverError}
        </span>
      )}
    </span>
  );
}

/** A saved case: shown, with Edit opening the same form in place. */
export function EditableTestCase({
  programmeSlug,
  workflowSlug,
  variables,
  testCaseId,
  values,
  summary,
}: {
  programmeSlug: string;
  workflowSlug: string;
  variables: string[];
  testCaseId: string;
  values: TestCaseValues;
  summary: React.ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  if (editing)
    return (
      <TestCaseForm
        programmeSlug={programmeSlug}
        workflowSlug={workflowSlug}
        variables={variables}
        testCaseId={testCaseId}
        values={values}
        onDone={() => setEditing(false)}
      />
    );
  return (
    <div className="flex items-start justify-between gap-3">
      <div className="min-w-0 flex-1">{summary}</div>
      <div className="flex shrink-0 gap-1">
        <Button variant="ghost" className="text-xs" onClick={() => setEditing(true)}>
          Edit
        </Button>
        <DeleteTestCaseButton programmeSlug={programmeSlug} workflowSlug={workflowSlug} testCaseId={testCaseId} name={values.name} />
      </div>
    </div>
  );
}
