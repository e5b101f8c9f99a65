/**
 * Live usage sync: the pure rules (no I/O). Which days may be pulled, when a scheduled sync is due,
 * when a running sync is presumed dead, how a failed request is retried, how a page says there is more,
 * and what is ever shown of a stored key.
 *
 * Days are UTC calendar days as "YYYY-MM-DD".
 */

import { addDays, calendarDateOf, daysBetween, isCalendarDate } from "./dates";

export type SyncKeyKind = "ADMIN" | "ANALYTICS";

export const SYNC_KEY_LABELS: Record<SyncKeyKind, string> = { ADMIN: "Admin key", ANALYTICS: "Analytics key" };

const DAY_MS = 86_400_000;

export { addDays, eachDay } from "./dates";

/**
 * The last day each kind of key can pull. A synced record is never updated afterwards (ingestion is
 * idempotent by record identity: the first figures seen for a day win), so a day is pulled only once
 * it is over: admin reports up to yesterday; Claude Enterprise analytics publish a day about three days
 * after aggregation, so up to ANALYTICS_DELAY_DAYS ago.
 */
export const ANALYTICS_DELAY_DAYS = 4;
export function lastSyncableDay(kind: SyncKeyKind, now: Date): string {
  return addDays(calendarDateOf(now), kind === "ADMIN" ? -1 : -ANALYTICS_DELAY_DAYS);
}

/** The longest range one sync may pull. */
export const MAX_SYNC_DAYS = 93;

/** Why a requested range cannot be synced, or null. */
export function syncRangeProblem(from: string, to: string, now: Date): { field: "from" | "to"; message: string } | null {
  if (!isCalendarDate(from)) return { field: "from", message: "Pick a start day (YYYY-MM-DD)." };
  if (!isCalendarDate(to)) return { field: "to", message: "Pick an end day (YYYY-MM-DD)." };
  if (from > to) return { field: "to", message: "The end day must not be before the start day." };
  const last = lastSyncableDay("ADMIN", now);
  if (to > last)
    return { field: "to", message: `Pick days up to yesterday (${last}, UTC): a day's figures are pulled once the day is over.` };
  if (daysBetween(from, to) + 1 > MAX_SYNC_DAYS) return { field: "from", message: `Sync at most ${MAX_SYNC_DAYS} days at a time.` };
  return null;
}

/** The range a manual sync offers by default: the last seven complete days. */
export function defaultSyncRange(now: Date): { from: string; to: string } {
  const to = lastSyncableDay("ADMIN", now);
  return { from: addDays(to, -6), to };
}

/**
 * The daily schedule's range: the last SCHEDULED_LOOKBACK_DAYS complete days. Yesterday is new for the
 * admin reports; the older days are already there (pulling them again inserts nothing) but cover a
 * missed day, and they are the days the analytics endpoints have published since the last run.
 */
export const SCHEDULED_LOOKBACK_DAYS = 6;
export function scheduledSyncRange(now: Date): { from: string; to: string } {
  const to = lastSyncableDay("ADMIN", now);
  return { from: addDays(to, -(SCHEDULED_LOOKBACK_DAYS - 1)), to };
}

/** The part of a range a kind of key can pull now, or null when none of it is published yet. */
export function clampRangeFor(kind: SyncKeyKind, from: string, to: string, now: Date): { from: string; to: string } | null {
  const last = lastSyncableDay(kind, now);
  const end = to < last ? to : last;
  return from <= end ? { from, to: end } : null;
}

/** A scheduled sync is due when none has started in the last 24 hours. */
export const SCHEDULE_INTERVAL_MS = DAY_MS;
export function scheduledSyncDue(lastScheduledStartedAt: Date | null, now: Date): boolean {
  return lastScheduledStartedAt === null || now.getTime() - lastScheduledStartedAt.getTime() >= SCHEDULE_INTERVAL_MS;
}

/**
 * A running sync writes a heartbeat after every page and before every wait; one silent for this long
 * is presumed dead (its process stopped) and counts as failed, so it can be resumed.
 */
export const HEARTBEAT_STALE_MS = 5 * 60_000;
export function heartbeatIsStale(heartbeatAt: Date, now: Date): boolean {
  return now.getTime() - heartbeatAt.getTime() > HEARTBEAT_STALE_MS;
}

/** What is ever shown of a stored key: its last four characters. */
export function keyHint(key: string): string {
  return key.trim().slice(-4);
}

// ---------------------------------------------------------------------------------------------
// Retries

export const RETRY = {
  /** Attempts in all (first + retries) for a 5xx answer or a network failure. */
  serverErrorAttempts: 4,
  /** Attempts in all for a 429 answer. */
  rateLimitAttempts: 6,
  /** Backoff: base × 2^(attempt−1), capped. */
  backoffBaseMs: 1_000,
  backoffMaxMs: 16_000,
  /** A retry-after longer than this is not waited out in the sync: it fails and can be resumed later. */
  maxRetryAfterMs: 120_000,
} as const;

