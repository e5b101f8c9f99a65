import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

import { FormError } from "@/components/ui/field";
import { AuthShell } from "@/features/auth/components/auth-shell";
import { ResetPasswordForm } from "@/features/auth/components/reset-password-form";
import { findPasswordResetByLink, PASSWORD_RESET_LINK_MESSAGES } from "@/features/auth/server/find-password-reset";

// The link's secret is in the path: never send it on in a Referer.
export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const link = await findPasswordResetByLink(token);
  return (
    <AuthShell heading="Set a new password">
      {link.state === "open" ? (
        <ResetPasswordForm token={token} email={link.email!} />
      ) : (
        <div className="space-y-4">
          <FormError message={PASSWORD_RESET_LINK_MESSAGES[link.state]} />
          <p className="text-center text-sm">
            <Link href="/forgot-password" className="font-medium text-brand-700 underline">
              Ask for a new link
            </Link>
          </p>
        </div>
      )}
    </AuthShell>
  );
}
