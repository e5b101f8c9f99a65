"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { formatUsd } from "@/lib/format";

import { approveBudgetAction } from "../actions";
import { approveBudgetSchema } from "../schemas";

interface CurrentApproval {
  id: string;
  scenarioName: string;
  monthlyAmount: number;
  isThisScenario: boolean;
}

/**
 * The sponsor approves the scenario's budget in two steps: review, then confirm what it supersedes (with
 * both monthly figures). The amounts are computed again on the server and must match; the approved
 * budget named here must still be the approved one.
 */
export function ApproveBudgetForm({
  programmeSlug,
  scenarioId,
  scenarioName,
  monthly,
  ninetyDay,
  current,
}: {
  programmeSlug: string;
  scenarioId: string;
  scenarioName: string;
  monthly: number;
  ninetyDay: number;
  current: CurrentApproval | null;
}) {
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const defaults = { programmeSlug, scenarioId, expectedMonthly: monthly, supersedes: current?.id ?? null, note: "" };
  const { form, action, handleSubmitWithAction } = useHookFormAction(approveBudgetAction, zodResolver(approveBudgetSchema), {
    formProps: { defaultValues: defaults },
    actionProps: {
      onExecute: () => setDone(null),
      onSuccess: ({ data }) => {
        setConfirming(false);
        setDone(
          data?.outcome === "unchanged"
            ? `Nothing changed: "${scenarioName}" is already the approved budget at ${formatUsd(data.monthlyAmount)} a month.`
            : `Budget approved: ${formatUsd(data?.monthlyAmount ?? monthly)} a month.${
                data?.superseded ? ` It replaces "${data.superseded.scenario}" at ${formatUsd(data.superseded.monthlyAmount)} a month.` : ""
              }`,
        );
        form.reset(defaults);
      },
    },
  });
  const noteError = form.formState.errors.note?.message;
  const replaces = current && !(current.isThisScenario && Math.round(current.monthlyAmount * 100) === Math.round(monthly * 100));
  return (
    <div className="space-y-3">
      {done && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {done}
        </p>
      )}
      {!confirming ? (
        <div className="space-y-2">
          <p className="text-sm">
            This scenario costs <strong>{formatUsd(monthly)}</strong> a month, <strong>{formatUsd(ninetyDay)}</strong> over the 90 days, as
            it stands now.
          </p>
          <Button type="button" onClick={() => setConfirming(true)}>
            Review approval…
          </Button>
        </div>
      ) : (
        <form
          method="post"
          onSubmit={handleSubmitWithAction}
          noValidate
          className="space-y-3 rounded-md border border-brand-200 bg-brand-50/40 p-4"
          aria-label="Confirm budget approval"
        >
          <FormError message={action.result.serverError ?? form.formState.errors.supersedes?.message} />
          <p className="text-sm" data-testid="approval-confirmation">
            {replaces ? (
              <>
                Approving replaces the approved budget: <strong>“{current.scenarioName}”</strong> at{" "}
                <strong>{formatUsd(current.monthlyAmount)}</strong> a month becomes <strong>“{scenarioName}”</strong> at{" "}
                <strong>{formatUsd(monthly)}</strong> a month ({formatUsd(ninetyDay)} over the 90 days).
              </>
            ) : (
              <>
                No budget is approved now. <strong>“{scenarioName}”</strong> becomes the approved budget:{" "}
                <strong>{formatUsd(monthly)}</strong> a month, {formatUsd(ninetyDay)} over the 90 days.
              </>
            )}{" "}
            Your name and the time are recorded in the audit trail.
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
          <div className="flex flex-wrap gap-2">
            <Button type="submit" pending={action.isPending}>
              {replaces ? "Confirm: replace the approved budget" : "Confirm approval"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={action.isPending}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
