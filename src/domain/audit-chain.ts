import { createHash } from "node:crypto";

/**
 * The audit trail is hash-chained per chain (a programme, or "system"): each event's hash covers its
 * content and the previous event's hash, so changing or removing any event breaks every later link.
 */
export const GENESIS_HASH = "0".repeat(64);

export interface ChainedEventContent {
  chain: string;
  seq: number;
  programmeId: string | null;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  createdAt: string; // ISO 8601 with milliseconds, UTC
}

/** JSON with object keys sorted at every depth, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function eventHash(prevHash: string, content: ChainedEventContent): string {
  return sha256Hex(`${prevHash}\n${canonicalJson(content)}`);
}

export interface StoredEvent extends ChainedEventContent {
  prevHash: string;
  hash: string;
}

export type ChainVerdict =
  { ok: true; events: number; headSeq: number; headHash: string } | { ok: false; events: number; brokenAtSeq: number; reason: string };

/** Where a verification starts: before the first event (genesis), or just after a verified event. */
export interface ChainPosition {
  seq: number;
  hash: string;
}

export const GENESIS: ChainPosition = { seq: 0, hash: GENESIS_HASH };

/**
 * Walks a chain (or the segment of it that follows `from`) in seq order and names the first broken link.
 * `events` counts the events walked; on success `headSeq`/`headHash` are where the next segment starts.
 */
export function verifyChain(events: readonly StoredEvent[], from: ChainPosition = GENESIS): ChainVerdict {
  let prev = from.hash;
  let expectedSeq = from.seq + 1;
  for (const e of events) {
    if (e.seq !== expectedSeq)
      return {
        ok: false,
        events: events.length,
        brokenAtSeq: expectedSeq,
        reason: `event #${expectedSeq} is missing (next stored is #${e.seq})`,
      };
    if (e.prevHash !== prev)
      return {
        ok: false,
        events: events.length,
        brokenAtSeq: e.seq,
        reason: `event #${e.seq} does not point to the hash of event #${e.seq - 1}`,
      };
    const { prevHash: _p, hash: _h, ...content } = e;
    const recomputed = eventHash(prev, content);
    if (recomputed !== e.hash)
      return {
        ok: false,
        events: events.length,
        brokenAtSeq: e.seq,
        reason: `event #${e.seq} (${e.action}) was altered: its content no longer matches its hash`,
      };
    prev = e.hash;
    expectedSeq += 1;
  }
  return { ok: true, events: events.length, headSeq: expectedSeq - 1, headHash: prev };
}

/** Dates to ISO strings and undefined dropped, so what is hashed equals what is stored as JSON. */
export function toJsonSnapshot(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
}
