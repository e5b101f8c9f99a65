"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { PHASE_KEYS, PHASE_LABELS } from "@/domain/enums";

import { createMilestoneAction } from "../actions";
import { createMilestoneSchema } from "../schemas";

/** The programme manager adds one of the programme's own milestones. */
export function AddMilestoneForm({ programmeSlug, members }: { programmeSlug: string; members: { id: string; name: string }[] }) {
  const [added, setAdded] = useState<string | null>(null);
  const defaults = { programmeSlug, title: "", deliverable: "", phase: "DISCOVERY" as const, dueDate: "", ownerId: null };
  const { form, action, handleSubmitWithAction } = useHookFormAction(createMilestoneAction, zodResolver(createMilestoneSchema), {
    formProps: { defaultValues: defaults },
    actionProps: {
      onExecute: () => setAdded(null),
      onSuccess: () => {
        setAdded(form.getValues("title"));
        form.reset(defaults);
      },
    },
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="grid gap-3 md:grid-cols-2" aria-label="Add a milestone">
      <div className="md:col-span-2">
        <FormError message={action.result.serverError} />
        {added && (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            Added “{added}”.
          </p>
        )}
      </div>
      <Field id="ms-title" label="Milestone" error={e.title?.message}>
        <input
          id="ms-title"
          className={inputClass(!!e.title)}
          aria-invalid={!!e.title}
          aria-describedby={describedBy("ms-title", e.title?.message)}
          {...form.register("title")}
        />
      </Field>
      <Field id="ms-deliverable" label="Deliverable" error={e.deliverable?.message}>
        <input
          id="ms-deliverable"
          className={inputClass(!!e.deliverable)}
          aria-invalid={!!e.deliverable}
          aria-describedby={describedBy("ms-deliverable", e.deliverable?.message)}
          {...form.register("deliverable")}
        />
      </Field>
      <Field id="ms-phase" label="Phase" error={e.phase?.message}>
        <select id="ms-phase" className={inputClass(!!e.phase)} {...form.register("phase")}>
          {PHASE_KEYS.map((p) => (
            <option key={p} value={p}>
              {PHASE_LABELS[p]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="ms-due" label="Due date" error={e.dueDate?.message}>
        <input
          id="ms-due"
          type="date"
          className={inputClass(!!e.dueDate)}
          aria-invalid={!!e.dueDate}
          aria-describedby={describedBy("ms-due", e.dueDate?.message)}
          {...form.register("dueDate")}
        />
      </Field>
      <Field id="ms-owner" label="Owner" error={e.ownerId?.message}>
        <select id="ms-owner" className={inputClass(!!e.ownerId)} {...form.register("ownerId", { setValueAs: (v: string) => v || null })}>
          <option value="">No owner yet</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="self-end">
        <Button type="submit" pending={action.isPending}>
          Add milestone
        </Button>
      </div>
    </form>
  );
}
