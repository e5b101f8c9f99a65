import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { ConflictError, isUniqueViolation } from "@/server/errors";

import { addMemberSchema, type AddMemberInput } from "../schemas";

/**
 * Adds a person to a programme by email. Someone without a Gatehouse account gets one with no
 * password: they sign in through single sign-on (linked by verified email), or an operator sets a
 * password with `npm run cli -- user set-password`.
 */
export async function addMember(actor: Actor, raw: AddMemberInput) {
  const input = addMemberSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "members.manage");
  try {
    return await db.$transaction(async (tx) => {
      let user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, email: true } });
      if (!user) {
        user = await tx.user.create({
          data: { email: input.email, name: input.name?.trim() || input.email.split("@")[0]! },
          select: { id: true, name: true, email: true },
        });
        await appendAudit(tx, {
          programmeId: access.programme.id,
          actor: auditActor(actor),
          action: "user.invite",
          entityType: "User",
          entityId: user.id,
          after: user,
        });
      }
      const existing = await tx.membership.findUnique({
        where: { programmeId_userId: { programmeId: access.programme.id, userId: user.id } },
        select: { id: true },
      });
      if (existing) throw new ConflictError(`${user.email} is already a member of this programme.`, "email");
      const membership = await tx.membership.create({
        data: { programmeId: access.programme.id, userId: user.id, roles: input.roles, functions: input.functions },
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
      return { membershipId: membership.id, email: user.email };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`${input.email} is already a member of this programme.`, "email");
    throw e;
  }
}
