import "server-only";

import { wouldRemoveLastManager } from "@/domain/permissions";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db, type Tx } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { updateMemberSchema, type UpdateMemberInput } from "../schemas";

/** Locks the programme's memberships so concurrent role changes cannot both remove "the other" manager. */
export async function lockMemberships(tx: Tx, programmeId: string) {
  await tx.$queryRaw`SELECT id FROM "Membership" WHERE "programmeId" = ${programmeId}::uuid FOR UPDATE`;
  return tx.membership.findMany({
    where: { programmeId },
    select: { id: true, roles: true, functions: true, user: { select: { email: true } } },
  });
}

export async function updateMember(actor: Actor, raw: UpdateMemberInput) {
  const input = updateMemberSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "members.manage");
  return db.$transaction(async (tx) => {
    const all = await lockMemberships(tx, access.programme.id);
    const member = all.find((m) => m.id === input.membershipId);
    if (!member) throw new NotFoundError("Member not found.");
    const managers = all.filter((m) => m.roles.includes("PROGRAMME_MANAGER")).length;
    if (wouldRemoveLastManager(managers, member.roles.includes("PROGRAMME_MANAGER"), input.roles.includes("PROGRAMME_MANAGER")))
      throw new RuleError("A programme needs at least one programme manager. Make someone else programme manager first.", "roles");
    const updated = await tx.membership.update({
      where: { id: member.id },
      data: { roles: input.roles, functions: input.functions },
      select: { id: true, roles: true, functions: true },
    });
    await appendAudit(tx, {
      programmeId: access.programme.id,
      actor: auditActor(actor),
      action: "member.update",
      entityType: "Membership",
      entityId: member.id,
      before: { email: member.user.email, roles: member.roles, functions: member.functions },
      after: { email: member.user.email, roles: updated.roles, functions: updated.functions },
    });
    return updated;
  });
}
