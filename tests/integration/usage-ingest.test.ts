import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { POST } from "@/app/api/v1/programmes/[slug]/usage-events/route";
import { makeProgramme, makeUser, uniqueSuffix } from "@/demo/factories";
import { createApiToken } from "@/features/tokens/server/create-api-token";
import { db } from "@/server/db";

async function programmeWithToken() {
  const p = await makeProgramme(await makeUser());
  const { token } = await createApiToken({ id: null, label: "test" }, { programmeSlug: p.slug, name: "pipeline" });
  return { p, token };
}

function post(slug: string, token: string | null, body: unknown, key?: string) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return POST(
    new NextRequest(`http://localhost/api/v1/programmes/${slug}/usage-events`, {
      method: "POST",
      body: text,
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(key ? { "idempotency-key": key } : {}),
      },
    }),
    { params: Promise.resolve({ slug }) },
  );
}

const event = (i: number, over: Record<string, unknown> = {}) => ({
  externalId: `ev-${i}`,
  day: `2026-01-${String(5 + (i % 20)).padStart(2, "0")}`,
  user: `u-${i % 7}`,
  department: ["Finance", "Legal", "Operations"][i % 3],
  useCase: "Credit memos",
  model: "claude-sonnet-4-6",
  sessions: 1,
  tasks: 2 + (i % 3),
  minutesSaved: 10,
  minutesSource: "self_reported",
  tokens: { uncachedInput: 1000, cacheRead: 500, output: 300 },
  costUsd: 0.01,
  ...over,
});

const totals = async (programmeId: string) => {
  const [raw] = await db.$queryRaw<{ events: bigint; tasks: bigint; output: bigint }[]>`
    SELECT count(*) AS events, coalesce(sum("tasks"),0) AS tasks, coalesce(sum("outputTokens"),0) AS output FROM "UsageEvent" WHERE "programmeId" = ${programmeId}::uuid`;
  const [rollup] = await db.$queryRaw<{ events: bigint; tasks: bigint; output: bigint }[]>`
    SELECT coalesce(sum("events"),0) AS events, coalesce(sum("tasks"),0) AS tasks, coalesce(sum("outputTokens"),0) AS output FROM "UsageDaily" WHERE "programmeId" = ${programmeId}::uuid AND "dimension" = 'all'`;
  return {
    raw: { events: Number(raw!.events), tasks: Number(raw!.tasks), output: Number(raw!.output) },
    rollup: { events: Number(rollup!.events), tasks: Number(rollup!.tasks), output: Number(rollup!.output) },
  };
};

