import { verifyChain, type ChainVerdict, type StoredEvent } from "@/domain/audit-chain";
import { chainFor } from "@/server/audit";
import { db } from "@/server/db";

const PAGE = 2000;

/**
 * Re-computes a chain from its stored events and names the first broken link. Operator-level (used
 * by `npm run cli -- audit verify` and by callers that have already authorized), so it takes an id.
 */
export async function verifyAuditChain(programmeId: string | null): Promise<ChainVerdict> {
  const chain = chainFor(programmeId);
  const events: StoredEvent[] = [];
  for (let after = 0; ;) {
    const rows = await db.auditEvent.findMany({
      where: { chain, seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: PAGE,
      select: {
        chain: true,
        seq: true,
        programmeId: true,
        actorId: true,
        actorLabel: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        createdAt: true,
        prevHash: true,
        hash: true,
      },
    });
    for (const r of rows) events.push({ ...r, createdAt: r.createdAt.toISOString() });
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.seq;
  }
  return verifyChain(events);
}
