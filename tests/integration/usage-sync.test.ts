import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { addDays } from "@/domain/sync";
import type { ImportFormat } from "@/features/usage/imports/formats";
import { importUsageFile } from "@/features/usage/imports/server/import-usage-file";
import { keyContext } from "@/features/usage/sync/server/anthropic-key-select";
import { claimNewUsageSync, SCHEDULER_ACTOR } from "@/features/usage/sync/server/claim-usage-sync";
import { getUsageSyncPage, listUsageSyncs } from "@/features/usage/sync/server/list-usage-syncs";
import { removeAnthropicKey } from "@/features/usage/sync/server/remove-anthropic-key";
import { resumeUsageSync } from "@/features/usage/sync/server/resume-usage-sync";
import { runScheduledSyncs } from "@/features/usage/sync/server/run-scheduled-syncs";
import { runUsageSync, type SyncRunOptions } from "@/features/usage/sync/server/run-usage-sync";
import { saveAnthropicKey } from "@/features/usage/sync/server/save-anthropic-key";
import { startUsageSync } from "@/features/usage/sync/server/start-usage-sync";
import type { Actor } from "@/server/auth/actor";
import { decryptSecret, parseEncryptionKey } from "@/server/crypto";
import { db } from "@/server/db";

import {
  ADMIN_PATHS,
  ANALYTICS_PATHS,
  analyticsSummary,
  startFakeAnthropicAdmin,
  type FakeAnthropicAdmin,
} from "../support/fake-anthropic-admin";

const ENCRYPTION_KEY = randomBytes(32).toString("hex");
let fake: FakeAnthropicAdmin;