describe("POST /api/v1/programmes/{slug}/usage-events", () => {
  it("writes a batch once: repeated events change nothing", async () => {
    const { p, token } = await programmeWithToken();
    const batch = { events: Array.from({ length: 50 }, (_, i) => event(i)) };
    const first = await post(p.slug, token, batch);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: 50, inserted: 50, duplicates: 0 });
    const again = await post(p.slug, token, batch);
    expect(await again.json()).toEqual({ received: 50, inserted: 0, duplicates: 50 });
    const t = await totals(p.id);
    expect(t.raw).toEqual(t.rollup);
    expect(t.raw.events).toBe(50);
  });

  it("an Idempotency-Key replay gets the first response and writes nothing; the same key with another body is refused", async () => {
    const { p, token } = await programmeWithToken();
    const key = `k-${uniqueSuffix()}`;
    const batch = { events: [event(1), event(2)] };
    const results = await Promise.all(Array.from({ length: 8 }, () => post(p.slug, token, batch, key)));
    const bodies = await Promise.all(results.map((r) => r.json()));
    for (const b of bodies) expect(b).toEqual({ received: 2, inserted: 2, duplicates: 0 });
    expect(results.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(7);
    const other = await post(p.slug, token, { events: [event(3)] }, key);
    expect(other.status).toBe(409);
    expect((await totals(p.id)).raw.events).toBe(2);
    expect(await db.auditEvent.count({ where: { programmeId: p.id, action: "usage.ingest" } })).toBe(1);
  });

  it("one bad event: 422 naming every bad event's index and reason, and nothing written", async () => {
    const { p, token } = await programmeWithToken();
    const res = await post(p.slug, token, {
      events: [event(1), { ...event(2), day: "2026-02-30" }, event(3), { externalId: "x", tasks: -1 }],
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { events: { index: number; reason: string }[] } };
    expect(body.error.events.map((e) => e.index)).toEqual([1, 3]);
    expect(body.error.events[0]!.reason).toContain("day must be a real date");
    expect(body.error.events[1]!.reason).toMatch(/day is required.*user is required.*tasks must not be negative/);
    const month13 = await post(p.slug, token, { events: [{ ...event(4), day: "2026-13-01" }] });
    expect(month13.status).toBe(422);
    expect(await month13.json()).toMatchObject({ error: { events: [{ index: 0, reason: "day must be a real date" }] } });
    // A person's day has realistic bounds (decision record 018): a larger figure is refused by name, not stored or a database error.
    const huge = await post(p.slug, token, { events: [{ ...event(5), tasks: 2_147_483_648 }] });
    expect(huge.status).toBe(422);
    expect(await huge.json()).toMatchObject({ error: { events: [{ index: 0, reason: "tasks must be at most 1,000,000 in a day" }] } });
    const costly = await post(p.slug, token, { events: [{ ...event(6), costUsd: 1e308 }] });
    expect(costly.status).toBe(422);
    expect(await costly.json()).toMatchObject({
      error: { events: [{ index: 0, reason: "costUsd must be at most 1,000,000 (US dollars in a day)" }] },
    });
    expect((await totals(p.id)).raw.events).toBe(0);
  });

  it("text is stored exactly as sent: quotes, backslashes, commas, braces, NULL, new lines and other scripts", async () => {
    const { p, token } = await programmeWithToken();
    const odd = ['a"b', "c\\d", "e,f", "{g}", "NULL", "h\ni", '\\"', "日本語 · ünïcödé", " ", "'quoted'"];
    const events = odd.map((s, i) =>
      event(i, { externalId: `odd-${s}`, user: `u ${s}`, department: s, useCase: `${s}${s}`, cohort: s, model: s }),
    );
    const res = await post(p.slug, token, { events });
    expect(res.status).toBe(200);
    const rows = await db.$queryRaw<
      { externalId: string; userRef: string; department: string; useCase: string; cohort: string; model: string }[]
    >`
      SELECT "externalId", "userRef", "department", "useCase", "cohort", "model" FROM "UsageEvent" WHERE "programmeId" = ${p.id}::uuid`;
    const t = (s: string) => s.trim();
    expect(rows.sort((a, b) => a.externalId.localeCompare(b.externalId))).toEqual(
      odd
        .map((s) => ({
          externalId: t(`odd-${s}`),
          userRef: t(`u ${s}`),
          department: t(s),
          useCase: t(`${s}${s}`),
          cohort: t(s),
          model: t(s),
        }))
        .sort((a, b) => a.externalId.localeCompare(b.externalId)),
    );
    const keys = await db.usageDaily.findMany({
      where: { programmeId: p.id, dimension: "department" },
      select: { key: true },
      distinct: ["key"],
    });
    expect(keys.map((k) => k.key).sort()).toEqual([...new Set(odd.map(t))].sort());
  });

  it("malformed or oversized bodies get 400/413 with a message, never a 500; tokens are checked", async () => {
    const { p, token } = await programmeWithToken();
    const bad = await post(p.slug, token, "{not json");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { message: "The body is not valid JSON." } });
    expect((await post(p.slug, token, { nope: [] })).status).toBe(400);
    const many = await post(p.slug, token, { events: Array.from({ length: 10_001 }, (_, i) => ({ externalId: `m${i}` })) });
    expect(many.status).toBe(413);
    expect((await post(p.slug, null, { events: [event(1)] })).status).toBe(401);
    const other = await programmeWithToken();
    expect((await post(p.slug, other.token, { events: [event(1)] })).status).toBe(404);
    expect((await totals(p.id)).raw.events).toBe(0);
  });

  it("rollups equal a recomputation from raw events after late, repeated and overlapping random batches", async () => {
    const { p, token } = await programmeWithToken();
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let b = 0; b < 12; b++) {
      const events = Array.from({ length: 40 }, () => {
        const i = Math.floor(rand() * 300); // ids repeat across batches
        return event(i, { tasks: i % 5, day: `2026-01-${String(1 + (i % 28)).padStart(2, "0")}` });
      });
      const replies = await Promise.all([
        post(p.slug, token, { events: events.slice(0, 20) }),
        post(p.slug, token, { events: events.slice(20) }),
      ]);
      expect(replies.map((r) => r.status)).toEqual([200, 200]); // concurrent overlapping batches never deadlock into a 500
    }
    const t = await totals(p.id);
    expect(t.rollup).toEqual(t.raw);
    const [byDay] = await db.$queryRaw<{ mismatches: bigint }[]>`
      SELECT count(*) AS mismatches FROM (
        SELECT "day", "department", sum("tasks") AS tasks, count(*) AS events FROM "UsageEvent" WHERE "programmeId" = ${p.id}::uuid GROUP BY 1, 2
      ) r FULL JOIN (
        SELECT "day", "key" AS "department", sum("tasks") AS tasks, sum("events") AS events FROM "UsageDaily" WHERE "programmeId" = ${p.id}::uuid AND "dimension" = 'department' GROUP BY 1, 2
      ) d USING ("day", "department") WHERE r.tasks IS DISTINCT FROM d.tasks OR r.events IS DISTINCT FROM d.events`;
    expect(Number(byDay!.mismatches)).toBe(0);
    const [people] = await db.$queryRaw<{ a: bigint; b: bigint }[]>`
      SELECT (SELECT count(DISTINCT ("day", "userRef")) FROM "UsageEvent" WHERE "programmeId" = ${p.id}::uuid) AS a,
             (SELECT count(*) FROM "UsageUserDay" WHERE "programmeId" = ${p.id}::uuid) AS b`;
    expect(Number(people!.a)).toBe(Number(people!.b));
  });
});
