import { describe, expect, it } from "vitest";

import {
  advance,
  clampRangeFor,
  defaultSyncRange,
  eachDay,
  emptyEndpointProgress,
  heartbeatIsStale,
  keyHint,
  lastSyncableDay,
  nextPageOf,
  parseRetryAfter,
  readProgress,
  retryDecision,
  scheduledSyncDue,
  scheduledSyncRange,
  syncRangeProblem,
} from "@/domain/sync";
import { SYNC_ENDPOINTS } from "@/features/usage/sync/endpoints";
import { pageUrl } from "@/features/usage/sync/server/fetch-report-page";

const at = (iso: string) => new Date(iso);
const NOW = at("2026-11-21T15:00:00Z");

describe("usage sync rules", () => {
  it("pulls a day once it is over: admin reports up to yesterday, analytics four days behind", () => {
    expect(lastSyncableDay("ADMIN", NOW)).toBe("2026-11-20");
    expect(lastSyncableDay("ANALYTICS", NOW)).toBe("2026-11-17");
    expect(defaultSyncRange(NOW)).toEqual({ from: "2026-11-14", to: "2026-11-20" });
    expect(scheduledSyncRange(NOW)).toEqual({ from: "2026-11-15", to: "2026-11-20" });
    expect(clampRangeFor("ANALYTICS", "2026-11-15", "2026-11-20", NOW)).toEqual({ from: "2026-11-15", to: "2026-11-17" });
    expect(clampRangeFor("ANALYTICS", "2026-11-18", "2026-11-20", NOW)).toBeNull();
    expect(clampRangeFor("ADMIN", "2026-11-18", "2026-11-20", NOW)).toEqual({ from: "2026-11-18", to: "2026-11-20" });
    expect(eachDay("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
  });

  it("refuses ranges that are reversed, not over, too long or not dates, naming the field", () => {
    expect(syncRangeProblem("2026-11-14", "2026-11-20", NOW)).toBeNull();
    expect(syncRangeProblem("2026-11-20", "2026-11-21", NOW)).toMatchObject({
      field: "to",
      message: expect.stringContaining("up to yesterday (2026-11-20, UTC)"),
    });
    expect(syncRangeProblem("2026-11-20", "2026-11-14", NOW)).toMatchObject({ field: "to" });
    expect(syncRangeProblem("2026-08-01", "2026-11-20", NOW)).toMatchObject({ field: "from", message: "Sync at most 93 days at a time." });
    expect(syncRangeProblem("2026-08-20", "2026-11-20", NOW)).toBeNull(); // 93 days
    expect(syncRangeProblem("2026-02-30", "2026-03-02", NOW)).toMatchObject({ field: "from" });
  });

  it("a scheduled sync is due when none started in the last 24 hours; a heartbeat silent for over 5 minutes is stale", () => {
    expect(scheduledSyncDue(null, NOW)).toBe(true);
    expect(scheduledSyncDue(at("2026-11-20T16:00:00Z"), NOW)).toBe(false);
    expect(scheduledSyncDue(at("2026-11-20T15:00:00Z"), NOW)).toBe(true);
    expect(heartbeatIsStale(at("2026-11-21T14:56:00Z"), NOW)).toBe(false);
    expect(heartbeatIsStale(at("2026-11-21T14:54:59Z"), NOW)).toBe(true);
  });

  it("retries: 401/403 never; 429 waits retry-after within bounds; 5xx and network failures back off, then give up", () => {
    expect(retryDecision({ status: 403, attempt: 1, retryAfterMs: null })).toEqual({ retry: false, reason: "permission" });
    expect(retryDecision({ status: 401, attempt: 1, retryAfterMs: null })).toEqual({ retry: false, reason: "permission" });
    expect(retryDecision({ status: 429, attempt: 1, retryAfterMs: 7_000 })).toEqual({ retry: true, delayMs: 7_000 });
    expect(retryDecision({ status: 429, attempt: 2, retryAfterMs: null })).toEqual({ retry: true, delayMs: 2_000 });
    expect(retryDecision({ status: 429, attempt: 1, retryAfterMs: 3_600_000 })).toEqual({ retry: false, reason: "rate-limit-too-long" });
    expect(retryDecision({ status: 429, attempt: 6, retryAfterMs: 1_000 })).toEqual({ retry: false, reason: "rate-limit-exhausted" });
    expect([1, 2, 3].map((attempt) => retryDecision({ status: 500, attempt, retryAfterMs: null }))).toEqual(
      [1_000, 2_000, 4_000].map((delayMs) => ({ retry: true, delayMs })),
    );
    expect(retryDecision({ status: 503, attempt: 4, retryAfterMs: null })).toEqual({ retry: false, reason: "server-error-exhausted" });
    expect(retryDecision({ status: null, attempt: 1, retryAfterMs: null })).toEqual({ retry: true, delayMs: 1_000 });
    expect(retryDecision({ status: 400, attempt: 1, retryAfterMs: null })).toEqual({ retry: false, reason: "client-error" });
  });

  it("reads retry-after as seconds or an HTTP date", () => {
    expect(parseRetryAfter("7", NOW)).toBe(7_000);
    expect(parseRetryAfter("0.5", NOW)).toBe(500);
    expect(parseRetryAfter("Sat, 21 Nov 2026 15:00:30 GMT", NOW)).toBe(30_000);
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter("soon", NOW)).toBeNull();
  });

  it("follows has_more / next_page; refuses a page that says more without saying where", () => {
    expect(nextPageOf({ data: [], has_more: true, next_page: "page_2" })).toEqual({ ok: true, next: "page_2" });
    expect(nextPageOf({ data: [], has_more: false, next_page: "page_2" })).toEqual({ ok: true, next: null });
    expect(nextPageOf({ data: [], next_page: "abc" })).toEqual({ ok: true, next: "abc" });
    expect(nextPageOf({ data: [], next_page: null })).toEqual({ ok: true, next: null });
    expect(nextPageOf({ data: [], has_more: true, next_page: null })).toMatchObject({ ok: false });
    expect(nextPageOf([])).toMatchObject({ ok: false });
  });

  it("progress: the next cursor, then the next day, then done; stored JSON is read defensively", () => {
    const p = emptyEndpointProgress("2026-03-01", "2026-03-02", true);
    expect(advance(p, "page_2")).toMatchObject({ state: "running", day: "2026-03-01", cursor: "page_2" });
    expect(advance({ ...p, cursor: "page_2" }, null)).toMatchObject({ state: "running", day: "2026-03-02", cursor: null });
    expect(advance({ ...p, day: "2026-03-02" }, null)).toMatchObject({ state: "done", cursor: null });
    expect(advance(emptyEndpointProgress("2026-03-01", "2026-03-02", false), null)).toMatchObject({ state: "done" });
    expect(readProgress(null)).toEqual({ endpoints: {} });
    expect(readProgress({ runId: 3, endpoints: "x" })).toEqual({ runId: undefined, endpoints: {} });
  });

  it("shows only the last four characters of a key", () => {
    expect(keyHint("  sk-ant-admin01-abcdefWXYZ ")).toBe("WXYZ");
  });

  it("asks each endpoint for its window, and a later page by its cursor", () => {
    const by = (key: string) => SYNC_ENDPOINTS.find((e) => e.key === key)!;
    const w = { from: "2026-03-01", to: "2026-03-03", day: "2026-03-02" };
    expect(pageUrl("http://x/", by("usage"), w, null)).toBe(
      "http://x/v1/organizations/usage_report/messages?starting_at=2026-03-01T00%3A00%3A00Z&ending_at=2026-03-04T00%3A00%3A00Z&bucket_width=1d&limit=31&group_by%5B%5D=model&group_by%5B%5D=workspace_id",
    );
    expect(pageUrl("http://x/base", by("claude_code"), w, "page_2")).toBe(
      "http://x/base/v1/organizations/usage_report/claude_code?starting_at=2026-03-02&limit=1000&page=page_2",
    );
    expect(pageUrl("http://x", by("analytics_users"), w, null)).toBe(
      "http://x/v1/organizations/analytics/users?date=2026-03-02&limit=1000",
    );
    expect(pageUrl("http://x", by("analytics_summaries"), w, null)).toBe(
      "http://x/v1/organizations/analytics/summaries?starting_date=2026-03-01&ending_date=2026-03-04",
    );
  });
});
