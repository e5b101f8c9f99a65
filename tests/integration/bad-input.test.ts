import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { GET as calendarFeed } from "@/app/api/v1/calendar/[token]/route";
import { GET as metricsRoute } from "@/app/api/v1/programmes/[slug]/metrics/route";
import { POST as usageRoute } from "@/app/api/v1/programmes/[slug]/usage-events/route";
import { makeProgramme, makeUser } from "@/demo/factories";
import { createCalendarLink } from "@/features/calendar/server/create-calendar-link";
import { decidePilotDebrief } from "@/features/gates/server/decide-pilot-debrief";
import { updateCriterion } from "@/features/gates/server/update-criterion";
import { createProgramme } from "@/features/programmes/server/create-programme";
import { createRiskAction } from "@/features/risks/actions";
import { createApiToken } from "@/features/tokens/server/create-api-token";
import { getDashboard } from "@/features/usage/server/get-dashboard";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { ForbiddenError } from "@/server/errors";
import { loadOr404 } from "@/server/page-guard";

// Server actions load the signed-in user from NextAuth's cookie (Next's request scope): here, whoever the test says.
const session = vi.hoisted(() => ({ user: null as Actor | null }));
vi.mock("@/server/auth/session", () => ({
  currentUser: async () => session.user,
  requireUser: async () => {
    if (!session.user) throw new Error("no user");
    return session.user;
  },
}));
// Who may create programmes: the environment's list, here set per test.
const creators = vi.hoisted(() => ({ list: null as string | null }));
vi.mock("@/server/env", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/env")>();
  const { parseProgrammeCreators } = await import("@/domain/programme-creators");
  return {
    ...real,
    programmeCreators: () => {
      if (creators.list === null) return null;
      const r = parseProgrammeCreators(creators.list);
      if (!r.ok) throw new Error("bad list");
      return r.creators;
    },
  };
});

beforeEach(() => {
  creators.list = null;
});

async function programmeWithToken() {
  const pm = await makeUser();
  const p = await makeProgramme(pm);
  const { token } = await createApiToken({ id: null, label: "test" }, { programmeSlug: p.slug, name: "pipeline" });
  return { pm, p, token };
}

const api = (url: string, token: string, init: { method?: string; body?: string } = {}) =>
  new NextRequest(url, { method: init.method ?? "GET", body: init.body, headers: { authorization: `Bearer ${token}` } });
const slugParams = (slug: string) => ({ params: Promise.resolve({ slug }) });

const event = (i: number, extra: Record<string, unknown> = {}) => ({
  externalId: `e-${i}`,
  day: "2026-03-02",
  user: `u-${i}`,
  tasks: 1,
  costUsd: 0.5,
  ...extra,
});

describe("dates: one strict calendar date everywhere", () => {
  it("the metrics API refuses 0000-01-01, 2026-13-01, 2026-02-30 and abc with a 422 naming the parameter", async () => {
    const { p, token } = await programmeWithToken();
    for (const [from, reason] of [
      ["0000-01-01", "from must be a date in the years 2000 to 2100"],
      ["2026-13-01", "from must be a real date"],
      ["2026-02-30", "from must be a real date"],
      ["abc", "from must be a date as YYYY-MM-DD"],
    ]) {
      const res = await metricsRoute(
        api(`http://localhost/api/v1/programmes/${p.slug}/metrics?from=${from}&to=2026-03-31`, token),
        slugParams(p.slug),
      );
      expect(res.status, from).toBe(422);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(reason);
    }
    const missing = await metricsRoute(
      api(`http://localhost/api/v1/programmes/${p.slug}/metrics?to=2026-03-31`, token),
      slugParams(p.slug),
    );
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain("from is required");
  });

  it("the dashboard (and so its CSV export) falls back to the last 28 days for a bad range and says why", async () => {
    const { pm, p } = await programmeWithToken();
    for (const from of ["0000-01-01", "2026-13-01", "abc", "2026-02-30"]) {
      const d = await getDashboard(pm, p.slug, { from, to: "2026-03-01" }, new Date("2026-03-10T12:00:00Z"));
      expect(d.range).toEqual({ from: "2026-02-11", to: "2026-03-10" });
      expect(d.rangeError).toMatch(/from must be/);
    }
  });

  it("a pilot-debrief condition due 2026-02-30 is refused, not moved to 2 March", async () => {
    const { pm, p } = await programmeWithToken();
    const r = decidePilotDebrief(pm, {
      programmeSlug: p.slug,
      decision: "CONDITIONAL_GO",
      conditions: [{ title: "Close the DPA", ownerId: pm.id, dueDate: "2026-02-30" }],
    });
    await expect(r).rejects.toMatchObject({
      name: "ZodError",
      issues: [expect.objectContaining({ path: ["conditions", 0, "dueDate"], message: "Enter a real due date." })],
    });
    expect(await db.gateCondition.count({ where: { programmeId: p.id } })).toBe(0);
  });
});