/** retry-after as seconds or an HTTP date → milliseconds to wait; null when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | null {
  if (header === null || header === undefined || header.trim() === "") return null;
  const s = header.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.ceil(Number(s) * 1000);
  const at = Date.parse(s);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

export const backoffMs = (attempt: number): number => Math.min(RETRY.backoffBaseMs * 2 ** (attempt - 1), RETRY.backoffMaxMs);

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: "permission" | "rate-limit-exhausted" | "rate-limit-too-long" | "server-error-exhausted" | "client-error" };

/**
 * What to do after a failed request. `status` null is a network failure or time-out; `attempt` counts
 * the attempts made so far (1 after the first). 401/403 never retry (the key will not grow a
 * permission); 429 waits what retry-after asks, within bounds; 5xx and network failures back off.
 */
export function retryDecision(input: { status: number | null; attempt: number; retryAfterMs: number | null }): RetryDecision {
  const { status, attempt } = input;
  if (status === 401 || status === 403) return { retry: false, reason: "permission" };
  if (status === 429) {
    if (attempt >= RETRY.rateLimitAttempts) return { retry: false, reason: "rate-limit-exhausted" };
    if (input.retryAfterMs !== null && input.retryAfterMs > RETRY.maxRetryAfterMs) return { retry: false, reason: "rate-limit-too-long" };
    return { retry: true, delayMs: input.retryAfterMs ?? backoffMs(attempt) };
  }
  if (status === null || status >= 500) {
    if (attempt >= RETRY.serverErrorAttempts) return { retry: false, reason: "server-error-exhausted" };
    return { retry: true, delayMs: backoffMs(attempt) };
  }
  return { retry: false, reason: "client-error" };
}

// ---------------------------------------------------------------------------------------------
// Pagination

/**
 * Where a page says the next one is: the admin reports carry has_more and next_page; the analytics
 * endpoints only next_page (null at the end). A page that says there is more without saying where is
 * malformed.
 */
export function nextPageOf(page: unknown): { ok: true; next: string | null } | { ok: false; reason: string } {
  if (typeof page !== "object" || page === null || Array.isArray(page)) return { ok: false, reason: "the answer is not a JSON object" };
  const { has_more: hasMore, next_page: nextPage } = page as { has_more?: unknown; next_page?: unknown };
  const cursor = typeof nextPage === "string" && nextPage !== "" ? nextPage : null;
  if (hasMore === true && cursor === null) return { ok: false, reason: "has_more is true but next_page is missing" };
  if (hasMore === false) return { ok: true, next: null };
  return { ok: true, next: cursor };
}

// ---------------------------------------------------------------------------------------------
// Progress, as kept in UsageSync.progress

export type EndpointState = "pending" | "running" | "done" | "failed" | "skipped";

export interface EndpointProgress {
  state: EndpointState;
  /** The window being pulled: the whole range, or one day for endpoints that answer per day. */
  from: string;
  to: string;
  /** Per-day endpoints: the day being pulled. */
  day: string | null;
  /** The next page within the current window; null = its first page. */
  cursor: string | null;
  pages: number;
  /** Usage events read from the pages (each went through ingestion). */
  events: number;
  /** Of those, new ones (the rest were already there). */
  inserted: number;
  note?: string;
  error?: string;
}

export interface SyncProgress {
  /** Identifies the current run: a resumed sync gets a new one, so a presumed-dead worker that wakes up stops. */
  runId?: string;
  endpoints: Record<string, EndpointProgress>;
}

export function emptyEndpointProgress(from: string, to: string, perDay: boolean): EndpointProgress {
  return { state: "pending", from, to, day: perDay ? from : null, cursor: null, pages: 0, events: 0, inserted: 0 };
}

/** After a page: the next cursor, or the next day, or done. */
export function advance(p: EndpointProgress, nextCursor: string | null): EndpointProgress {
  if (nextCursor !== null) return { ...p, state: "running", cursor: nextCursor };
  if (p.day !== null && p.day < p.to) return { ...p, state: "running", day: addDays(p.day, 1), cursor: null };
  return { ...p, state: "done", cursor: null };
}

/** Reads a stored progress value defensively (it is JSON in the database). */
export function readProgress(value: unknown): SyncProgress {
  if (typeof value !== "object" || value === null) return { endpoints: {} };
  const v = value as { runId?: unknown; endpoints?: unknown };
  const endpoints = typeof v.endpoints === "object" && v.endpoints !== null ? (v.endpoints as Record<string, EndpointProgress>) : {};
  return { runId: typeof v.runId === "string" ? v.runId : undefined, endpoints };
}
