"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";

import { revokeBudgetAction, sendBackScenarioAction } from "../actions";
import { revokeBudgetSchema, sendBackScenarioSchema } from "../schemas";

function ReasonField({ id, label, error, register }: { id: string; label: string; error?: string; register: UseFormRegisterReturn }) {
  return (
    <Field id={id} label={label} error={error}>
      <textarea
        id={id}
        rows={2}
        className={inputClass(!!error)}
        aria-invalid={!!error}
        aria-describedby={describedBy(id, error)}
        {...register}
      />
    </Field>
  );
}

/** The sponsor revokes the approved budget, with a reason; no earlier approval comes back by itself. */
export function RevokeBudgetForm({ programmeSlug, approvalId }: { programmeSlug: string; approvalId: string }) {
  const [open, setOpen] = useState(false);
  const { form, action, handleSubmitWithAction } = useHookFormAction(revokeBudgetAction, zodResolver(revokeBudgetSchema), {
    formProps: { defaultValues: { programmeSlug, approvalId, reason: "" } },
    actionProps: { onSuccess: () => setOpen(false) },
  });
  if (!open)
    return (
      <Button type="button" variant="danger" onClick={() => setOpen(true)}>
        Revoke approval…
      </Button>
    );
  return (
    <form
      method="post"
      onSubmit={handleSubmitWithAction}
      noValidate
      className="space-y-3 rounded-md border border-red-200 p-4"
      aria-label="Revoke approval"
    >
      <FormError message={action.result.serverError} />
      <p className="text-sm">
        After revoking, the programme has <strong>no approved budget</strong> until you approve a scenario again.
      </p>
      <ReasonField
        id="revoke-reason"
        label="Reason for revoking"
        error={form.formState.errors.reason?.message}
        register={form.register("reason")}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" pending={action.isPending}>
          Revoke approval
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)} disabled={action.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** The sponsor sends a scenario back to the programme manager with a reason instead of approving it. */
export function SendBackScenarioForm({ programmeSlug, scenarioId }: { programmeSlug: string; scenarioId: string }) {
  const [open, setOpen] = useState(false);
  const { form, action, handleSubmitWithAction } = useHookFormAction(sendBackScenarioAction, zodResolver(sendBackScenarioSchema), {
    formProps: { defaultValues: { programmeSlug, scenarioId, reason: "" } },
    actionProps: { onSuccess: () => setOpen(false) },
  });
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Send back…
      </Button>
    );
  return (
    <form
      method="post"
      onSubmit={handleSubmitWithAction}
      noValidate
      className="space-y-3 rounded-md border border-slate-200 p-4"
      aria-label="Send back"
    >
      <FormError message={action.result.serverError} />
      <ReasonField
        id="send-back-reason"
        label="What the programme manager should change"
        error={form.formState.errors.reason?.message}
        register={form.register("reason")}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={action.isPending}>
          Send back to the programme manager
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)} disabled={action.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
