import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { lockEmail } from "@/server/auth/invitations";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { ConflictError, isUniqueViolation } from "@/server/errors";

import { addMemberSchema, type AddMemberInput } from "../schemas";
import { createInvitation } from "./create-invitation";

export type AddMemberResult =
  | { kind: "added"; membershipId: string; email: string; name: string }
  | { kind: "invited"; invitationId: string; email: string; name: string; link: string; expiresAt: Date };

/**
 * Adds a person to a programme by email (docs/decisions/016).
 * - Someone with an account becomes a member at once. What the programme manager sees of them is
 *   the name they typed themselves (or the email), never the account's own name: typing an email
 *   must not reveal who is behind it.
 * - Someone without an account gets an invitation: an email with a one-time link (valid 7 days) to
 *   set a password, and the same link shown once to the programme manager to pass on. Accepting it
 *   creates the account and the membership.
 */
export async function addMember(actor: Actor, raw: AddMemberInput): Promise<AddMemberResult> {
  const input = addMemberSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "members.manage");
  const typedName = input.name?.trim() || undefined;
  try {
    return await db.$transaction(async (tx) => {
      await lockEmail(tx, input.email);
      const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true } });
      if (!user) return createInvitation(tx, actor, access.programme, { ...input, name: typedName });
      const existing = await tx.membership.findUnique({
        where: { programmeId_userId: { programmeId: access.programme.id, userId: user.id } },
        select: { id: true },
      });
      if (existing) throw new ConflictError(`${user.email} is already a member of this programme.`, "email");
      const addedAsName = typedName ?? user.email;
      const membership = await tx.membership.create({
        data: { programmeId: access.programme.id, userId: user.id, roles: input.roles, functions: input.functions, addedAsName },
        select: { id: true, roles: true, functions: true },
      });
      await appendAudit(tx, {
        programmeId: access.programme.id,
        actor: auditActor(actor),
        action: "member.add",
        entityType: "Membership",
        entityId: membership.id,
        after: { email: user.email, roles: membership.roles, functions: membership.functions },
      });
      return { kind: "added" as const, membershipId: membership.id, email: user.email, name: addedAsName };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`${input.email} is already a member of this programme.`, "email");
    throw e;
  }
}
