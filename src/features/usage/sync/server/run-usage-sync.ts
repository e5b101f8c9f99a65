import "server-only";

import { advance, nextPageOf, readProgress, type EndpointProgress, type SyncKeyKind, type SyncProgress } from "@/domain/sync";
import type { Prisma } from "@/generated/prisma/client";
import { appendAudit } from "@/server/audit";
import { DEFAULT_BASE_URL } from "@/server/claude/client";
import { DecryptionError, decryptSecret, encryptionKeyFromEnv } from "@/server/crypto";
import { db, type Tx } from "@/server/db";
import { env } from "@/server/env";
import { isAppError } from "@/server/errors";

import { parseImport } from "../../imports/parse-import";
import { MAX_BATCH_EVENTS } from "../../schemas";
import { ingestUsageEvents } from "../../server/ingest-usage-events";
import { storeAnalyticsSummaries } from "../../server/store-analytics-summaries";
import { SYNC_ENDPOINTS, type SyncEndpoint } from "../endpoints";
import { keyContext, keyLabel } from "./anthropic-key-select";
import { fetchReportPage, SyncFailure, type FetchPageDeps } from "./fetch-report-page";

/**
 * The sync engine. For each endpoint its keys allow, fetches pages (following next_page, day by day for
 * the per-day endpoints), reads each page with the import parser of the same format, and ingests the
 * events with the same statement as an import — so a sync and an import of the same pages give the same
 * totals, and a page pulled twice inserts nothing. After each page, in the page's own transaction, the
 * sync's progress (next cursor, counts, heartbeat) is saved: a failed sync resumes from the failed page.
 *
 * A sync is owned by one run (progress.runId): every write checks the row is still RUNNING under that
 * run id, so a worker presumed dead (stale heartbeat, resumed elsewhere) stops instead of racing.
 */

export const SYNC_FINISH_ACTOR = { id: null, label: "system (usage sync)" };
const PAGE_TX = { maxWait: 15_000, timeout: 120_000 };

export interface SyncRunOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  /** Defaults to ANTHROPIC_BASE_URL, else Anthropic's API. */
  baseUrl?: string;
  /** Called after every saved page and at the end (the CLI prints it). */
  onProgress?: (event: { endpoint: SyncEndpoint; progress: EndpointProgress }) => void;
}

export interface SyncOutcome {
  id: string;
  status: "SUCCEEDED" | "FAILED" | "RUNNING";
  pages: number;
  records: number;
  inserted: number;
  error: string | null;
}

/** This run no longer owns the sync (it was settled as stale and resumed, or finished elsewhere). */
class LostOwnership extends Error {}

async function assertOwned(tx: Tx, syncId: string, runId: string | undefined): Promise<void> {
  const rows = await tx.$queryRaw<{ status: string; runId: string | null }[]>`
    SELECT "status"::text AS "status", "progress"->>'runId' AS "runId" FROM "UsageSync" WHERE "id" = ${syncId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row || row.status !== "RUNNING" || (row.runId ?? undefined) !== runId) throw new LostOwnership();
}

const json = (p: SyncProgress) => p as unknown as Prisma.InputJsonValue;
const insertedOf = (p: SyncProgress) => Object.values(p.endpoints).reduce((n, e) => n + (e.inserted ?? 0), 0);

async function loadKeys(programmeId: string): Promise<Map<SyncKeyKind, string>> {
  const rows = await db.anthropicKey.findMany({ where: { programmeId }, select: { kind: true, ciphertext: true } });
  if (rows.length === 0) return new Map();
  let encryptionKey: Buffer;
  try {
    encryptionKey = encryptionKeyFromEnv();
  } catch (e) {
    throw new SyncFailure(isAppError(e) ? e.message : "GATEHOUSE_ENCRYPTION_KEY is not usable.");
  }
  const keys = new Map<SyncKeyKind, string>();
  for (const r of rows) {
    try {
      keys.set(r.kind, decryptSecret(r.ciphertext, encryptionKey, keyContext(programmeId, r.kind)));
    } catch (e) {
      if (e instanceof DecryptionError)
        throw new SyncFailure(
          `The stored ${keyLabel(r.kind)} cannot be decrypted with this server's GATEHOUSE_ENCRYPTION_KEY (was it changed?). Enter the key again, then resume.`,
        );
      throw e;
    }
  }
  return keys;
}

