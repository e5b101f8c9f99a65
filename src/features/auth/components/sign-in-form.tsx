"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { signInSchema, type SignInInput } from "@/server/auth/sign-in-schema";

export function SignInForm({
  callbackUrl,
  sso,
  initialError,
}: {
  callbackUrl: string;
  sso: { name: string } | null;
  initialError: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [ssoPending, setSsoPending] = useState(false);
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const res = await signIn("credentials", { ...values, redirect: false, callbackUrl });
    if (!res || res.error) {
      setError(!res || res.error === "CredentialsSignin" ? "Wrong email or password." : res.error);
      form.setValue("password", "");
      form.setFocus("password");
      return;
    }
    router.replace(
      res.url && new URL(res.url).origin === window.location.origin ? new URL(res.url).pathname + new URL(res.url).search : callbackUrl,
    );
    router.refresh();
  });

  return (
    <div className="space-y-6">
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={error} />
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
        <Field id="password" label="Password" error={errors.password?.message}>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            className={inputClass(!!errors.password)}
            aria-invalid={!!errors.password}
            aria-describedby={describedBy("password", errors.password?.message)}
            {...form.register("password")}
          />
        </Field>
        <Button type="submit" pending={isSubmitting} className="w-full">
          Sign in
        </Button>
        <p className="text-center text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 underline">
            Forgot password?
          </Link>
        </p>
      </form>
      {sso && (
        <>
          <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden>
            <span className="h-px flex-1 bg-slate-200" /> or <span className="h-px flex-1 bg-slate-200" />
          </div>
          <Button
            type="button"
            variant="secondary"
            className="w-full"
            pending={ssoPending}
            onClick={() => {
              setSsoPending(true);
              void signIn("oidc", { callbackUrl });
            }}
          >
            Continue with {sso.name}
          </Button>
        </>
      )}
    </div>
  );
}
