"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";

import { closeConditionAction } from "../actions";
import { closeConditionSchema } from "../schemas";

export function CloseConditionForm({ programmeSlug, conditionId, title }: { programmeSlug: string; conditionId: string; title: string }) {
  const [open, setOpen] = useState(false);
  const { form, action, handleSubmitWithAction } = useHookFormAction(closeConditionAction, zodResolver(closeConditionSchema), {
    formProps: { defaultValues: { programmeSlug, conditionId, note: "" } },
  });
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={`Close condition: ${title}`}>
        Close
      </Button>
    );
  const id = `close-${conditionId}`;
  return (
    <form
      method="post"
      onSubmit={handleSubmitWithAction}
      noValidate
      className="mt-2 w-full space-y-2"
      aria-label={`Close condition: ${title}`}
    >
      <FormError message={action.result.serverError} />
      <Field id={id} label="How was it met?" error={form.formState.errors.note?.message}>
        <textarea id={id} rows={2} className={inputClass(!!form.formState.errors.note)} {...form.register("note")} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" pending={action.isPending}>
          Close condition
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
