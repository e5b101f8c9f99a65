"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useFieldArray } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { GATE_DECISION_LABELS, GATE_DECISIONS } from "@/domain/enums";

import { decidePilotDebriefAction } from "../actions";
import { decidePilotDebriefSchema } from "../schemas";

/** The programme manager records the Pilot Debrief's Go / Conditional go / No-go. */
export function PilotDecisionForm({
  programmeSlug,
  members,
  canGo,
}: {
  programmeSlug: string;
  members: { id: string; name: string }[];
  canGo: boolean;
}) {
  const { form, action, handleSubmitWithAction } = useHookFormAction(decidePilotDebriefAction, zodResolver(decidePilotDebriefSchema), {
    formProps: { defaultValues: { programmeSlug, decision: canGo ? "GO" : "NO_GO", conditions: [], noGoOutcome: null } },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "conditions" });
  const decision = form.watch("decision");
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-4" aria-label="Pilot Debrief decision">
      <FormError message={action.result.serverError} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Decision</legend>
        <div className="mt-1.5 flex flex-wrap gap-2">
          {GATE_DECISIONS.filter((d) => canGo || d === "NO_GO").map((d) => (
            <label
              key={d}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
            >
              <input
                type="radio"
                value={d}
                {...form.register("decision", {
                  onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
                    if (e.target.value === "CONDITIONAL_GO" && form.getValues("conditions").length === 0)
                      append({ title: "", ownerId: "", dueDate: "" });
                    if (e.target.value !== "CONDITIONAL_GO") form.setValue("conditions", []);
                  },
                })}
              />
              {GATE_DECISION_LABELS[d]}
            </label>
          ))}
        </div>
      </fieldset>
      {decision === "CONDITIONAL_GO" && (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-800">Conditions to close before Production Readiness</legend>
          {errors.conditions?.message && (
            <p className="text-xs font-medium text-red-700" role="alert">
              {errors.conditions.message}
            </p>
          )}
          {fields.map((f, i) => (
            <div key={f.id} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
              <Field id={`cond-${i}-title`} label={`Condition ${i + 1}`} error={errors.conditions?.[i]?.title?.message}>
                <input
                  id={`cond-${i}-title`}
                  className={inputClass(!!errors.conditions?.[i]?.title)}
                  {...form.register(`conditions.${i}.title`)}
                />
              </Field>
              <Field id={`cond-${i}-owner`} label="Owner" error={errors.conditions?.[i]?.ownerId?.message}>
                <select
                  id={`cond-${i}-owner`}
                  className={inputClass(!!errors.conditions?.[i]?.ownerId)}
                  {...form.register(`conditions.${i}.ownerId`)}
                >
                  <option value="">Choose…</option>
                  {members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={`cond-${i}-due`} label="Due" error={errors.conditions?.[i]?.dueDate?.message}>
                <input
                  id={`cond-${i}-due`}
                  type="date"
                  className={inputClass(!!errors.conditions?.[i]?.dueDate)}
                  {...form.register(`conditions.${i}.dueDate`)}
                />
              </Field>
              <Button type="button" variant="ghost" onClick={() => remove(i)} aria-label={`Remove condition ${i + 1}`}>
                Remove
              </Button>
            </div>
          ))}
          <Button type="button" variant="secondary" onClick={() => append({ title: "", ownerId: "", dueDate: "" })}>
            Add a condition
          </Button>
        </fieldset>
      )}
      {decision === "NO_GO" && (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">What happens next</legend>
          <div className="mt-1.5 flex flex-wrap gap-2">
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" value="BACK_TO_PILOT" {...form.register("noGoOutcome")} /> Back to the pilot (a new round later)
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" value="STOP" {...form.register("noGoOutcome")} /> Stop the programme
            </label>
          </div>
          {errors.noGoOutcome?.message && (
            <p className="mt-1 text-xs font-medium text-red-700" role="alert">
              {errors.noGoOutcome.message}
            </p>
          )}
        </fieldset>
      )}
      <Button type="submit" pending={action.isPending}>
        Record decision
      </Button>
    </form>
  );
}
