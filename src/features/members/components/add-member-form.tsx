"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";

import { addMemberAction } from "../actions";
import { addMemberSchema } from "../schemas";
import { RoleFields } from "./role-fields";

export function AddMemberForm({ programmeSlug }: { programmeSlug: string }) {
  const [outcome, setOutcome] = useState<
    { kind: "added"; email: string; name: string } | { kind: "invited"; email: string; name: string; link: string } | null
  >(null);
  const { form, action, handleSubmitWithAction } = useHookFormAction(addMemberAction, zodResolver(addMemberSchema), {
    formProps: { defaultValues: { programmeSlug, email: "", name: "", roles: ["VIEWER"], functions: [] } },
    actionProps: {
      onSuccess: ({ data }) => {
        setOutcome(
          data ? (data.kind === "invited" ? { kind: "invited", email: data.email, name: data.name, link: data.link } : data) : null,
        );
        form.reset({ programmeSlug, email: "", name: "", roles: ["VIEWER"], functions: [] });
      },
      onExecute: () => setOutcome(null),
    },
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-4" aria-label="Add member">
      <FormError message={action.result.serverError} />
      {outcome?.kind === "added" && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Added {outcome.name === outcome.email ? outcome.email : `${outcome.name} (${outcome.email})`}.
        </p>
      )}
      {outcome?.kind === "invited" && (
        <div className="space-y-3 rounded-md bg-emerald-50 px-3 py-3">
          <p role="status" className="text-sm text-emerald-800">
            Invited {outcome.email}: they have no Gatehouse account yet, so we emailed them a link to set a password. It works once, for 7
            days.
          </p>
          <CopyField
            label="Invitation link"
            value={outcome.link}
            note="Shown only now. You can also pass it on yourself; anyone with the link can join as this person."
          />
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="member-email" label="Email" error={errors.email?.message}>
          <input
            id="member-email"
            type="email"
            className={inputClass(!!errors.email)}
            aria-invalid={!!errors.email}
            aria-describedby={describedBy("member-email", errors.email?.message)}
            {...form.register("email")}
          />
        </Field>
        <Field
          id="member-name"
          label="Name"
          hint="How they are shown in this programme; for someone new, the name their invitation starts with."
          error={errors.name?.message}
        >
          <input
            id="member-name"
            className={inputClass(!!errors.name)}
            aria-describedby={describedBy("member-name", errors.name?.message, true)}
            {...form.register("name")}
          />
        </Field>
      </div>
      <RoleFields form={form as never} idPrefix="add" />
      <Button type="submit" pending={action.isPending}>
        Add member
      </Button>
    </form>
  );
}
