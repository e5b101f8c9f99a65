import "server-only";

import { wouldRemoveLastManager } from "@/domain/permissions";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { removeMemberSchema, type RemoveMemberInput } from "../schemas";
import { lockMemberships } from "./update-member";

/**
 * Removes a member. Their access ends on their next request: roles are read from the database, not
 * the session. Records they owned keep existing and show as unowned.
 */
export async function removeMember(actor: Actor, raw: RemoveMemberInput) {
  const input = removeMemberSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "members.manage");
  return db.$transaction(async (tx) => {
    const all = await lockMemberships(tx, access.programme.id);
    const member = all.find((m) => m.id === input.membershipId);
    if (!member) throw new NotFoundError("Member not found.");
    const managers = all.filter((m) => m.roles.includes("PROGRAMME_MANAGER")).length;
    if (wouldRemoveLastManager(managers, member.roles.includes("PROGRAMME_MANAGER"), false))
      throw new RuleError("A programme needs at least one programme manager. Make someone else programme manager first.");
    const signed = await tx.signOff.count({ where: { reviewerId: member.id } });
    if (signed > 0) throw new RuleError("This member has signed gate reviews, which must keep their signer. Make them a viewer instead.");
    await tx.membership.delete({ where: { id: member.id } });
    await appendAudit(tx, {
      programmeId: access.programme.id,
      actor: auditActor(actor),
      action: "member.remove",
      entityType: "Membership",
      entityId: member.id,
      before: { email: member.user.email, roles: member.roles, functions: member.functions },
    });
    return { removed: member.id };
  });
}
