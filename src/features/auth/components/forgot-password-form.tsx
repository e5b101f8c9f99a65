"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { postJson } from "@/lib/post-json";

import { forgotPasswordSchema, type ForgotPasswordInput } from "../schemas";

export function ForgotPasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const r = await postJson<{ message: string }>("/api/account/forgot-password", values);
    if (r.ok) setSent(r.data.message);
    else setError(r.fields[0]?.message ?? r.message);
  });

  if (sent)
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {sent}
        </p>
        <p className="text-sm text-slate-600">
          Nothing after a few minutes? Check the address and your spam folder, or ask your Gatehouse administrator.{" "}
          <Link href="/signin" className="font-medium text-brand-700 underline">
            Back to sign in
          </Link>
        </p>
      </div>
    );
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Forgot password">
      <FormError message={error} />
      <p className="text-sm text-slate-600">Enter your email and we will send you a link to set a new password.</p>
      <Field id="email" label="Email" error={errors.email?.message}>
        <input
          id="email"
          type="email"
          autoComplete="username"
          autoFocus
          className={inputClass(!!errors.email)}
          aria-invalid={!!errors.email}
          aria-describedby={describedBy("email", errors.email?.message)}
          {...form.register("email")}
        />
      </Field>
      <Button type="submit" pending={isSubmitting} className="w-full">
        Send me a link
      </Button>
      <p className="text-center text-sm">
        <Link href="/signin" className="font-medium text-brand-700 underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
