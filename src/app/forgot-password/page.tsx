import type { Metadata } from "next";
import { connection } from "next/server";

import { AuthShell } from "@/features/auth/components/auth-shell";
import { ForgotPasswordForm } from "@/features/auth/components/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

/** Rendered per request: the Content-Security-Policy's nonce is put on the scripts only then (decision record 019). */
export default async function ForgotPasswordPage() {
  await connection();
  return (
    <AuthShell heading="Set a new password">
      <ForgotPasswordForm />
    </AuthShell>
  );
}
