import { appendAudit, type AuditActor } from "../audit";
import type { Tx } from "../db";

/** How long an invitation link stays usable (a resend makes a new link with a new week). */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface ClaimedInvitation {
  id: string;
  programmeId: string;
  email: string;
  name: string;
  roles: string[];
  functions: string[];
}

/** Serializes everything that creates an account or a membership for one email (two invitations accepted at once). */
export async function lockEmail(tx: Tx, email: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`account:${email}`}, 0))`;
}

/**
 * Gives `user` the membership an invitation describes (unless they already have one in that
 * programme), and audits it in the programme's trail. The invitation must already be claimed
 * (marked accepted) by the caller in this transaction.
 */
export async function joinByInvitation(tx: Tx, invitation: ClaimedInvitation, user: { id: string; email: string }, actor: AuditActor) {
  const existing = await tx.membership.findUnique({
    where: { programmeId_userId: { programmeId: invitation.programmeId, userId: user.id } },
    select: { id: true },
  });
  if (existing) return { membershipId: existing.id, joined: false };
  const membership = await tx.membership.create({
    data: {
      programmeId: invitation.programmeId,
      userId: user.id,
      roles: invitation.roles as never,
      functions: invitation.functions as never,
    },
    select: { id: true, roles: true, functions: true },
  });
  await appendAudit(tx, {
    programmeId: invitation.programmeId,
    actor,
    action: "invitation.accept",
    entityType: "Membership",
    entityId: membership.id,
    after: { email: user.email, invitationId: invitation.id, roles: membership.roles, functions: membership.functions },
  });
  return { membershipId: membership.id, joined: true };
}

const invitationClaimSelect = { id: true, programmeId: true, email: true, name: true, roles: true, functions: true } as const;

/**
 * Single sign-on with an email the identity provider has verified: the pending invitations for that
 * email are accepted for the account (docs/decisions/016). Never called for an unverified email.
 */
export async function joinInvitedProgrammes(tx: Tx, user: { id: string; email: string }): Promise<number> {
  const pending = await tx.invitation.findMany({
    where: { email: user.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: invitationClaimSelect,
  });
  let joined = 0;
  for (const invitation of pending) {
    // The same claim as a link's: only one use of an invitation wins.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) continue;
    const r = await joinByInvitation(tx, invitation, user, { id: user.id, label: `${user.email} (single sign-on)` });
    if (r.joined) joined++;
  }
  return joined;
}
