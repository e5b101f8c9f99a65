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

import { acceptInvitationSchema, type AcceptInvitationInput } from "../schemas";

type Accepted = { email: string; accountCreated: boolean; programmeSlug: string };

/**
 * The invitee's name (pre-filled with what the inviter typed) and a password; on success they are
 * signed in and taken to the programme. Someone who has an account by now just joins and signs in as usual.
 */
export function AcceptInvitationForm({
  token,
  email,
  name,
  hasAccount,
}: {
  token: string;
  email: string;
  name: string;
  hasAccount: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [joined, setJoined] = useState<Accepted | null>(null);
  const form = useForm<AcceptInvitationInput>({
    resolver: zodResolver(acceptInvitationSchema),
    // An existing account keeps its own name and password: these values are not used for it.
    defaultValues: { token, name, password: hasAccount ? "unused-existing-account" : "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const r = await postJson<Accepted>("/api/account/accept-invitation", values);
    if (!r.ok) {
      let shown = false;
      for (const f of r.fields)
        if (f.path === "name" || f.path === "password") {
          form.setError(f.path, { message: f.message });
          shown = true;
        }
      if (!shown) setError(r.message);
      return;
    }
    setJoined(r.data);
    if (!r.data.accountCreated) return;
    const signedIn = await signIn("credentials", { email: r.data.email, password: values.password, redirect: false });
    if (signedIn?.ok && !signedIn.error) {
      router.replace(`/programmes/${r.data.programmeSlug}`);
      router.refresh();
    }
  });

  if (joined)
    return (
      <div className="space-y-3">
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {joined.accountCreated ? "Your account is ready." : "You have joined the programme."} Sign in with {joined.email} to continue.
        </p>
        <p className="text-center text-sm">
          <Link
            href={`/signin?callbackUrl=${encodeURIComponent(`/programmes/${joined.programmeSlug}`)}`}
            className="font-medium text-brand-700 underline"
          >
            Sign in
          </Link>
        </p>
      </div>
    );
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Accept invitation">
      <FormError message={error} />
      {hasAccount ? (
        <p className="text-sm text-slate-600">
          There is already a Gatehouse account for <strong>{email}</strong>. Join the programme, then sign in as usual (or use &ldquo;Forgot
          password?&rdquo; on the sign-in page).
        </p>
      ) : (
        <>
          <input type="email" autoComplete="username" value={email} readOnly hidden />
          <p className="text-sm text-slate-600">
            Your account will be <strong>{email}</strong>.
          </p>
          <Field id="name" label="Your name" error={errors.name?.message}>
            <input
              id="name"
              autoComplete="name"
              className={inputClass(!!errors.name)}
              aria-invalid={!!errors.name}
              aria-describedby={describedBy("name", errors.name?.message)}
              {...form.register("name")}
            />
          </Field>
          <Field id="password" label="Choose a password" hint={NEW_PASSWORD_HINT} error={errors.password?.message}>
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
        </>
      )}
      <Button type="submit" pending={isSubmitting} className="w-full">
        {hasAccount ? "Join the programme" : "Create my account and join"}
      </Button>
    </form>
  );
}
