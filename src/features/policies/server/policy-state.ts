import "server-only";

import type { Tx } from "@/server/db";
import { NotFoundError } from "@/server/errors";

export const ACCEPTABLE_USE = "ACCEPTABLE_USE" as const;

/** What a policy version's audit events record. */
export const policyVersionAuditSelect = { id: true, version: true, status: true, body: true, publishedAt: true } as const;

/**
 * Serializes every change to a programme's acceptable use policy (first creation of the Policy row,
 * new drafts, edits, publishing) with a transaction-scoped advisory lock, then loads the policy and its
 * versions, newest first. Null when the policy does not exist yet.
 */
export async function lockAcceptableUsePolicy(tx: Tx, programmeId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`policy:${programmeId}:${ACCEPTABLE_USE}`}, 0))`;
  return tx.policy.findUnique({
    where: { programmeId_kind: { programmeId, kind: ACCEPTABLE_USE } },
    select: { id: true, title: true, versions: { orderBy: { version: "desc" }, select: policyVersionAuditSelect } },
  });
}

/** The version `versionId` of the locked policy: another programme's version, or none, is "not found". */
export function versionOf<V extends { id: string }>(policy: { versions: V[] } | null, versionId: string): V {
  const v = policy?.versions.find((x) => x.id === versionId);
  if (!v) throw new NotFoundError("Policy version not found.");
  return v;
}
