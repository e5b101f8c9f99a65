"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";

import { addMemberAction } from "../actions";
import { addMemberSchema } from "../schemas";
import { RoleFields } from "./role-fields";

export function AddMemberForm({ programmeSlug }: { programmeSlug: string }) {
  const [added, setAdded] = useState<string | null>(null);
  const { form, action, handleSubmitWithAction } = useHookFormAction(addMemberAction, zodResolver(addMemberSchema), {
    formProps: { defaultValues: { programmeSlug, email: "", name: "", roles: ["VIEWER"], functions: [] } },
    actionProps: {
      onSuccess: ({ data }) => {
        setAdded(data?.email ?? null);
        form.reset({ programmeSlug, email: "", name: "", roles: ["VIEWER"], functions: [] });
      },
      onExecute: () => setAdded(null),
    },
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-4" aria-label="Add member">
      <FormError message={action.result.serverError} />
      {added && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Added {added}.
        </p>
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
        <Field id="member-name" label="Name (if new to Gatehouse)" error={errors.name?.message}>
          <input id="member-name" className={inputClass(!!errors.name)} {...form.register("name")} />
        </Field>
      </div>
      <RoleFields form={form as never} idPrefix="add" />
      <Button type="submit" pending={action.isPending}>
        Add member
      </Button>
    </form>
  );
}
