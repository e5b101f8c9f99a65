import "server-only";

import { db, type Tx } from "@/server/db";

/** The fields an audit event records about a use case. */
export const useCaseAuditSelect = {
  id: true,
  title: true,
  businessFunction: true,
  description: true,
  businessValue: true,
  complexity: true,
  status: true,
  successCriteria: true,
  businessSponsor: true,
  ownerId: true,
  claudeProduct: true,
  model: true,
  dataSensitivity: true,
  pocStartedAt: true,
} as const;

/** What leaves the server about a use case: the audited fields, dates and the owner's name. */
export const useCaseSelect = {
  ...useCaseAuditSelect,
  createdAt: true,
  updatedAt: true,
  owner: { select: { user: { select: { name: true, email: true } } } },
} as const;

type Reader = Pick<Tx, "useCase">;

/** The programme's use cases now in POC or pilot, oldest first. */
export function inFlightUseCases(client: Reader, programmeId: string) {
  return client.useCase.findMany({
    where: { programmeId, status: { in: ["POC", "PILOT"] } },
    orderBy: [{ pocStartedAt: "asc" }, { title: "asc" }],
    select: { id: true, title: true, status: true },
  });
}

/**
 * Locks the programme row for the rest of the transaction. Every write that can change how many use
 * cases are in POC or pilot takes this lock first, so "at most three at once" holds when several
 * people (or one person with several tabs) move use cases at the same moment: the second waits,
 * then counts again. FOR NO KEY UPDATE rather than FOR UPDATE: it serializes these writers (and
 * waits for a phase start's FOR UPDATE) but not inserts that merely reference the programme (audit
 * events, scope-change rows), so an edit holding a use-case row lock cannot deadlock with it.
 */
export async function lockProgrammeForUseCases(tx: Tx, programmeId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Programme" WHERE id = ${programmeId}::uuid FOR NO KEY UPDATE`;
}

/** Locks one use case of the programme (tenant id in the query) and reads it; null when there is none. */
export async function lockUseCase(tx: Tx, programmeId: string, useCaseId: string) {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "UseCase" WHERE id = ${useCaseId}::uuid AND "programmeId" = ${programmeId}::uuid FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.useCase.findUniqueOrThrow({ where: { id: useCaseId }, select: useCaseAuditSelect });
}

/** A programme member who can own a use case, or null when the id is not a member of this programme. */
export function findMember(client: Pick<Tx, "membership">, programmeId: string, membershipId: string) {
  return client.membership.findFirst({ where: { id: membershipId, programmeId }, select: { id: true } });
}

/** Members who can own a use case, for the owner filter and the form. */
export async function listOwnerChoices(programmeId: string) {
  const members = await db.membership.findMany({
    where: { programmeId },
    select: { id: true, user: { select: { name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return members.map((m) => ({ id: m.id, name: m.user.name, email: m.user.email }));
}
