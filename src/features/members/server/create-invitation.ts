import "server-only";

import type { ReviewFunction, Role } from "@/domain/enums";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { INVITATION_TTL_MS } from "@/server/auth/invitations";
import { appUrl, invitationPath } from "@/server/auth/links";
import { newOneTimeToken } from "@/server/auth/one-time-token";
import type { Tx } from "@/server/db";
import { ConflictError } from "@/server/errors";

import { sendInvitationEmail } from "./invitation-email";

/** What leaves the server about an invitation: never its token hash. */
export const invitationSelect = {
  id: true,
  email: true,
  name: true,
  roles: true,
  functions: true,
  createdAt: true,
  sentAt: true,
  expiresAt: true,
  invitedBy: { select: { name: true } },
} as const;

/**
 * Invites someone without an account to a programme, inside the caller's transaction (which holds
 * the email's lock): the link's token is returned once and only its hash is stored; the email goes
 * out with the transaction (a rolled-back invitation sends nothing).
 */
export async function createInvitation(
  tx: Tx,
  actor: Actor,
  programme: { id: string; name: string },
  input: { email: string; name?: string; roles: Role[]; functions: ReviewFunction[] },
) {
  const pending = await tx.invitation.findFirst({
    where: { programmeId: programme.id, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  if (pending)
    throw new ConflictError(`${input.email} has already been invited. Resend or revoke that invitation under "Invitations".`, "email");
  const { token, hash } = newOneTimeToken();
  const name = input.name ?? input.email.split("@")[0]!;
  const invitation = await tx.invitation.create({
    data: {
      programmeId: programme.id,
      email: input.email,
      name,
      roles: input.roles,
      functions: input.functions,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      invitedById: actor.id,
    },
    select: { id: true, email: true, name: true, roles: true, functions: true, expiresAt: true },
  });
  await appendAudit(tx, {
    programmeId: programme.id,
    actor: auditActor(actor),
    action: "invitation.create",
    entityType: "Invitation",
    entityId: invitation.id,
    after: { email: invitation.email, name: invitation.name, roles: invitation.roles, functions: invitation.functions },
  });
  const link = appUrl(invitationPath(token));
  await sendInvitationEmail(tx, {
    to: invitation.email,
    programmeId: programme.id,
    programmeName: programme.name,
    inviter: actor,
    link,
    expiresAt: invitation.expiresAt,
  });
  return {
    kind: "invited" as const,
    invitationId: invitation.id,
    email: invitation.email,
    name: invitation.name,
    link,
    expiresAt: invitation.expiresAt,
  };
}
