"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { postJson } from "@/lib/post-json";
import { NEW_PASSWORD_HINT } from "@/server/auth/password-schema";

import { resetPasswordSchema, type ResetPasswordInput } from "../schemas";

/** Sets a new password from a reset link, then signs in with it. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<ResetPasswordInput>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { token, password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const r = await postJson<{ email: string }>("/api/account/reset-password", values);
    if (!r.ok) {
      const field = r.fields.find((f) => f.path === "password");
      if (field) form.setError("password", { message: field.message });
      else setError(r.message);
      return;
    }
    setDone(true);
    const signedIn = await signIn("credentials", { email: r.data.email, password: values.password, redirect: false });
    if (signedIn?.ok && !signedIn.error) {
      router.replace("/programmes");
      router.refresh();
    }
  });

  if (done)
    return (
      <div className="space-y-3">
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Your password has been changed, and you were signed out everywhere else.
        </p>
        <p className="text-center text-sm">
          <Link href="/signin" className="font-medium text-brand-700 underline">
            Sign in
          </Link>
        </p>
      </div>
    );
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Set a new password">
      <FormError message={error} />
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <p className="text-sm text-slate-600">
        For <strong>{email}</strong>. Setting a new password signs you out everywhere else.
      </p>
      <Field id="password" label="New password" hint={NEW_PASSWORD_HINT} error={errors.password?.message}>
        <input
          id="password"
          type="password"
          autoComplete="new-password"
          autoFocus
          className={inputClass(!!errors.password)}
          aria-invalid={!!errors.password}
          aria-describedby={describedBy("password", errors.password?.message, true)}
          {...form.register("password")}
        />
      </Field>
      <Button type="submit" pending={isSubmitting} className="w-full">
        Set new password
      </Button>
    </form>
  );
}
