import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

import { FormError } from "@/components/ui/field";
import { AuthShell } from "@/features/auth/components/auth-shell";
import { AcceptInvitationForm } from "@/features/members/components/accept-invitation-form";
import { findInvitationByLink, INVITATION_LINK_MESSAGES } from "@/features/members/server/find-invitation";

// The link's secret is in the path: never send it on in a Referer.
export const metadata: Metadata = { title: "Your invitation", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const invitation = await findInvitationByLink(token);
  if (invitation.state !== "open")
    return (
      <AuthShell heading="Your invitation to Gatehouse">
        <div className="space-y-4">
          <FormError message={INVITATION_LINK_MESSAGES[invitation.state]} />
          <p className="text-center text-sm">
            <Link href="/signin" className="font-medium text-brand-700 underline">
              Go to sign in
            </Link>
          </p>
        </div>
      </AuthShell>
    );
  return (
    <AuthShell heading={`Join ${invitation.programmeName}`}>
      <p className="mb-4 text-sm text-slate-700">
        {invitation.inviterName ?? "A programme manager"} invited you to <strong>{invitation.programmeName}</strong> (
        {invitation.organisation}) on Gatehouse.
      </p>
      <AcceptInvitationForm token={token} email={invitation.email!} name={invitation.name!} hasAccount={invitation.hasAccount!} />
    </AuthShell>
  );
}
