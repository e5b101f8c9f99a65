import "server-only";

import { defaultSyncRange, heartbeatIsStale, lastSyncableDay, readProgress } from "@/domain/sync";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { encryptionConfigured } from "@/server/crypto";
import { db } from "@/server/db";

import { SYNC_ENDPOINTS } from "../endpoints";
import type { UsageSyncView } from "../views";
import { anthropicKeySelect, type AnthropicKeyView } from "./anthropic-key-select";
import { dayOf, staleMessage } from "./claim-usage-sync";

const syncSelect = {
  id: true,
  trigger: true,
  status: true,
  fromDay: true,
  toDay: true,
  progress: true,
  pages: true,
  records: true,
  error: true,
  startedBy: true,
  startedAt: true,
  heartbeatAt: true,
  finishedAt: true,
} as const;

export const SYNC_HISTORY_LENGTH = 20;

async function loadSyncs(programmeId: string, now: Date): Promise<UsageSyncView[]> {
  const rows = await db.usageSync.findMany({
    where: { programmeId },
    orderBy: { startedAt: "desc" },
    take: SYNC_HISTORY_LENGTH,
    select: syncSelect,
  });
  return rows.map((r) => {
    const progress = readProgress(r.progress);
    const stale = r.status === "RUNNING" && heartbeatIsStale(r.heartbeatAt, now);
    const endpoints = SYNC_ENDPOINTS.flatMap((e) => {
      const p = progress.endpoints[e.key];
      return p
        ? [
            {
              key: e.key,
              label: e.label,
              state: p.state,
              day: p.day,
              pages: p.pages,
              events: p.events,
              inserted: p.inserted,
              note: p.note ?? null,
              error: p.error ?? null,
            },
          ]
        : [];
    });
    return {
      id: r.id,
      trigger: r.trigger,
      status: stale ? "FAILED" : r.status,
      from: dayOf(r.fromDay),
      to: dayOf(r.toDay),
      pages: r.pages,
      records: r.records,
      inserted: endpoints.reduce((n, e) => n + e.inserted, 0),
      error: stale ? staleMessage(r.heartbeatAt) : r.error,
      startedBy: r.startedBy,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      endpoints,
    };
  });
}

/** The recent syncs of a programme (programme managers), newest first: what the page polls. */
export async function listUsageSyncs(actor: Actor, programmeSlug: string, now = new Date()): Promise<UsageSyncView[]> {
  const access = await authorize(actor, programmeSlug, "usage.sync");
  return loadSyncs(access.programme.id, now);
}

export interface UsageSyncPage {
  keys: AnthropicKeyView[];
  syncs: UsageSyncView[];
  encryptionConfigured: boolean;
  defaultRange: { from: string; to: string };
  lastDay: string;
}

/** Everything the sync page shows: the keys (hint, who, when — never the key), the syncs, the defaults. */
export async function getUsageSyncPage(actor: Actor, programmeSlug: string, now = new Date()): Promise<UsageSyncPage> {
  const access = await authorize(actor, programmeSlug, "usage.sync");
  const keys = await db.anthropicKey.findMany({
    where: { programmeId: access.programme.id },
    orderBy: { kind: "asc" },
    select: anthropicKeySelect,
  });
  return {
    keys,
    syncs: await loadSyncs(access.programme.id, now),
    encryptionConfigured: encryptionConfigured(),
    defaultRange: defaultSyncRange(now),
    lastDay: lastSyncableDay("ADMIN", now),
  };
}
