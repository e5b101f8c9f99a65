"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useAction } from "next-safe-action/hooks";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";

import { setHourlyCostSchema } from "../../schemas";
import { removeHourlyCostAction, setHourlyCostAction } from "../actions";

/** Sets the cost of an hour for a department, or for the whole programme when the department is left empty. */
export function HourlyCostForm({ programmeSlug, departments }: { programmeSlug: string; departments: string[] }) {
  const { form, action, handleSubmitWithAction } = useHookFormAction(setHourlyCostAction, zodResolver(setHourlyCostSchema), {
    formProps: { defaultValues: { programmeSlug, department: "" } },
  });
  const e = form.formState.errors;
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-3" aria-label="Set an hourly cost">
      <FormError message={action.result.serverError} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <Field
          id="hc-department"
          label="Department"
          hint="Leave empty for the programme-wide cost (used for departments without their own)."
          error={e.department?.message}
        >
          <input
            id="hc-department"
            list="hc-departments"
            className={inputClass(!!e.department)}
            aria-describedby={describedBy("hc-department", e.department?.message, true)}
            {...form.register("department")}
          />
          <datalist id="hc-departments">
            {departments.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
        </Field>
        <Field id="hc-usd" label="Cost of an hour (USD)" error={e.usdPerHour?.message}>
          <input
            id="hc-usd"
            type="number"
            inputMode="decimal"
            min={0}
            step="0.01"
            className={inputClass(!!e.usdPerHour)}
            aria-describedby={describedBy("hc-usd", e.usdPerHour?.message)}
            {...form.register("usdPerHour", { valueAsNumber: true })}
          />
        </Field>
        <Button type="submit" pending={action.isPending}>
          Save
        </Button>
      </div>
      {action.hasSucceeded && action.result.data && (
        <p role="status" className="text-sm text-emerald-800">
          Saved the hourly cost for {action.result.data.department || "the programme"}.
        </p>
      )}
    </form>
  );
}

export function RemoveHourlyCostButton({ programmeSlug, department }: { programmeSlug: string; department: string }) {
  const run = useAction(removeHourlyCostAction);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="ghost"
        pending={run.isPending}
        onClick={() => run.execute({ programmeSlug, department })}
        aria-label={`Remove the hourly cost for ${department || "the programme"}`}
      >
        Remove
      </Button>
      {run.result.serverError && (
        <span role="alert" className="text-xs text-red-700">
          {run.result.serverError}
        </span>
      )}
    </span>
  );
}
