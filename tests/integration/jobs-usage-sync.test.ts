import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { makeProgramme, makeUser } from "@/demo/factories";
import { usageSyncRunJob } from "@/features/usage/sync/jobs";
import { enqueueScheduledSyncs } from "@/features/usage/sync/server/run-scheduled-syncs";
import { saveAnthropicKey } from "@/features/usage/sync/server/save-anthropic-key";
import { startUsageSync } from "@/features/usage/sync/server/start-usage-sync";
import { db } from "@/server/db";
import { startWorker, type Worker } from "@/server/jobs/worker";

import { startFakeAnthropicAdmin, type FakeAnthropicAdmin } from "../support/fake-anthropic-admin";

/** The usage sync as jobs: Sync now and the daily schedule enqueue the sync's job with the claim; a worker runs it. */

let fake: FakeAnthropicAdmin;
const workers: Worker[] = [];
beforeAll(async () => {
  fake = await startFakeAnthropicAdmin({ pageSize: 2 });
  process.env.ANTHROPIC_BASE_URL = fake.url;
  process.env.GATEHOUSE_ENCRYPTION_KEY = randomBytes(32).toString("hex");
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(async () => {
  await fake?.close();
});

async function programmeWithKey() {
  const pm = await makeUser();
  const p = await makeProgramme(pm);
  await saveAnthropicKey(pm, { programmeSlug: p.slug, kind: "ADMIN", key: fake.adminKey });
  return { pm, p };
}

function work(programmeId: string) {
  const w = startWorker({ definitions: [usageSyncRunJob], programmeIds: [programmeId], pollMs: 20, log: () => undefined });
  workers.push(w);
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const syncDone = (id: string) => async () => {
  const s = await db.usageSync.findUniqueOrThrow({ where: { id } });
  return s.status !== "RUNNING" ? s : null;
};

describe("usage sync jobs", () => {
  it("Sync now enqueues the sync's job with the claim; a worker runs the sync to the end", async () => {
    const { pm, p } = await programmeWithKey();
    const { id } = await startUsageSync(pm, { programmeSlug: p.slug, from: "2026-03-02", to: "2026-03-03" });
    const job = await db.job.findFirstOrThrow({ where: { name: usageSyncRunJob.name, dedupeKey: id } });
    expect(job).toMatchObject({ programmeId: p.id, status: "PENDING" });
    work(p.id);
    const sync = await waitFor("the sync", syncDone(id));
    expect(sync.status).toBe("SUCCEEDED");
    expect(sync.pages).toBeGreaterThan(0);
    await waitFor("the job", async () => (await db.job.findUniqueOrThrow({ where: { id: job.id } })).status === "SUCCEEDED");
  });

  it("the daily schedule claims a due programme's sync once and enqueues its job", async () => {
    const { p } = await programmeWithKey();
    const now = new Date();
    expect(await enqueueScheduledSyncs(now, { programmeIds: [p.id] })).toBe(1);
    expect(await enqueueScheduledSyncs(new Date(now.getTime() + 60_000), { programmeIds: [p.id] })).toBe(0);
    const sync = await db.usageSync.findFirstOrThrow({ where: { programmeId: p.id } });
    expect(sync).toMatchObject({ trigger: "SCHEDULED", status: "RUNNING" });
    expect(await db.job.count({ where: { name: usageSyncRunJob.name, dedupeKey: sync.id } })).toBe(1);
    work(p.id);
    expect((await waitFor("the sync", syncDone(sync.id))).status).toBe("SUCCEEDED");
  });

  it("a sync whose worker died is adopted by the job's next attempt; out of attempts, it fails ready to resume", async () => {
    const { pm, p } = await programmeWithKey();
    const a = await startUsageSync(pm, { programmeSlug: p.slug, from: "2026-03-02", to: "2026-03-03" });
    const jobA = await db.job.findFirstOrThrow({ where: { dedupeKey: a.id } });
    const before = (await db.usageSync.findUniqueOrThrow({ where: { id: a.id } })).progress as { runId: string };
    await db.job.update({
      where: { id: jobA.id },
      data: { status: "RUNNING", attempts: 1, lockedBy: "dead", lockedUntil: new Date(Date.now() - 1) },
    });
    work(p.id);
    const adopted = await waitFor("the adopted sync", syncDone(a.id));
    expect(adopted.status).toBe("SUCCEEDED");
    expect((adopted.progress as { runId: string }).runId).not.toBe(before.runId);
    expect((await db.job.findUniqueOrThrow({ where: { id: jobA.id } })).attempts).toBe(2);

    const b = await startUsageSync(pm, { programmeSlug: p.slug, from: "2026-03-02", to: "2026-03-03" });
    const jobB = await db.job.findFirstOrThrow({ where: { dedupeKey: b.id } });
    await db.job.update({
      where: { id: jobB.id },
      data: { status: "RUNNING", attempts: jobB.maxAttempts, lockedBy: "dead", lockedUntil: new Date(Date.now() - 1) },
    });
    const failed = await waitFor("the sync to fail", syncDone(b.id));
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toMatch(
      /^The sync stopped after 4 attempts: Attempt 4 was interrupted.*Resume continues from the last page saved\.$/,
    );
    expect(await db.auditEvent.count({ where: { programmeId: p.id, action: "usage.sync.fail", entityId: b.id } })).toBe(1);
  });
});
