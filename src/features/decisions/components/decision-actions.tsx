"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { adrLabel } from "@/domain/decisions";

import { acceptDecisionAction, supersedeDecisionAction } from "../actions";
import { supersedeDecisionSchema } from "../schemas";

/** Accepts a proposed record, after confirming. */
export function AcceptDecisionButton({ programmeSlug, decisionId, number }: { programmeSlug: string; decisionId: string; number: number }) {
  const [confirming, setConfirming] = useState(false);
  const accept = useAction(acceptDecisionAction, { onSuccess: () => setConfirming(false) });
  if (!confirming) return <Button onClick={() => setConfirming(true)}>Accept {adrLabel(number)}</Button>;
  return (
    <div
      role="alertdialog"
      aria-label={`Accept ${adrLabel(number)}?`}
      className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm"
    >
      <p>Accept {adrLabel(number)}? An accepted record no longer changes: a later change is a new record that supersedes it.</p>
      <FormError message={accept.result.serverError} />
      <div className="flex gap-2">
        <Button pending={accept.isPending} onClick={() => accept.execute({ programmeSlug, decisionId })} autoFocus>
          Accept
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            accept.reset();
            setConfirming(false);
          }}
        >
          Cancel
        </Button>
      </div>
    </div>
  );
}

/** Marks a record superseded by one of the programme's accepted records. */
export function SupersedeDecisionForm({
  programmeSlug,
  decisionId,
  number,
  successors,
}: {
  programmeSlug: string;
  decisionId: string;
  number: number;
  successors: { id: string; number: number; title: string }[];
}) {
  const { form, action, handleSubmitWithAction } = useHookFormAction(supersedeDecisionAction, zodResolver(supersedeDecisionSchema), {
    formProps: { defaultValues: { programmeSlug, decisionId, successorId: "" } },
  });
  const error = form.formState.errors.successorId?.message;
  const id = `supersede-${decisionId}`;
  return (
    <form
      method="post"
      onSubmit={handleSubmitWithAction}
      noValidate
      className="max-w-xl space-y-3"
      aria-label={`Supersede ${adrLabel(number)}`}
    >
      <FormError message={action.result.serverError} />
      <Field id={id} label="Superseded by" hint="Only an accepted record can supersede another." error={error}>
        <select id={id} className={inputClass(!!error)} aria-invalid={!!error} {...form.register("successorId")}>
          <option value="">Choose the successor…</option>
          {successors.map((s) => (
            <option key={s.id} value={s.id}>
              {adrLabel(s.number)}: {s.title}
            </option>
          ))}
        </select>
      </Field>
      <Button type="submit" variant="secondary" pending={action.isPending}>
        Mark {adrLabel(number)} superseded
      </Button>
    </form>
  );
}
