"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { formatUsd } from "@/lib/format";

import { approveBudgetAction } from "../actions";
import { approveBudgetSchema } from "../schemas";

/** The sponsor approves the scenario's budget as shown: the amounts are computed again on the server and must match. */
export function ApproveBudgetForm({
  programmeSlug,
  scenarioId,
  monthly,
  ninetyDay,
}: {
  programmeSlug: string;
  scenarioId: string;
  monthly: number;
  ninetyDay: number;
}) {
  const [approved, setApproved] = useState<number | null>(null);
  const { form, action, handleSubmitWithAction } = useHookFormAction(approveBudgetAction, zodResolver(approveBudgetSchema), {
    formProps: { defaultValues: { programmeSlug, scenarioId, expectedMonthly: monthly, note: "" } },
    actionProps: {
      onExecute: () => setApproved(null),
      onSuccess: ({ data }) => {
        setApproved(data?.monthlyAmount ?? null);
        form.reset({ programmeSlug, scenarioId, expectedMonthly: monthly, note: "" });
      },
    },
  });
  const noteError = form.formState.errors.note?.message;
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-3" aria-label="Approve budget">
      <FormError message={action.result.serverError} />
      {approved !== null && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Budget approved: {formatUsd(approved)} a month.
        </p>
      )}
      <p className="text-sm">
        You approve <strong>{formatUsd(monthly)}</strong> a month, <strong>{formatUsd(ninetyDay)}</strong> over the 90 days, as this
        scenario stands now. Your name and the time are recorded in the audit trail.
      </p>
      <Field id="approval-note" label="Note (optional)" error={noteError}>
        <textarea
          id="approval-note"
          rows={2}
          className={inputClass(!!noteError)}
          aria-invalid={!!noteError}
          aria-describedby={describedBy("approval-note", noteError)}
          {...form.register("note")}
        />
      </Field>
      <Button type="submit" pending={action.isPending}>
        Approve budget
      </Button>
    </form>
  );
}
