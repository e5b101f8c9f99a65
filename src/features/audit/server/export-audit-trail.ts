import "server-only";

import { GENESIS, verifyChain, type ChainPosition, type StoredEvent } from "@/domain/audit-chain";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { eventsAfter } from "./verify-audit-chain";

const PAGE = 2000;

export const AUDIT_EXPORT_FORMAT = "gatehouse-audit-chain/1";

/**
 * A programme's whole audit chain as JSON Lines, for auditors: a header line, one line per event with
 * every hashed field (so anyone can recompute each hash: SHA-256 of the previous hash, a newline and the
 * canonical JSON of the event's content), and a last line with the chain head and whether this export
 * verified it (a full verification, recorded as a checkpoint). Streamed a page at a time.
 */
export async function exportAuditTrail(actor: Actor, programmeSlug: string, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "audit.read");
  const chain = access.programme.id;
  const encoder = new TextEncoder();
  const line = (o: unknown) => encoder.encode(`${JSON.stringify(o)}\n`);
  let at: ChainPosition = GENESIS;
  let events = 0;
  let broken: { brokenAtSeq: number; reason: string } | null = null;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(
          line({ type: "header", format: AUDIT_EXPORT_FORMAT, programme: access.programme.slug, chain, exportedAt: now.toISOString() }),
        );
        return;
      }
      const page: StoredEvent[] = await eventsAfter(chain, at.seq, PAGE);
      if (!broken) {
        const verdict = verifyChain(page, at);
        if (!verdict.ok) broken = { brokenAtSeq: verdict.brokenAtSeq, reason: verdict.reason };
      }
      for (const e of page) controller.enqueue(line({ type: "event", ...e }));
      events += page.length;
      const last = page[page.length - 1];
      if (last) at = { seq: last.seq, hash: last.hash };
      if (page.length < PAGE) {
        controller.enqueue(
          line(
            broken
              ? { type: "head", events, headSeq: at.seq, headHash: at.hash, verified: false, ...broken }
              : { type: "head", events, headSeq: at.seq, headHash: at.hash, verified: true },
          ),
        );
        await db.auditCheckpoint.create({
          data: broken
            ? { chain, seq: broken.brokenAtSeq, hash: "", ok: false, full: true, ...broken }
            : { chain, seq: at.seq, hash: at.hash, ok: true, full: true },
        });
        controller.close();
      }
    },
  });
  return { slug: access.programme.slug, stream };
}
