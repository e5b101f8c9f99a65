import { GENESIS, verifyChain, type ChainPosition, type ChainVerdict, type StoredEvent } from "@/domain/audit-chain";
import { chainFor } from "@/server/audit";
import { db } from "@/server/db";

const PAGE = 2000;

const storedSelect = {
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
} as const;

/** Events of a chain after `after`, in seq order, at most `take`. */
export async function eventsAfter(chain: string, after: number, take: number): Promise<StoredEvent[]> {
  const rows = await db.auditEvent.findMany({ where: { chain, seq: { gt: after } }, orderBy: { seq: "asc" }, take, select: storedSelect });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/**
 * Re-computes a chain (or the part after `from`) from its stored events, a page at a time (memory stays
 * flat at a million events), and names the first broken link. `limit` stops after that many events (the
 * verdict then covers only them). Operator-level: callers have already authorized, so it takes an id.
 */
export async function verifyAuditChain(
  programmeId: string | null,
  from: ChainPosition = GENESIS,
  limit = Number.POSITIVE_INFINITY,
): Promise<ChainVerdict> {
  const chain = chainFor(programmeId);
  let at = from;
  let events = 0;
  for (;;) {
    const page = await eventsAfter(chain, at.seq, Math.min(PAGE, limit - events));
    const verdict = verifyChain(page, at);
    if (!verdict.ok) return { ...verdict, events: events + verdict.events };
    events += verdict.events;
    at = { seq: verdict.headSeq, hash: verdict.headHash };
    if (page.length < PAGE || events >= limit) return { ok: true, events, headSeq: at.seq, headHash: at.hash };
  }
}

/**
 * Verifies a chain and stores the result as a checkpoint (decision record 023). `full`: from the first
 * event, so tampering anywhere is found; otherwise from the latest checkpoint (whose own event must still
 * carry the checkpointed hash). A break is stored too, and the audit page shows it from then on.
 */
export async function verifyAndCheckpoint(programmeId: string | null, mode: "full" | "incremental") {
  const chain = chainFor(programmeId);
  const last = mode === "incremental" ? await latestCheckpoint(chain) : null;
  let from: ChainPosition = GENESIS;
  if (last) {
    const anchor = await db.auditEvent.findUnique({ where: { chain_seq: { chain, seq: last.seq } }, select: { hash: true } });
    if (anchor?.hash === last.hash) from = last;
  }
  const verdict = await verifyAuditChain(programmeId, from);
  const counted = verdict.ok ? { ...verdict, events: from.seq + verdict.events } : verdict;
  if (verdict.ok && from.seq > 0 && verdict.headSeq === from.seq) return counted; // nothing new since the checkpoint
  await db.auditCheckpoint.create({
    data: verdict.ok
      ? { chain, seq: verdict.headSeq, hash: verdict.headHash, ok: true, full: from.seq === 0 }
      : {
          chain,
          seq: verdict.brokenAtSeq,
          hash: "",
          ok: false,
          full: from.seq === 0,
          brokenAtSeq: verdict.brokenAtSeq,
          reason: verdict.reason,
        },
  });
  return counted;
}

export function latestCheckpoint(chain: string) {
  return db.auditCheckpoint.findFirst({
    where: { chain, ok: true },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true, full: true, verifiedAt: true },
  });
}

/** The most events the audit page verifies itself (those after the latest checkpoint); beyond it, the job catches up. */
export const PAGE_VERIFY_LIMIT = 1000;

export type PageVerdict =
  | {
      ok: true;
      /** Every event up to this one is verified (by checkpoint, then by the page). */
      verifiedThrough: number;
      headHash: string;
      /** Events after verifiedThrough the page did not check (more than PAGE_VERIFY_LIMIT since the checkpoint). */
      pending: number;
      checkpoint: { seq: number; full: boolean; verifiedAt: Date } | null;
    }
  | { ok: false; brokenAtSeq: number; reason: string; recordedAt: Date | null };

/**
 * What the audit page says about the chain, without re-reading it: a recorded break (by a full or
 * incremental verification) stays shown; otherwise the events after the latest checkpoint are verified
 * from it, at most PAGE_VERIFY_LIMIT of them. Tampering before the checkpoint is found by the next full
 * verification (the daily job, `npm run cli -- audit verify`, the export), not by this view.
 */
export async function pageVerdict(programmeId: string): Promise<PageVerdict> {
  const chain = chainFor(programmeId);
  const [broken, checkpoint, head] = await Promise.all([
    db.auditCheckpoint.findFirst({
      where: { chain, ok: false },
      orderBy: { brokenAtSeq: "asc" },
      select: { brokenAtSeq: true, reason: true, verifiedAt: true },
    }),
    latestCheckpoint(chain),
    db.auditEvent.findFirst({ where: { chain }, orderBy: { seq: "desc" }, select: { seq: true } }),
  ]);
  if (broken) return { ok: false, brokenAtSeq: broken.brokenAtSeq ?? 0, reason: broken.reason ?? "", recordedAt: broken.verifiedAt };
  let from: ChainPosition = GENESIS;
  if (checkpoint) {
    const anchor = await db.auditEvent.findUnique({ where: { chain_seq: { chain, seq: checkpoint.seq } }, select: { hash: true } });
    if (anchor?.hash !== checkpoint.hash)
      return {
        ok: false,
        brokenAtSeq: checkpoint.seq,
        reason: `event #${checkpoint.seq} no longer carries the hash verified on ${checkpoint.verifiedAt.toISOString()}`,
        recordedAt: null,
      };
    from = checkpoint;
  }
  const verdict = await verifyAuditChain(programmeId, from, PAGE_VERIFY_LIMIT);
  if (!verdict.ok) return { ok: false, brokenAtSeq: verdict.brokenAtSeq, reason: verdict.reason, recordedAt: null };
  return {
    ok: true,
    verifiedThrough: verdict.headSeq,
    headHash: verdict.headHash,
    pending: Math.max(0, (head?.seq ?? 0) - verdict.headSeq),
    checkpoint: checkpoint ? { seq: checkpoint.seq, full: checkpoint.full, verifiedAt: checkpoint.verifiedAt } : null,
  };
}
