// The usage batch API while its database restarts: the app keeps running, answers 503 with
// Retry-After while the database is away, recovers by itself (same pool, same Prisma client), and a
// client that retries ends with every event stored exactly once.
//
// The app here is the real route handler and the real db module, pointed at a private database
// (PGlite with its data in a temp folder, served over the Postgres protocol as `npm start` runs it)
// that this file stops and starts. The shared test database is not touched.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST } from "@/app/api/v1/programmes/[slug]/usage-events/route";
import { makeProgramme, makeUser } from "@/demo/factories";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { createApiToken } from "@/features/tokens/server/create-api-token";
import { db, disconnectDb, pool, prismaClient } from "@/server/db";
import { applyMigrations } from "@/server/db/migrations";
import { env } from "@/server/env";

import { startRestartablePostgres, type RestartablePostgres } from "../support/restartable-postgres";

let pg: RestartablePostgres;
let dir: string;
const saved = { url: process.env.DATABASE_URL, poolMax: process.env.DATABASE_POOL_MAX };

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "gatehouse-restart-"));
  pg = await startRestartablePostgres(path.join(dir, "pgdata"));
  await applyMigrations(pg.url);
  process.env.DATABASE_URL = pg.url;
  process.env.DATABASE_POOL_MAX = "1"; // as in embedded mode: one connection per process
  // The app's environment is read once: make sure nothing read it before this file pointed it here.
  expect(env().DATABASE_URL).toBe(pg.url);
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  await pg?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  process.env.DATABASE_URL = saved.url;
  process.env.DATABASE_POOL_MAX = saved.poolMax;
});

async function programmeWithToken() {
  const p = await makeProgramme(await makeUser());
  const { token } = await createApiToken({ id: null, label: "test" }, { programmeSlug: p.slug, name: "pipeline" });
  return { p, token };
}

const event = (batch: number, i: number) => ({
  externalId: `b${batch}-e${i}`,
  day: `2026-02-${String(1 + ((batch + i) % 28)).padStart(2, "0")}`,
  user: `u-${(batch * 7 + i) % 40}`,
  department: ["Finance", "Legal", "Operations"][i % 3],
  model: "claude-sonnet-4-6",
  tasks: 1 + (i % 4),
  minutesSaved: 5,
  minutesSource: "measured",
  tokens: { uncachedInput: 100, output: 10 * (i % 5) },
  costUsd: 0.01,
});
const batchOf = (batch: number, size: number) => ({ events: Array.from({ length: size }, (_, i) => event(batch, i)) });

function post(slug: string, token: string, body: unknown, key?: string) {
  return POST(
    new NextRequest(`http://localhost/api/v1/programmes/${slug}/usage-events`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...(key ? { "idempotency-key": key } : {}) },
    }),
    { params: Promise.resolve({ slug }) },
  );
}

interface Unavailable {
  retryAfter: string | null;
  body: { error?: { code?: string; message?: string } };
}

/** What a well-behaved client does: send, and on 503 wait (backing off) and send the same request again. */
async function sendWithRetries(slug: string, token: string, body: unknown, key: string | undefined, seen: Unavailable[]) {
  for (let attempt = 1; attempt <= 400; attempt++) {
    const res = await post(slug, token, body, key);
    if (res.status !== 503)
      return {
        status: res.status,
        replayed: res.headers.get("idempotent-replayed") === "true",
        body: (await res.json()) as unknown,
        attempts: attempt,
      };
    seen.push({ retryAfter: res.headers.get("retry-after"), body: (await res.json()) as Unavailable["body"] });
    await sleep(Math.min(25 * 2 ** attempt, 250));
  }
  throw new Error("still 503 after 400 attempts");
}

async function stored(programmeId: string) {
  const [row] = await db.$queryRaw<
    {
      events: number;
      tasks: number;
      output: number;
      rolled_events: number;
      rolled_tasks: number;
      rolled_output: number;
      people: number;
      person_days: number;
    }[]
  >`
    SELECT (SELECT count(*)::int FROM "UsageEvent" WHERE "programmeId" = ${programmeId}::uuid) AS events,
           (SELECT coalesce(sum("tasks"), 0)::int FROM "UsageEvent" WHERE "programmeId" = ${programmeId}::uuid) AS tasks,
           (SELECT coalesce(sum("outputTokens"), 0)::int FROM "UsageEvent" WHERE "programmeId" = ${programmeId}::uuid) AS output,
           (SELECT coalesce(sum("events"), 0)::int FROM "UsageDaily" WHERE "programmeId" = ${programmeId}::uuid AND "dimension" = 'all') AS rolled_events,
           (SELECT coalesce(sum("tasks"), 0)::int FROM "UsageDaily" WHERE "programmeId" = ${programmeId}::uuid AND "dimension" = 'all') AS rolled_tasks,
           (SELECT coalesce(sum("outputTokens"), 0)::int FROM "UsageDaily" WHERE "programmeId" = ${programmeId}::uuid AND "dimension" = 'all') AS rolled_output,
           (SELECT count(*)::int FROM "UsageUserDay" WHERE "programmeId" = ${programmeId}::uuid) AS people,
           (SELECT count(DISTINCT ("day", "userRef"))::int FROM "UsageEvent" WHERE "programmeId" = ${programmeId}::uuid) AS person_days`;
  return row!;
}