beforeAll(async () => {
  fake = await startFakeAnthropicAdmin({ pageSize: 2 });
  // Read by env() on first use: nothing in this file has touched it yet.
  process.env.ANTHROPIC_BASE_URL = fake.url;
  process.env.GATEHOUSE_ENCRYPTION_KEY = ENCRYPTION_KEY;
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => fake.reset());

/** Waits are recorded, not slept: the tests assert what the engine asked to wait, never how long anything took. */
const run = (syncId: string, extra: SyncRunOptions = {}) => {
  const waits: number[] = [];
  const outcome = runUsageSync(syncId, { sleep: async (ms) => void waits.push(ms), ...extra });
  return outcome.then((o) => ({ ...o, waits }));
};

const FROM = "2026-03-02";
const TO = "2026-03-05"; // four days
const DAYS = 4;
/** With two buckets/rows a page: usage 4 buckets → 2 pages, cost 2, Claude Code 3 rows a day → 2 a day, analytics users 3 a day → 2 a day, summaries 4 → 2. */
const EXPECTED_PAGES = { usage: 2, cost: 2, claude_code: 2 * DAYS, analytics_users: 2 * DAYS, analytics_summaries: 2 };

async function programmeWithKeys(kinds: ("ADMIN" | "ANALYTICS")[] = ["ADMIN", "ANALYTICS"]) {
  const pm = await makeUser();
  const p = await makeProgramme(pm);
  for (const kind of kinds)
    await saveAnthropicKey(pm, { programmeSlug: p.slug, kind, key: kind === "ADMIN" ? fake.adminKey : fake.analyticsKey });
  return { pm, p };
}

const totals = async (programmeId: string) => {
  const [raw] = await db.$queryRaw<{ events: bigint; sessions: bigint; tasks: bigint; output: bigint; uncached: bigint; cost: number }[]>`
    SELECT count(*) AS events, coalesce(sum("sessions"),0) AS sessions, coalesce(sum("tasks"),0) AS tasks, coalesce(sum("outputTokens"),0) AS output,
           coalesce(sum("uncachedInputTokens"),0) AS uncached, coalesce(sum("costUsd"),0)::float8 AS cost
    FROM "UsageEvent" WHERE "programmeId" = ${programmeId}::uuid`;
  const [rollup] = await db.$queryRaw<
    { events: bigint; sessions: bigint; tasks: bigint; output: bigint; uncached: bigint; cost: number }[]
  >`
    SELECT coalesce(sum("events"),0) AS events, coalesce(sum("sessions"),0) AS sessions, coalesce(sum("tasks"),0) AS tasks, coalesce(sum("outputTokens"),0) AS output,
           coalesce(sum("uncachedInputTokens"),0) AS uncached, coalesce(sum("costUsd"),0)::float8 AS cost
    FROM "UsageDaily" WHERE "programmeId" = ${programmeId}::uuid AND "dimension" = 'all'`;
  const [people] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "UsageUserDay" WHERE "programmeId" = ${programmeId}::uuid`;
  const n = (r: typeof raw) => ({
    events: Number(r!.events),
    sessions: Number(r!.sessions),
    tasks: Number(r!.tasks),
    output: Number(r!.output),
    uncached: Number(r!.uncached),
    cost: Math.round(r!.cost * 10_000) / 10_000,
  });
  return { raw: n(raw), rollup: n(rollup), personDays: Number(people!.n) };
};

const FORMAT_BY_PATH: Record<string, ImportFormat> = {
  [ADMIN_PATHS.usage]: "anthropic-usage-report",
  [ADMIN_PATHS.cost]: "anthropic-cost-report",
  [ADMIN_PATHS.claudeCode]: "claude-code-report",
  [ANALYTICS_PATHS.users]: "claude-analytics-users",
  [ANALYTICS_PATHS.summaries]: "claude-analytics-summaries",
};

/** Imports, as files, exactly the pages the fake served, into a fresh programme; returns its totals. */
async function totalsOfImportingServedPages(): Promise<Awaited<ReturnType<typeof totals>>> {
  const pm = await makeUser();
  const p = await makeProgramme(pm);
  for (const [path, served] of Object.entries(fake.pages)) {
    const r = await importUsageFile(pm, { programmeSlug: p.slug, format: FORMAT_BY_PATH[path]!, text: JSON.stringify(served) });
    expect(r.ok).toBe(true);
  }
  return totals(p.id);
}

const syncRow = (id: string) => db.usageSync.findUniqueOrThrow({ where: { id } });
const progressOf = (row: { progress: unknown }) =>
  (
    row.progress as {
      endpoints: Record<
        string,
        { state: string; pages: number; events: number; inserted: number; cursor: string | null; day: string | null }
      >;
    }
  ).endpoints;

describe("live usage sync", () => {
  it("stores a key encrypted and shows only its last four characters and who added it", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const saved = await saveAnthropicKey(pm, { programmeSlug: p.slug, kind: "ADMIN", key: ` ${fake.adminKey} ` });
    expect(saved).toEqual({
      id: expect.any(String),
      kind: "ADMIN",
      hint: fake.adminKey.slice(-4),
      addedBy: `${pm.name} <${pm.email}>`,
      addedAt: expect.any(Date),
    });
    expect(JSON.stringify(saved)).not.toContain(fake.adminKey);

    const row = await db.anthropicKey.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.ciphertext).not.toContain(fake.adminKey);
    expect(Buffer.from(row.ciphertext, "base64").toString("latin1")).not.toContain(fake.adminKey);
    expect(Buffer.from(row.ciphertext, "base64").length).toBe(12 + 16 + fake.adminKey.length);
    expect(decryptSecret(row.ciphertext, parseEncryptionKey(ENCRYPTION_KEY)!, keyContext(p.id, "ADMIN"))).toBe(fake.adminKey);
    // Bound to its programme and kind: the same ciphertext does not decrypt as another row's.
    expect(() => decryptSecret(row.ciphertext, parseEncryptionKey(ENCRYPTION_KEY)!, keyContext(p.id, "ANALYTICS"))).toThrow(
      /could not be decrypted/,
    );

    const page = await getUsageSyncPage(pm, p.slug);
    expect(page.keys.map((k) => ({ kind: k.kind, hint: k.hint }))).toEqual([{ kind: "ADMIN", hint: fake.adminKey.slice(-4) }]);
    expect(page.encryptionConfigured).toBe(true);
    expect(JSON.stringify(page)).not.toContain(fake.adminKey);
    expect(JSON.stringify(page)).not.toContain(row.ciphertext);

    // Replace, then remove: audited with the hint only.
    const replaced = await saveAnthropicKey(pm, { programmeSlug: p.slug, kind: "ADMIN", key: fake.noPermissionKey });
    expect(replaced.hint).toBe(fake.noPermissionKey.slice(-4));
    expect(await db.anthropicKey.count({ where: { programmeId: p.id } })).toBe(1);
    await removeAnthropicKey(pm, { programmeSlug: p.slug, kind: "ADMIN" });
    expect(await db.anthropicKey.count({ where: { programmeId: p.id } })).toBe(0);
    const audits = await db.auditEvent.findMany({
      where: { programmeId: p.id, entityType: "AnthropicKey" },
      orderBy: { seq: "asc" },
      select: { action: true, before: true, after: true },
    });
    expect(audits.map((a) => a.action)).toEqual(["anthropic_key.add", "anthropic_key.replace", "anthropic_key.remove"]);
    expect(audits[1]).toMatchObject({
      before: { kind: "ADMIN", hint: fake.adminKey.slice(-4) },
      after: { kind: "ADMIN", hint: fake.noPermissionKey.slice(-4) },
    });
    expect(JSON.stringify(audits)).not.toContain(fake.adminKey);
    expect(JSON.stringify(audits)).not.toContain(fake.noPermissionKey);
    await expect(saveAnthropicKey(pm, { programmeSlug: p.slug, kind: "ADMIN", key: "too short" })).rejects.toMatchObject({
      name: "ZodError",
    });
  });

  it("follows every page of every endpoint the keys allow; the totals equal importing the same pages as files", async () => {
    const { pm, p } = await programmeWithKeys();
    const { id } = await startUsageSync(pm, { programmeSlug: p.slug, from: FROM, to: TO });
    const outcome = await run(id);
    expect(outcome).toMatchObject({ status: "SUCCEEDED", error: null, waits: [] });

    const row = await syncRow(id);
    const endpoints = progressOf(row);
    for (const [key, pages] of Object.entries(EXPECTED_PAGES))
      expect(endpoints[key], key).toMatchObject({ state: "done", pages, cursor: null });
    const allPages = Object.values(EXPECTED_PAGES).reduce((a, b) => a + b, 0);
    expect(row).toMatchObject({ status: "SUCCEEDED", pages: allPages, trigger: "MANUAL", startedBy: `${pm.name} <${pm.email}>` });
    expect(fake.requests.filter((r) => r.status === 200)).toHaveLength(allPages);
    // Keys went where they belong, with the admin API version; the per-day endpoints asked day by day.
    expect(fake.requests.every((r) => r.apiKey === (r.path.includes("/analytics/") ? fake.analyticsKey : fake.adminKey))).toBe(true);
    expect(fake.requests.filter((r) => r.path === ADMIN_PATHS.usage).every((r) => r.anthropicVersion === "2023-06-01")).toBe(true);
    expect(new Set(fake.requests.filter((r) => r.path === ADMIN_PATHS.claudeCode).map((r) => r.query.starting_at![0]))).toEqual(
      new Set([FROM, addDays(FROM, 1), addDays(FROM, 2), TO]),
    );
    expect(fake.requests.find((r) => r.path === ADMIN_PATHS.usage)!.query).toMatchObject({
      starting_at: [`${FROM}T00:00:00Z`],
      ending_at: [`${addDays(TO, 1)}T00:00:00Z`],
      bucket_width: ["1d"],
    });

    const synced = await totals(p.id);
    expect(synced.raw).toEqual(synced.rollup);
    // Records: the events, plus one organisation-level fact per day of analytics summaries (stored, not events).
    const summaries = () =>
      db.usageAnalyticsDaily.findMany({
        where: { programmeId: p.id },
        orderBy: { day: "asc" },
        select: { day: true, dailyActiveUsers: true, monthlyActiveUsers: true, assignedSeats: true },
      });
    const stored = await summaries();
    expect(stored.map((s) => [s.day.toISOString().slice(0, 10), s.dailyActiveUsers, s.monthlyActiveUsers, s.assignedSeats])).toEqual(
      [FROM, addDays(FROM, 1), addDays(FROM, 2), TO].map((d) => {
        const s = analyticsSummary(d);
        return [d, s.daily_active_user_count, s.monthly_active_user_count, s.assigned_seat_count];
      }),
    );
    expect(synced.raw.events + DAYS).toBe(row.records);
    expect(synced.raw.events).toBeGreaterThan(0);
    expect(await totalsOfImportingServedPages()).toEqual(synced);

    // Pulling the same range again inserts nothing, and the summaries' figures stay the same.
    const again = await startUsageSync(pm, { programmeSlug: p.slug, from: FROM, to: TO });
    expect(await run(again.id)).toMatchObject({ status: "SUCCEEDED", records: synced.raw.events + DAYS, inserted: 0 });
    expect(await totals(p.id)).toEqual(synced);
    expect(await summaries()).toEqual(stored);

    const audits = await db.auditEvent.findMany({
      where: { programmeId: p.id, entityType: "UsageSync" },
      orderBy: { seq: "asc" },
      select: { action: true, entityId: true },
    });
    expect(audits).toEqual([
      { action: "usage.sync.start", entityId: id },
      { action: "usage.sync.succeed", entityId: id },
      { action: "usage.sync.start", entityId: again.id },
      { action: "usage.sync.succeed", entityId: again.id },
    ]);
  });

  it("a 429 waits what retry-after asks, then continues", async () => {
    const { pm, p } = await programmeWithKeys(["ADMIN"]);
    fake.fail({ status: 429, retryAfterSeconds: 7, path: ADMIN_PATHS.cost, laterPagesOnly: true, times: 2 });
    const { id } = await startUsageSync(pm, { programmeSlug: p.slug, from: FROM, to: TO });
    const outcome = await run(id);
    expect(outcome).toMatchObject({ status: "SUCCEEDED", waits: [7000, 7000] });
    expect(fake.requests.filter((r) => r.path === ADMIN_PATHS.cost).map((r) => r.status)).toEqual([200, 429, 429, 200]);
    expect((await syncRow(id)).pages).toBe(EXPECTED_PAGES.usage + EXPECTED_PAGES.cost + EXPECTED_PAGES.claude_code);
  });

  it("a 429 asking for a long wait, or repeated, fails the sync with what to do", async () => {
    const { pm, p } = await programmeWithKeys(["ADMIN"]);
    fake.fail({ status: 429, retryAfterSeconds: 3600, path: ADMIN_PATHS.usage });
    const first = await run((await startUsageSync(pm, { programmeSlug: p.slug, from: FROM, to: TO })).id);
    expect(first).toMatchObject({ status: "FAILED", waits: [] });
    expect(first.error).toMatch(
      /rate limit for the usage report \(\/v1\/organizations\/usage_report\/messages\) asks to wait 3600 s \(429 rate_limit_error/,
    );

    fake.fail({ status: 429, retryAfterSeconds: 1, path: ADMIN_PATHS.usage, times: Infinity });
    const second = await run((await startUsageSync(pm, { programmeSlug: p.slug, from: FROM, to: TO })).id);
    expect(second.error).toMatch(
      /^The usage report \(\/v1\/organizations\/usage_report\/messages\) stayed rate limited after 6 attempts \(429 rate_limit_error/,
    );
    expect(second.waits).toEqual([1000, 1000, 1000, 1000, 1000]);
  });

  it("a 500 that persists fails the sync naming the endpoint and status; Resume continues from the failed page and doubles nothing", async () => {
    const { pm, p } = await programmeWithKeys();
    fake.fail({ status: 500, path: ADMIN_PATHS.usage, laterPagesOnly: true, times: Infinity });
    const { id } = await startUsageSync(pm, { programmeSlug: p.slug, from: FROM, to: TO });
    const failed = await run(id);
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toMatch(
      /^The usage report \(\/v1\/organizations\/usage_report\/messages\) failed after 4 attempts: Anthropic answered 500 api_error: Internal server error \(request req_fakeadmin_\d+\)\. Resume continues from this page\.$/,
    );
    expect(failed.waits).toEqual([1000, 2000, 4000]);
    const row = await syncRow(id);
    expect(row).toMatchObject({ status: "FAILED", pages: 1, error: failed.error });
    const at = progressOf(row);
    expect(at.usage).toMatchObject({ state: "failed", pages: 1, cursor: expect.stringMatching(/^page_/) });
    expect(at.cost).toMatchObject({ state: "pending", pages: 0 });
    const afterFailure = await totals(p.id);
    expect(afterFailure.raw.events).toBe(row.records);
    expect(afterFailure.raw.events).toBeGreaterThan(0);
    expect(await listUsageSyncs(pm, p.slug)).toMatchObject([{ id, status: "FAILED", error: failed.error, pages: 1 }]);

    fake.clearFailures();
    const requestsBefore = fake.requests.length;
    expect(await resumeUsageSync(pm, { programmeSlug: p.slug, syncId: id })).toEqual({ id });
    const resumed = await run(id);
    expect(resumed).toMatchObject({ status: "SUCCEEDED", error: null });
    // It asked for the failed page first, not the first page again.
    expect(fake.requests[requestsBefore]).toMatchObject({ path: ADMIN_PATHS.usage, status: 200, query: { page: [at.usage!.cursor] } });

    const done = await syncRow(id);
    expect(done.pages).toBe(Object.values(EXPECTED_PAGES).reduce((a, b) => a + b, 0));
    const synced = await totals(p.id);
    expect(synced.raw.events + DAYS).toBe(done.records); // the events and the four days of analytics summaries
    expect(synced.raw).toEqual(synced.rollup);
    expect(await totalsOfImportingServedPages()).toEqual(synced);
    const audits = await db.auditEvent.findMany({
      where: { programmeId: p.id, entityType: "UsageSync" },
      orderBy: { seq: "asc" },
      select: { action: true },
    });
    expect(audits.map((a) => a.action)).toEqual(["usage.sync.start", "usage.sync.fail", "usage.sync.resume", "usage.sync.succeed"]);
    await expect(resumeUsageSync(pm, { programmeSlug: p.slug, syncId: id })).rejects.toThrow(/nothing to resume/);
  });

  it("a key without permission fails at once with a clear refusal, and the key appears nowhere", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    await saveAnthropicKey(pm, { programmeSlug: p.slug, kind: "ADMIN", key: fake.noPermissionKey });
    const outcome = await run((await startUsageSync(pm, { programmeSlug: p.slug, from: FROM, to: TO })).id);
    expect(outcome).toMatchObject({ status: "FAILED", waits: [], pages: 0 });
    expect(outcome.error).toMatch(
      /^The admin key lacks permission for the usage report \(\/v1\/organizations\/usage_report\/messages\): Anthropic answered 403 permission_error/,
    );
    expect(fake.requests).toHaveLength(1);

    // An admin key stored as the analytics key: the analytics API answers 404, which is a refusal too.
    const q = await makeUser();
    const p2 = await makeProgramme(q);
    await saveAnthropicKey(q, { programmeSlug: p2.slug, kind: "ANALYTICS", key: fake.adminKey });
    const o2 = await run((await startUsageSync(q, { programmeSlug: p2.slug, from: FROM, to: TO })).id);
    expect(o2.error).toMatch(
      /^The analytics key lacks permission for the analytics users report \(\/v1\/organizations\/analytics\/users, 2026-03-02\): Anthropic answered 404 not_found_error/,
    );

    for (const id of [outcome.id, o2.id]) {
      const row = await syncRow(id);
      const stored = JSON.stringify(row);
      expect(stored).not.toContain(fake.noPermissionKey);
      expect(stored).not.toContain(fake.adminKey);
    }
    const audits = JSON.stringify(
      await db.auditEvent.findMany({ where: { programmeId: { in: [p.id, p2.id] } }, select: { action: true, before: true, after: true } }),
    );
    expect(audits).not.toContain(fake.noPermissionKey);
    expect(audits).not.toContain(fake.adminKey);
  });

  it("only a programme manager of the programme may manage keys, sync, resume or see syncs", async () => {
    const { pm, p } = await programmeWithKeys(["ADMIN"]);
    const viewer = await makeUser();
    await makeMember(pm, p.slug, viewer, ["VIEWER"]);
    const sponsor = await makeUser();
    await makeMember(pm, p.slug, sponsor, ["SPONSOR"]);
    const stranger = await makeUser();
    const otherPm = await makeUser();
    const other = await makeProgramme(otherPm);
    const { id } = await startUsageSync(pm, { programmeSlug: p.slug, from: FROM, to: TO });
    await run(id);

    for (const [who, code] of [
      [viewer, "FORBIDDEN"],
      [sponsor, "FORBIDDEN"],
      [stranger, "NOT_FOUND"],
      [otherPm, "NOT_FOUND"],
    ] as [Actor, string][]) {
      await expect(saveAnthropicKey(who, { programmeSlug: p.slug, kind: "ADMIN", key: fake.adminKey })).rejects.toMatchObject({ code });
      await expect(removeAnthropicKey(who, { programmeSlug: p.slug, kind: "ADMIN" })).rejects.toMatchObject({ code });
      await expect(startUsageSync(who, { programmeSlug: p.slug, from: FROM, to: TO })).rejects.toMatchObject({ code });
      await expect(resumeUsageSync(who, { programmeSlug: p.slug, syncId: id })).rejects.toMatchObject({ code });
      await expect(listUsageSyncs(who, p.slug)).rejects.toMatchObject({ code });
      await expect(getUsageSyncPage(who, p.slug)).rejects.toMatchObject({ code });
    }
    // Another programme's manager naming this programme's sync through their own programme: not found.
    await expect(resumeUsageSync(otherPm, { programmeSlug: other.slug, syncId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.anthropicKey.count({ where: { programmeId: p.id } })).toBe(1);
    expect(await db.usageSync.count({ where: { programmeId: p.id } })).toBe(1);
  });

  it("refuses a second Sync now while one runs (two at once: one wins); a stale one counts as failed", async () => {
    const { pm, p } = await programmeWithKeys(["ADMIN"]);
    const both = await Promise.allSettled([
      startUsageSync(pm, { programmeSlug: p.slug, from: FROM, to: TO }),
      startUsageSync(pm, { programmeSlug: p.slug, from: FROM, to: TO }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = both.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^A sync of this programme is already running \(started .* by .*\); wait for it to finish\.$/),
    });
    await expect(startUsageSync(pm, { programmeSlug: p.slug, from: FROM, to: TO })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.usageSync.count({ where: { programmeId: p.id, status: "RUNNING" } })).toBe(1);

    // Its process died: no heartbeat for ten minutes. It shows as failed, and a new sync may start.
    const first = (both.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ id: string }>).value;
    await db.usageSync.update({ where: { id: first.id }, data: { heartbeatAt: new Date(Date.now() - 10 * 60_000) } });
    expect((await listUsageSyncs(pm, p.slug))[0]).toMatchObject({
      id: first.id,
      status: "FAILED",
      error: expect.stringMatching(/^Stopped without finishing/),
    });
    const next = await startUsageSync(pm, { programmeSlug: p.slug, from: FROM, to: TO });
    expect(await syncRow(first.id)).toMatchObject({ status: "FAILED", error: expect.stringMatching(/^Stopped without finishing/) });
    expect(
      (await db.auditEvent.findMany({ where: { entityId: first.id }, orderBy: { seq: "asc" }, select: { action: true } })).map(
        (a) => a.action,
      ),
    ).toEqual(["usage.sync.start", "usage.sync.fail"]);
    // The presumed-dead worker wakes up: it no longer owns the sync and changes nothing.
    const zombie = await run(first.id);
    expect(zombie).toMatchObject({ status: "FAILED", pages: 0 });
    expect(fake.requests).toHaveLength(0);
    expect(await run(next.id)).toMatchObject({ status: "SUCCEEDED" });
  });

  it("refuses a range that is not over yet, too long or reversed, and a programme without keys", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const today = new Date().toISOString().slice(0, 10);
    await expect(startUsageSync(pm, { programmeSlug: p.slug, from: FROM, to: TO })).rejects.toThrow(
      /^Add an admin key or an analytics key first/,
    );
    await saveAnthropicKey(pm, { programmeSlug: p.slug, kind: "ADMIN", key: fake.adminKey });
    await expect(startUsageSync(pm, { programmeSlug: p.slug, from: today, to: today })).rejects.toMatchObject({
      field: "to",
      message: expect.stringMatching(/^Pick days up to yesterday/),
    });
    await expect(startUsageSync(pm, { programmeSlug: p.slug, from: TO, to: FROM })).rejects.toMatchObject({ field: "to" });
    await expect(startUsageSync(pm, { programmeSlug: p.slug, from: "2025-01-01", to: TO })).rejects.toMatchObject({
      field: "from",
      message: expect.stringMatching(/at most 93 days/),
    });
    expect(await db.usageSync.count({ where: { programmeId: p.id } })).toBe(0);
  });

  it("the daily schedule: claimed once per 24 hours across processes, and it syncs the last complete days", async () => {
    const { p } = await programmeWithKeys(["ADMIN"]);
    const now = new Date();
    const claim = (at: Date) =>
      claimNewUsageSync({ programmeId: p.id, trigger: "SCHEDULED", from: FROM, to: TO, actor: SCHEDULER_ACTOR, now: at });
    const [a, b] = await Promise.all([claim(now), claim(now)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    await run((a ?? b)!.id);
    expect(await claim(new Date(now.getTime() + 23 * 3_600_000))).toBeNull();

    const later = new Date(now.getTime() + 25 * 3_600_000);
    const results = await runScheduledSyncs({ programmeIds: [p.id], now: () => later, sleep: async () => undefined });
    expect(results).toMatchObject([{ programmeSlug: p.slug, outcome: { status: "SUCCEEDED" } }]);
    const scheduled = await db.usageSync.findFirstOrThrow({ where: { programmeId: p.id, startedAt: later } });
    const yesterday = addDays(later.toISOString().slice(0, 10), -1);
    expect(scheduled).toMatchObject({ trigger: "SCHEDULED", startedBy: "system (daily usage sync)", status: "SUCCEEDED" });
    expect(scheduled.toDay.toISOString().slice(0, 10)).toBe(yesterday);
    expect(scheduled.fromDay.toISOString().slice(0, 10)).toBe(addDays(yesterday, -5));
    // Nothing more is due within the day.
    expect(await runScheduledSyncs({ programmeIds: [p.id], now: () => new Date(later.getTime() + 3_600_000) })).toEqual([]);
  });

  it("npm run cli -- sync pulls a range and reports it", async () => {
    const { p } = await programmeWithKeys(["ADMIN"]);
    const out = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(
        "node_modules/.bin/tsx",
        ["--conditions=react-server", "src/cli/index.ts", "sync", "--programme", p.slug, "--from", FROM, "--to", TO],
        {
          env: {
            ...process.env,
            DATABASE_URL: process.env.DATABASE_URL,
            ANTHROPIC_BASE_URL: fake.url,
            GATEHOUSE_ENCRYPTION_KEY: ENCRYPTION_KEY,
          },
        },
      );
      let text = "";
      child.stdout.on("data", (c: Buffer) => (text += c.toString()));
      child.stderr.on("data", (c: Buffer) => (text += c.toString()));
      child.on("close", (code) => resolve({ code, text }));
    });
    const pages = EXPECTED_PAGES.usage + EXPECTED_PAGES.cost + EXPECTED_PAGES.claude_code;
    expect(out.text).toContain(`Sync of ${p.slug} succeeded: pages=${pages}`);
    expect(out.text).toMatch(/usage report: 2 pages, \d+ events \(\d+ new\), done/);
    expect(out.text).not.toContain(fake.adminKey);
    expect(out.code).toBe(0);
    expect((await totals(p.id)).raw.events).toBeGreaterThan(0);
  }, 60_000);
});