describe("numbers: realistic bounds, finite sums", () => {
  it("a cost of 1e308 is refused by name; the metrics total stays a finite number", async () => {
    const { p, token } = await programmeWithToken();
    const post = (events: unknown[]) =>
      usageRoute(api("http://localhost/x", token, { method: "POST", body: JSON.stringify({ events }) }), slugParams(p.slug));
    const bad = await post([event(1, { costUsd: 1e308 }), event(2, { tokens: { output: 1e12 } })]);
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { events: { index: number; reason: string }[] } };
    expect(body.error.events).toEqual([
      { index: 0, reason: "costUsd must be at most 1,000,000 (US dollars in a day)" },
      { index: 1, reason: "tokens.output must be at most 100,000,000,000 in a day" },
    ]);
    // The largest accepted figures, many times over, still sum to finite numbers.
    const big = Array.from({ length: 50 }, (_, i) =>
      event(100 + i, { costUsd: 1_000_000, tasks: 1_000_000, tokens: { output: 100_000_000_000 } }),
    );
    expect((await post(big)).status).toBe(200);
    const m = await metricsRoute(
      api(`http://localhost/api/v1/programmes/${p.slug}/metrics?from=2026-03-01&to=2026-03-31`, token),
      slugParams(p.slug),
    );
    expect(m.status).toBe(200);
    const totals = ((await m.json()) as { totals: { costUsd: unknown; tasks: unknown } }).totals;
    expect(totals.costUsd).toBe(50_000_000);
    expect(totals.tasks).toBe(50_000_000);
  });
});

describe("text: U+0000 is refused wherever input enters, and nothing is written", () => {
  it("in a JSON API body, a query value and a path segment: 4xx naming where", async () => {
    const { p, token } = await programmeWithToken();
    const res = await usageRoute(
      api("http://localhost/x", token, { method: "POST", body: JSON.stringify({ events: [event(1, { department: "Fin\u0000ance" })] }) }),
      slugParams(p.slug),
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      error: { code: "INVALID", message: "Text may not contain the NUL character (U+0000).", fields: [{ path: "events.0.department" }] },
    });
    const query = await metricsRoute(
      api(`http://localhost/api/v1/programmes/${p.slug}/metrics?from=2026-03-01%00&to=2026-03-02`, token),
      slugParams(p.slug),
    );
    expect(query.status).toBe(400);
    const segment = await metricsRoute(api(`http://localhost/api/v1/programmes/x/metrics`, token), slugParams(`${p.slug}\u0000`));
    expect(segment.status).toBe(400);
    expect(await db.usageEvent.count({ where: { programmeId: p.id } })).toBe(0);
  });

  it("in a server action: the factory refuses it beside the field, before the operation runs", async () => {
    const { pm, p } = await programmeWithToken();
    session.user = pm;
    const before = await db.risk.count({ where: { programmeId: p.id } });
    const r = await createRiskAction({
      programmeSlug: p.slug,
      title: "Prompt inj\u0000ection",
      probability: "HIGH",
      impact: "HIGH",
      consequence: "Data leaves",
      mitigation: "Review",
      ownerId: null,
      status: "OPEN",
      reviewDate: "",
    });
    expect(r?.validationErrors).toMatchObject({ title: { _errors: ["Text may not contain the NUL character (U+0000)."] } });
    expect(await db.risk.count({ where: { programmeId: p.id } })).toBe(before);
  });

  it("a value the database itself refuses is a 404 on a page, not a 500 (the page guard's backstop)", async () => {
    const { pm } = await programmeWithToken();
    const refused = db.$queryRawUnsafe(`SELECT $1::text AS t`, "a\u0000b");
    await expect(loadOr404(() => refused)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) });
    await expect(loadOr404(() => db.risk.findFirst({ where: { id: "not-a-uuid" } }))).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/),
    });
    expect(pm).toBeDefined();
  });
});