export async function runUsageSync(syncId: string, options: SyncRunOptions = {}): Promise<SyncOutcome> {
  const now = options.now ?? (() => new Date());
  const row = await db.usageSync.findUnique({
    where: { id: syncId },
    select: { id: true, programmeId: true, status: true, progress: true, pages: true, records: true, error: true },
  });
  if (!row) throw new Error(`No usage sync ${syncId}.`);
  const progress = readProgress(row.progress);
  if (row.status !== "RUNNING")
    return { id: row.id, status: row.status, pages: row.pages, records: row.records, inserted: insertedOf(progress), error: row.error };
  const runId = progress.runId;
  let secrets: string[] = [];
  let current: string | null = null;

  const heartbeat = async () => {
    const n = await db.$executeRaw`
      UPDATE "UsageSync" SET "heartbeatAt" = ${now()} WHERE "id" = ${syncId}::uuid AND "status" = 'RUNNING' AND "progress"->>'runId' = ${runId ?? ""}`;
    if (n === 0) throw new LostOwnership();
  };
  const deps: FetchPageDeps = {
    baseUrl: options.baseUrl ?? env().ANTHROPIC_BASE_URL ?? DEFAULT_BASE_URL,
    fetch: options.fetch ?? fetch,
    sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    now,
    beforeWait: heartbeat,
  };

  const finish = async (status: "SUCCEEDED" | "FAILED", error: string | null): Promise<SyncOutcome> => {
    return db.$transaction(async (tx) => {
      await assertOwned(tx, syncId, runId);
      const done = await tx.usageSync.update({
        where: { id: syncId },
        data: { status, error, finishedAt: now(), heartbeatAt: now(), progress: json(progress) },
        select: { pages: true, records: true },
      });
      const inserted = insertedOf(progress);
      await appendAudit(tx, {
        programmeId: row.programmeId,
        actor: SYNC_FINISH_ACTOR,
        action: status === "SUCCEEDED" ? "usage.sync.succeed" : "usage.sync.fail",
        entityType: "UsageSync",
        entityId: syncId,
        after: { pages: done.pages, records: done.records, inserted, ...(error ? { error } : {}) },
      });
      return { id: syncId, status, pages: done.pages, records: done.records, inserted, error };
    });
  };

  try {
    const keys = await loadKeys(row.programmeId);
    secrets = [...keys.values()];
    for (const endpoint of SYNC_ENDPOINTS) {
      let p = progress.endpoints[endpoint.key];
      if (!p || p.state === "done" || p.state === "skipped") continue;
      current = endpoint.key;
      const apiKey = keys.get(endpoint.kind);
      if (!apiKey)
        throw new SyncFailure(
          `The ${keyLabel(endpoint.kind)} needed for the ${endpoint.noun} has been removed; add it again, then resume.`,
        );
      while (p.state !== "done") {
        const page = await fetchReportPage(deps, endpoint, apiKey, p, p.cursor);
        const next = nextPageOf(page.body);
        if (!next.ok)
          throw new SyncFailure(
            `Anthropic's page ${p.pages + 1} of the ${endpoint.noun} is malformed (${next.reason}); the sync stopped. Resume to try it again.`,
          );
        const parsed = parseImport(endpoint.format, page.text);
        if (!parsed.ok) {
          const first = parsed.problems[0]!;
          const more = parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more problems)` : "";
          throw new SyncFailure(
            `Anthropic's page ${p.pages + 1} of the ${endpoint.noun} could not be read: ${first.record}: ${first.reason}${more}. Nothing from that page was stored.`,
          );
        }
        const before = p;
        const saved = await db.$transaction(async (tx) => {
          await assertOwned(tx, syncId, runId);
          let inserted = 0;
          for (let at = 0; at < parsed.events.length; at += MAX_BATCH_EVENTS)
            inserted += (
              await ingestUsageEvents(tx, row.programmeId, parsed.events.slice(at, at + MAX_BATCH_EVENTS), `sync:${endpoint.key}`)
            ).inserted;
          // Analytics summaries are organisation-level daily facts: stored by day (a day pulled again replaces its
          // figures), counted as the page's records; a new day counts as inserted.
          const summaries = parsed.summaries ? await storeAnalyticsSummaries(tx, row.programmeId, parsed.summaries, "sync") : null;
          if (summaries) inserted += summaries.inserted;
          const records = parsed.events.length + (summaries?.days ?? 0);
          const after = advance(
            { ...before, pages: before.pages + 1, events: before.events + records, inserted: before.inserted + inserted },
            next.next,
          );
          const updated: SyncProgress = { ...progress, endpoints: { ...progress.endpoints, [endpoint.key]: after } };
          await tx.usageSync.update({
            where: { id: syncId },
            data: { progress: json(updated), pages: { increment: 1 }, records: { increment: records }, heartbeatAt: now() },
          });
          return updated;
        }, PAGE_TX);
        progress.endpoints = saved.endpoints;
        p = progress.endpoints[endpoint.key]!;
        options.onProgress?.({ endpoint, progress: p });
      }
    }
    current = null;
    return await finish("SUCCEEDED", null);
  } catch (e) {
    if (e instanceof LostOwnership) {
      const r = await db.usageSync.findUniqueOrThrow({
        where: { id: syncId },
        select: { status: true, pages: true, records: true, error: true },
      });
      return { id: syncId, status: r.status, pages: r.pages, records: r.records, inserted: insertedOf(progress), error: r.error };
    }
    const redact = (s: string) => secrets.reduce((acc, k) => acc.split(k).join("[redacted]"), s);
    let message: string;
    if (e instanceof SyncFailure) message = redact(e.message);
    else {
      console.error(
        `Usage sync ${syncId} stopped by an unexpected error:`,
        redact(e instanceof Error ? (e.stack ?? e.message) : String(e)),
      );
      message = "An unexpected error stopped the sync (it is in the server log). Resume continues from the last page saved.";
    }
    if (current && progress.endpoints[current])
      progress.endpoints[current] = { ...progress.endpoints[current]!, state: "failed", error: message };
    try {
      return await finish("FAILED", message);
    } catch (e2) {
      if (e2 instanceof LostOwnership)
        return { id: syncId, status: "FAILED", pages: row.pages, records: row.records, inserted: insertedOf(progress), error: message };
      throw e2;
    }
  }
}
