import "server-only";

import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { verifyAuditChain } from "./verify-audit-chain";

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, paged by sequence number ("older than #N"). */
export async function listAuditEvents(actor: Actor, programmeSlug: string, beforeSeq?: number) {
  const access = await authorize(actor, programmeSlug, "audit.read");
  const rows = await db.auditEvent.findMany({
    where: { programmeId: access.programme.id, ...(beforeSeq ? { seq: { lt: beforeSeq } } : {}) },
    orderBy: { seq: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      seq: true,
      actorLabel: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      createdAt: true,
      hash: true,
    },
  });
  const events = rows.slice(0, AUDIT_PAGE_SIZE);
  const verdict = await verifyAuditChain(access.programme.id);
  return {
    access,
    events,
    olderThan: rows.length > AUDIT_PAGE_SIZE ? events[events.length - 1]!.seq : null,
    verdict,
  };
}