describe("links and names that leave the app", () => {
  it("evidence links that look internal but leave the site are refused; http(s) and Gatehouse paths are kept", async () => {
    const { pm, p } = await programmeWithToken();
    const criterion = await db.gateCriterion.findFirstOrThrow({ where: { programmeId: p.id }, select: { id: true } });
    const update = (evidenceUrl: string) =>
      updateCriterion(pm, {
        programmeSlug: p.slug,
        criterionId: criterion.id,
        status: "MET",
        ownerId: null,
        evidenceUrl,
        evidenceNote: "see link",
      });
    for (const bad of ["//evil.test/x", "/\\evil.test/x", "javascript:alert(1)", "data:text/html,x", "/\t/evil.test", "https:evil.test"])
      await expect(update(bad), bad).rejects.toMatchObject({
        name: "ZodError",
        issues: [expect.objectContaining({ path: ["evidenceUrl"] })],
      });
    expect((await db.gateCriterion.findUniqueOrThrow({ where: { id: criterion.id } })).evidenceUrl).toBeNull();
    await update("https://intranet.example/dpa.pdf");
    await update(`/programmes/${p.slug}/decisions`);
    expect((await db.gateCriterion.findUniqueOrThrow({ where: { id: criterion.id } })).evidenceUrl).toBe(`/programmes/${p.slug}/decisions`);
  });

  it("a programme name with a line break is refused; one already stored cannot add events to the calendar feed", async () => {
    const pm = await makeUser();
    await expect(makeProgramme(pm, { name: "Acme\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\r\nEND:VEVENT" })).rejects.toMatchObject({
      name: "ZodError",
      issues: [expect.objectContaining({ path: ["name"] })],
    });
    const p = await makeProgramme(pm);
    // A name stored before the rule (or by hand): written into the feed, it must stay one line.
    await db.programme.update({
      where: { id: p.id },
      data: { name: "Acme\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\nX\u2028Y" },
    });
    const { token } = await createCalendarLink(pm, { programmeSlug: p.slug });
    const res = await calendarFeed(new NextRequest(`http://localhost/api/v1/calendar/${token}.ics`), {
      params: Promise.resolve({ token: `${token}.ics` }),
    });
    expect(res.status).toBe(200);
    // Parse the feed as a client does: unfold continuation lines, then read one property per line.
    const lines = (await res.text()).split("\r\n").reduce<string[]>((acc, l) => {
      if (/^[ \t]/.test(l) && acc.length) acc[acc.length - 1] += l.slice(1);
      else acc.push(l);
      return acc;
    }, []);
    expect(lines.every((l) => !/[\r\n\u2028]/.test(l))).toBe(true);
    expect(lines.filter((l) => l === "BEGIN:VCALENDAR")).toHaveLength(1);
    expect(lines.filter((l) => l === "END:VCALENDAR")).toHaveLength(1);
    expect(lines.at(-1) === "END:VCALENDAR" || lines.at(-2) === "END:VCALENDAR").toBe(true);
    const events = lines.filter((l) => l === "BEGIN:VEVENT").length;
    const expected = (await db.gate.count({ where: { programmeId: p.id } })) + (await db.milestone.count({ where: { programmeId: p.id } }));
    expect(events).toBe(expected);
    expect(lines.some((l) => l.startsWith("SUMMARY:Injected"))).toBe(false);
    expect(lines.find((l) => l.startsWith("X-WR-CALNAME:"))).toBe(
      "X-WR-CALNAME:Acme END:VCALENDAR BEGIN:VEVENT SUMMARY:Injected X Y — Gatehouse",
    );
  });

  it("GATEHOUSE_PROGRAMME_CREATORS: only listed emails and @domains create programmes; unset, anyone signed in", async () => {
    const allowed = await makeUser({ email: `ops-${Date.now()}@allowed.test` });
    const other = await makeUser();
    creators.list = `someone@else.test, @allowed.test`;
    const input = (slug: string) => ({
      name: "Rollout",
      organisation: "Acme",
      slug,
      startDate: new Date().toISOString().slice(0, 10),
      licensedSeats: 10,
      deploymentKind: "MIXED" as const,
    });
    const refusedSlug = `refused-${Date.now()}`;
    await expect(createProgramme(other, input(refusedSlug))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.programme.count({ where: { slug: refusedSlug } })).toBe(0);
    await createProgramme(allowed, input(`allowed-${Date.now()}`));
    creators.list = null;
    await createProgramme(other, input(`anyone-${Date.now()}`));
  });
});
