import "server-only";

import { appendAudit } from "@/server/audit";
import { joinByInvitation, lockEmail } from "@/server/auth/invitations";
import { hashOneTimeToken } from "@/server/auth/one-time-token";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { acceptInvitationSchema, type AcceptInvitationInput } from "../schemas";
import { INVITATION_LINK_MESSAGES } from "./find-invitation";

/**
 * Accepts an invitation from its link (no one is signed in). The link is claimed with one
 * conditional update, so of two uses at the same time exactly one succeeds; a used, revoked or
 * expired link changes nothing and says why.
 * - No account for the email yet: the account is created with the name and password given here,
 *   and the membership with the invitation's roles.
 * - An account exists by now (single sign-on, another invitation): the membership is added and the
 *   account is left as it is: a link the programme manager has also seen must never set the
 *   password of an existing account. Its owner signs in as usual.
 */
export async function acceptInvitation(raw: AcceptInvitationInput) {
  const input = acceptInvitationSchema.parse(raw);
  const tokenHash = hashOneTimeToken(input.token);
  const passwordHash = await hashPassword(input.password); // slow: before the transaction, not inside it
  return db.$transaction(async (tx) => {
    // The email's lock first (as add-member and single sign-on take it), then the invitation's row.
    const target = await tx.invitation.findUnique({ where: { tokenHash }, select: { email: true } });
    if (target) await lockEmail(tx, target.email);
    const now = new Date();
    const claimed = await tx.invitation.updateMany({
      where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    if (claimed.count === 0) {
      const row = await tx.invitation.findUnique({ where: { tokenHash }, select: { acceptedAt: true, revokedAt: true } });
      const why = !row ? "unknown" : row.acceptedAt ? "accepted" : row.revokedAt ? "revoked" : "expired";
      throw new RuleError(INVITATION_LINK_MESSAGES[why]);
    }
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { tokenHash },
      select: { id: true, programmeId: true, email: true, name: true, roles: true, functions: true, programme: { select: { slug: true } } },
    });
    let user = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true, email: true } });
    const created = !user;
    if (!user) {
      user = await tx.user.create({ data: { email: invitation.email, name: input.name, passwordHash }, select: { id: true, email: true } });
      await appendAudit(tx, {
        programmeId: null,
        actor: { id: user.id, label: `${invitation.email} (invitation)` },
        action: "user.create_invited",
        entityType: "User",
        entityId: user.id,
        after: { email: user.email, name: input.name, invitationId: invitation.id },
      });
    }
    await joinByInvitation(tx, invitation, user, { id: user.id, label: `${input.name} <${user.email}>` });
    return { email: user.email, accountCreated: created, programmeSlug: invitation.programme.slug };
  });
}
