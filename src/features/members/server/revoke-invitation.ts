import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { invitationActionSchema, type InvitationActionInput } from "../schemas";

/** Revokes an open invitation: its link stops working at once. */
export async function revokeInvitation(actor: Actor, raw: InvitationActionInput) {
  const input = invitationActionSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "members.manage");
  return db.$transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({
      where: { id: input.invitationId, programmeId: access.programme.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (updated.count === 0) throw new NotFoundError("This invitation is no longer open (it was accepted or revoked).");
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: input.invitationId }, select: { id: true, email: true } });
    await appendAudit(tx, {
      programmeId: access.programme.id,
      actor: auditActor(actor),
      action: "invitation.revoke",
      entityType: "Invitation",
      entityId: invitation.id,
      before: { email: invitation.email },
    });
    return { invitationId: invitation.id };
  });
}
