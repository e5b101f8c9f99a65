"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { signIn } from "next-auth/react";
import { useEffect } from "react";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { REVIEW_FUNCTION_LABELS, SIGN_OFF_DECISION_LABELS, SIGN_OFF_DECISIONS, type GateKey, type ReviewFunction } from "@/domain/enums";

import { signGateAction } from "../actions";
import { signGateSchema } from "../schemas";

export function SignOffForm({
  programmeSlug,
  gateKey,
  gateName,
  functions,
  withPassword,
  returnTo,
}: {
  programmeSlug: string;
  gateKey: GateKey;
  gateName: string;
  functions: ReviewFunction[];
  withPassword: boolean;
  returnTo: string;
}) {
  const { form, action, handleSubmitWithAction } = useHookFormAction(signGateAction, zodResolver(signGateSchema), {
    formProps: { defaultValues: { programmeSlug, gateKey, function: functions[0], decision: "APPROVE", reason: "", password: "" } },
  });
  // The password is used once: never left in the form after an attempt.
  const { setValue } = form;
  useEffect(() => {
    if (!action.isPending) setValue("password", "");
  }, [action.isPending, setValue]);
  const errors = form.formState.errors;
  const decision = form.watch("decision");
  const fn = form.watch("function") as ReviewFunction | undefined;
  const serverError = action.result.serverError;
  const needsSso = !withPassword && typeof serverError === "string" && serverError.startsWith("Sign in again with single sign-on");

  if (action.hasSucceeded)
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        Signed: {action.result.data?.meaning}.
      </p>
    );

  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-4" aria-label="Sign off">
      <FormError message={serverError} />
      {needsSso && (
        <Button type="button" variant="secondary" onClick={() => void signIn("oidc", { callbackUrl: returnTo }, { prompt: "login" })}>
          Sign in again with single sign-on
        </Button>
      )}
      {functions.length > 1 ? (
        <Field id="sign-function" label="Sign as">
          <select id="sign-function" className={inputClass()} {...form.register("function")}>
            {functions.map((f) => (
              <option key={f} value={f}>
                {REVIEW_FUNCTION_LABELS[f]}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <p className="text-sm">
          You sign as <strong>{REVIEW_FUNCTION_LABELS[functions[0]!]}</strong> reviewer.
        </p>
      )}
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Decision</legend>
        <div className="mt-1.5 flex flex-wrap gap-2">
          {SIGN_OFF_DECISIONS.map((d) => (
            <label
              key={d}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
            >
              <input type="radio" value={d} {...form.register("decision")} />
              {SIGN_OFF_DECISION_LABELS[d]}
            </label>
          ))}
        </div>
      </fieldset>
      <Field
        id="sign-reason"
        label={
          decision === "REJECT" ? "Reason for rejecting" : decision === "APPROVE_WITH_CONDITIONS" ? "Conditions" : "Comment (optional)"
        }
        error={errors.reason?.message}
      >
        <textarea
          id="sign-reason"
          rows={3}
          className={inputClass(!!errors.reason)}
          aria-invalid={!!errors.reason}
          aria-describedby={describedBy("sign-reason", errors.reason?.message)}
          {...form.register("reason")}
        />
      </Field>
      {withPassword && (
        <Field id="sign-password" label="Your password" hint="You confirm your identity to sign." error={errors.password?.message}>
          <input
            id="sign-password"
            type="password"
            autoComplete="current-password"
            className={inputClass(!!errors.password)}
            aria-describedby={describedBy("sign-password", errors.password?.message, true)}
            {...form.register("password")}
          />
        </Field>
      )}
      <p className="rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-700">
        By signing you state: &ldquo;I{" "}
        {decision === "REJECT" ? "reject" : decision === "APPROVE_WITH_CONDITIONS" ? "approve with conditions" : "approve"} the {gateName}{" "}
        as {fn ? REVIEW_FUNCTION_LABELS[fn] : ""} reviewer.&rdquo; Your name, the time (UTC), your address, your browser and a fingerprint
        of the evidence as it is now are recorded with it.
      </p>
      <Button type="submit" pending={action.isPending} variant={decision === "REJECT" ? "danger" : "primary"}>
        Sign
      </Button>
    </form>
  );
}
