import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { INVITATION_TTL_MS } from "@/server/auth/invitations";
import { appUrl, invitationPath } from "@/server/auth/links";
import { newOneTimeToken } from "@/server/auth/one-time-token";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { invitationActionSchema, type InvitationActionInput } from "../schemas";
import { sendInvitationEmail } from "./invitation-email";

/**
 * Sends an open invitation again with a new link (the old link stops working) and a new week to
 * accept it. The new link is returned once, for the programme manager to copy.
 */
export async function resendInvitation(actor: Actor, raw: InvitationActionInput) {
  const input = invitationActionSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "members.manage");
  const { token, hash } = newOneTimeToken();
  return db.$transaction(async (tx) => {
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    // Only an open invitation of this programme: an accepted or revoked one (or another programme's) is not found.
    const updated = await tx.invitation.updateMany({
      where: { id: input.invitationId, programmeId: access.programme.id, acceptedAt: null, revokedAt: null },
      data: { tokenHash: hash, expiresAt, sentAt: new Date() },
    });
    if (updated.count === 0) throw new NotFoundError("This invitation is no longer open (it was accepted or revoked).");
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: input.invitationId }, select: { id: true, email: true } });
    await appendAudit(tx, {
      programmeId: access.programme.id,
      actor: auditActor(actor),
      action: "invitation.resend",
      entityType: "Invitation",
      entityId: invitation.id,
      after: { email: invitation.email, expiresAt: expiresAt.toISOString() },
    });
    const link = appUrl(invitationPath(token));
    await sendInvitationEmail(tx, {
      to: invitation.email,
      programmeId: access.programme.id,
      programmeName: access.programme.name,
      inviter: actor,
      link,
      expiresAt,
    });
    return { invitationId: invitation.id, email: invitation.email, link, expiresAt };
  });
}