/** What the stored totals must be for exactly these batches, each counted once. */
function expected(batches: { events: ReturnType<typeof event>[] }[]) {
  const all = batches.flatMap((b) => b.events);
  const tasks = all.reduce((s, e) => s + e.tasks, 0);
  const output = all.reduce((s, e) => s + e.tokens.output, 0);
  const personDays = new Set(all.map((e) => `${e.day}|${e.user}`)).size;
  return {
    events: all.length,
    tasks,
    output,
    rolled_events: all.length,
    rolled_tasks: tasks,
    rolled_output: output,
    people: personDays,
    person_days: personDays,
  };
}

function expectUnavailableAnswers(seen: Unavailable[]) {
  for (const u of seen) {
    expect(Number(u.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(u.body.error?.code).toBe("DATABASE_UNAVAILABLE");
    expect(u.body.error?.message).toMatch(/not reachable.*same Idempotency-Key/);
  }
}

describe("usage ingestion across a database restart", () => {
  it("a restart while batches stream in: 503 + Retry-After meanwhile, then every batch stored exactly once", async () => {
    const { p, token } = await programmeWithToken();
    const [appPool, appPrisma] = [pool(), prismaClient()];
    const batches = Array.from({ length: 24 }, (_, b) => batchOf(b, 150));
    const seen: Unavailable[] = [];
    const results: Awaited<ReturnType<typeof sendWithRetries>>[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    // Three clients share the queue of batches, as a pipeline with a few workers would.
    const clients = Promise.all(
      Array.from({ length: 3 }, async () => {
        for (let b = next++; b < batches.length; b = next++) {
          results[b] = await sendWithRetries(p.slug, token, batches[b], `restart-${b}`, seen);
          done++;
        }
      }),
    ).finally(() => (settled = true));
    clients.catch(() => undefined); // awaited below; a client's failure ends the waits at once
    while (done < 8 && !settled) await sleep(5);
    await pg.stop(); // every connection is closed; requests in flight fail mid-transaction
    while (seen.length < 6 && !settled) await sleep(5); // the clients keep trying while it is down…
    await pg.start(); // …and the same data folder comes back on the same port
    await clients;

    expect(pg.dropped()).toBeGreaterThan(0);
    expectUnavailableAnswers(seen);
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ received: 150, inserted: 150, duplicates: 0 });
    }
    expect(await stored(p.id)).toEqual(expected(batches));
    expect(await db.idempotencyKey.count({ where: { programmeId: p.id } })).toBe(batches.length);
    expect(await db.auditEvent.count({ where: { programmeId: p.id, action: "usage.ingest" } })).toBe(batches.length);
    expect((await verifyAuditChain(p.id)).ok).toBe(true);
    // The app recovered by itself: nothing was recreated.
    expect(pool()).toBe(appPool);
    expect(prismaClient()).toBe(appPrisma);
  }, 120_000);

  it("a connection lost in the middle of a batch: 503, nothing written; the retry writes it once", async () => {
    const { p, token } = await programmeWithToken();
    const batch = batchOf(100, 200);
    const cut = pg.cutNext(['INSERT INTO "UsageEvent"'], "before-sending");
    const res = await post(p.slug, token, batch, "mid-request");
    await cut;
    expect(res.status).toBe(503);
    expectUnavailableAnswers([{ retryAfter: res.headers.get("retry-after"), body: await res.json() }]);
    expect((await stored(p.id)).events).toBe(0);
    const retry = await sendWithRetries(p.slug, token, batch, "mid-request", []);
    expect(retry).toMatchObject({ status: 200, replayed: false, body: { received: 200, inserted: 200, duplicates: 0 } });
    expect(await stored(p.id)).toEqual(expected([batch]));
  });

  it("a commit whose reply was lost: 503, and the retry is answered from the Idempotency-Key without writing again", async () => {
    const { p, token } = await programmeWithToken();
    const batch = batchOf(200, 200);
    const cut = pg.cutNext(['INSERT INTO "UsageEvent"', "COMMIT"], "after-reply");
    const res = await post(p.slug, token, batch, "lost-reply");
    await cut;
    expect(res.status).toBe(503);
    expect(await stored(p.id)).toEqual(expected([batch])); // it did commit
    const retry = await sendWithRetries(p.slug, token, batch, "lost-reply", []);
    expect(retry).toMatchObject({ status: 200, replayed: true, body: { received: 200, inserted: 200, duplicates: 0 } });
    expect(await stored(p.id)).toEqual(expected([batch]));
    expect(await db.auditEvent.count({ where: { programmeId: p.id, action: "usage.ingest" } })).toBe(1);
  });

  it("the same without an Idempotency-Key: the retry finds every event already stored and adds nothing", async () => {
    const { p, token } = await programmeWithToken();
    const batch = batchOf(300, 200);
    const cut = pg.cutNext(['INSERT INTO "UsageEvent"', "COMMIT"], "after-reply");
    const res = await post(p.slug, token, batch);
    await cut;
    expect(res.status).toBe(503);
    const retry = await sendWithRetries(p.slug, token, batch, undefined, []);
    expect(retry).toMatchObject({ status: 200, body: { received: 200, inserted: 0, duplicates: 200 } });
    expect(await stored(p.id)).toEqual(expected([batch]));
  });
});
