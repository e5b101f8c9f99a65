import "server-only";

import type { Tx } from "@/server/db";
import { ForbiddenError } from "@/server/errors";

type Reader = Pick<Tx, "rollbackPlan" | "membership">;

/**
 * The memberships with the authority to roll back: those the rollback plan names, or the programme managers
 * when it names none (or has none). Only members of this programme count.
 */
export async function rollbackAuthorityMemberships(tx: Reader, programmeId: string): Promise<{ id: string; userId: string }[]> {
  const plan = await tx.rollbackPlan.findUnique({ where: { programmeId }, select: { authorityIds: true } });
  const named = plan?.authorityIds ?? [];
  return tx.membership.findMany({
    where: named.length > 0 ? { programmeId, id: { in: named } } : { programmeId, roles: { has: "PROGRAMME_MANAGER" } },
    select: { id: true, userId: true },
    orderBy: { createdAt: "asc" },
  });
}

export async function rollbackAuthorityUserIds(tx: Reader, programmeId: string): Promise<string[]> {
  return (await rollbackAuthorityMemberships(tx, programmeId)).map((m) => m.userId);
}

/** Refuses anyone without rollback authority (checked in the transaction that rolls back or resolves). */
export async function assertRollbackAuthority(tx: Reader, programmeId: string, membershipId: string): Promise<void> {
  const holders = await rollbackAuthorityMemberships(tx, programmeId);
  if (!holders.some((m) => m.id === membershipId))
    throw new ForbiddenError("Only the people with rollback authority in the rollback plan can roll back or resolve a rollback alert.");
}
