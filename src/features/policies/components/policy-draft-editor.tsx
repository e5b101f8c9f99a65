"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";

import { publishPolicyVersionAction, updatePolicyDraftAction } from "../actions";
import { updatePolicyDraftSchema } from "../schemas";

/** The draft's Markdown, saved on request; publishing (after confirming) publishes the saved text. */
export function PolicyDraftEditor({
  programmeSlug,
  versionId,
  version,
  body,
  hasPublished,
}: {
  programmeSlug: string;
  versionId: string;
  version: number;
  body: string;
  hasPublished: boolean;
}) {
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { form, action, handleSubmitWithAction } = useHookFormAction(updatePolicyDraftAction, zodResolver(updatePolicyDraftSchema), {
    formProps: { defaultValues: { programmeSlug, versionId, body } },
    actionProps: {
      onSuccess: ({ input }) => {
        form.reset(input);
        setSaved(true);
      },
      onExecute: () => setSaved(false),
    },
  });
  const publish = useAction(publishPolicyVersionAction, { onSuccess: () => setConfirming(false) });
  const dirty = form.formState.isDirty;
  const error = form.formState.errors.body?.message;
  const id = `policy-${versionId}`;

  return (
    <div className="space-y-4">
      <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-3" aria-label={`Draft version ${version}`}>
        <FormError message={action.result.serverError} />
        {saved && !dirty && (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            Draft saved.
          </p>
        )}
        <Field
          id={id}
          label={`Version ${version} (Markdown)`}
          hint="Headings (#), lists (-), **bold**, links [text](https://…) and tables. HTML is not allowed and is removed."
          error={error}
        >
          <textarea
            id={id}
            rows={18}
            className={`${inputClass(!!error)} font-mono text-xs`}
            aria-invalid={!!error}
            aria-describedby={describedBy(id, error, true)}
            {...form.register("body")}
          />
        </Field>
        <Button type="submit" variant="secondary" pending={action.isPending}>
          Save draft
        </Button>
      </form>
      <div className="border-t border-slate-100 pt-4">
        {!confirming ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={() => setConfirming(true)} disabled={dirty}>
              Publish version {version}
            </Button>
            {dirty && <p className="text-xs text-slate-600">Save your changes before publishing.</p>}
          </div>
        ) : (
          <div
            role="alertdialog"
            aria-label={`Publish version ${version}?`}
            className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm"
          >
            <p>
              Publish version {version}? {hasPublished ? "The version published now is retired. " : ""}A published version no longer
              changes; it is what users are trained on and the evidence for the Architecture Review.
            </p>
            <FormError message={publish.result.serverError} />
            <div className="flex gap-2">
              <Button pending={publish.isPending} onClick={() => publish.execute({ programmeSlug, versionId })} autoFocus>
                Publish
              </Button>
              <Button
                variant="ghost"
                onClick={() => {
                  publish.reset();
                  setConfirming(false);
                }}
              >
                Cancel
              </Button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
