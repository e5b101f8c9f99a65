import "server-only";

import { hashOneTimeToken, isOneTimeToken } from "@/server/auth/one-time-token";
import { db } from "@/server/db";

export type InvitationLinkState = "open" | "unknown" | "expired" | "accepted" | "revoked";

export const INVITATION_LINK_MESSAGES: Record<Exclude<InvitationLinkState, "open">, string> = {
  unknown:
    "This invitation link is not valid. It may have been mistyped, or replaced by a newer invitation: ask the programme manager to send it again.",
  expired: "This invitation has expired. Ask the programme manager to send it again.",
  accepted: "This invitation has already been used. Sign in with your email and password.",
  revoked: "This invitation was withdrawn by the programme manager.",
};

/** What the invitation page shows for a link: whose invitation, to which programme, and whether it can still be used. Nothing is changed. */
export async function findInvitationByLink(token: string) {
  if (!isOneTimeToken(token)) return { state: "unknown" as const };
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    select: {
      email: true,
      name: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      programme: { select: { name: true, organisation: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!row) return { state: "unknown" as const };
  const state: InvitationLinkState = row.acceptedAt
    ? "accepted"
    : row.revokedAt
      ? "revoked"
      : row.expiresAt.getTime() <= Date.now()
        ? "expired"
        : "open";
  if (state !== "open") return { state };
  const hasAccount = (await db.user.count({ where: { email: row.email } })) > 0;
  return {
    state,
    email: row.email,
    name: row.name,
    programmeName: row.programme.name,
    organisation: row.programme.organisation,
    inviterName: row.invitedBy?.name ?? null,
    expiresAt: row.expiresAt,
    hasAccount,
  };
}
