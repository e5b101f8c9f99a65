import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/features/auth/components/sign-in-form";
import { safeCallbackUrl, signInErrorMessage, ssoProviderErrorMessage } from "@/features/auth/messages";
import { currentUser } from "@/server/auth/session";
import { env, ssoConfigured } from "@/server/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await currentUser()) redirect(callbackUrl);
  const text = (name: string) => (typeof params[name] === "string" ? params[name] : undefined);
  const error =
    params.error === "SsoProviderError"
      ? ssoProviderErrorMessage(text("code")?.slice(0, 64), text("description")?.slice(0, 300))
      : typeof params.error === "string"
        ? signInErrorMessage(params.error)
        : null;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-brand-900">Gatehouse</p>
          <h1 className="mt-2 text-sm text-slate-600">Sign in to run your Claude deployment programme</h1>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm callbackUrl={callbackUrl} sso={ssoConfigured() ? { name: env().OIDC_NAME } : null} initialError={error} />
        </div>
      </div>
    </main>
  );
}
