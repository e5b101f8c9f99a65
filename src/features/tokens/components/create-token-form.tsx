"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";

import { createProgrammeTokenAction } from "../actions";
import { createProgrammeTokenSchema } from "../schemas";

/** Names a new API token; the token itself is shown once, here, with a copy button. */
export function CreateTokenForm({ programmeSlug }: { programmeSlug: string }) {
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const { form, action, handleSubmitWithAction } = useHookFormAction(createProgrammeTokenAction, zodResolver(createProgrammeTokenSchema), {
    formProps: { defaultValues: { programmeSlug, name: "" } },
    actionProps: {
      onSuccess: ({ data }) => {
        setCreated(data ? { name: data.name, token: data.token } : null);
        form.reset({ programmeSlug, name: "" });
      },
      onExecute: () => setCreated(null),
    },
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-4" aria-label="New API token">
      <FormError message={action.result.serverError} />
      {created && (
        <div className="space-y-3 rounded-md bg-emerald-50 px-3 py-3">
          <p role="status" className="text-sm text-emerald-800">
            Created the token &ldquo;{created.name}&rdquo;. Copy it now: it will not be shown again.
          </p>
          <CopyField
            label="API token"
            value={created.token}
            note="Send it as Authorization: Bearer <token>. Keep it secret, like a password."
          />
        </div>
      )}
      <Field id="token-name" label="Token name" hint="What will use it, e.g. usage-pipeline or dashboards." error={errors.name?.message}>
        <input
          id="token-name"
          className={inputClass(!!errors.name)}
          aria-invalid={!!errors.name}
          aria-describedby={describedBy("token-name", errors.name?.message, true)}
          {...form.register("name")}
        />
      </Field>
      <Button type="submit" pending={action.isPending}>
        Create token
      </Button>
    </form>
  );
}
