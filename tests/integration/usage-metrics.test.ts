import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { GET } from "@/app/api/v1/programmes/[slug]/metrics/route";
import { POST } from "@/app/api/v1/programmes/[slug]/usage-events/route";
import { makeProgramme, makeUser } from "@/demo/factories";
import { createApiToken } from "@/features/tokens/server/create-api-token";

async function programmeWithToken() {
  const p = await makeProgramme(await makeUser(), { licensedSeats: 10 });
  const { token } = await createApiToken({ id: null, label: "test" }, { programmeSlug: p.slug, name: "pipeline" });
  return { p, token };
}
const post = (slug: string, token: string, events: unknown[]) =>
  POST(
    new NextRequest(`http://localhost/x`, {
      method: "POST",
      body: JSON.stringify({ events }),
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ slug }) },
  );
const metrics = (slug: string, token: string, from: string, to: string) =>
  GET(
    new NextRequest(`http://localhost/api/v1/programmes/${slug}/metrics?from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ slug }) },
  );

type M = {
  totals: {
    tasks: number;
    costUsd: number;
    active28AtEnd: number;
    active28PctAtEnd: number;
    minutesSaved: { measured: number; selfReported: number };
  };
  daily: { day: string; activeDaily: number; active7: number; active28: number; tasks: number }[];
  breakdowns: { department: { key: string; tasks: number }[] };
};

/** The same figures computed by hand from the events sent. */
function expected(events: { day: string; user: string; tasks: number }[], day: string) {
  const t = Date.parse(day);
  const within = (n: number) =>
    new Set(events.filter((e) => Date.parse(e.day) <= t && Date.parse(e.day) > t - n * 86_400_000).map((e) => e.user)).size;
  return { activeDaily: within(1), active7: within(7), active28: within(28) };
}

describe("metrics", () => {
  it("active people (day, 7-day, 28-day), tasks and breakdowns match a recomputation from the events, also after late data", async () => {
    const { p, token } = await programmeWithToken();
    const events: {
      externalId: string;
      day: string;
      user: string;
      department: string;
      tasks: number;
      minutesSaved: number;
      minutesSource: string;
    }[] = [];
    let n = 0;
    const add = (day: string, user: string, department: string, tasks: number, source = "measured") =>
      events.push({ externalId: `e${n++}`, day, user, department, tasks, minutesSaved: 5, minutesSource: source });
    add("2026-03-01", "a", "Finance", 2);
    add("2026-03-01", "b", "Legal", 1);
    add("2026-03-05", "a", "Finance", 3);
    add("2026-03-10", "c", "Finance", 1, "self_reported");
    add("2026-03-30", "b", "Legal", 4);
    await post(p.slug, token, events);
    const first = (await (await metrics(p.slug, token, "2026-03-01", "2026-04-05")).json()) as M;
    for (const day of ["2026-03-01", "2026-03-05", "2026-03-09", "2026-03-10", "2026-03-28", "2026-03-29", "2026-03-30", "2026-04-05"]) {
      expect(
        first.daily.find((d) => d.day === day),
        day,
      ).toMatchObject(expected(events, day));
    }
    // Late data for an early day changes the cached active counts from that day on.
    add("2026-03-02", "d", "Operations", 2);
    await post(p.slug, token, events.slice(-1));
    const second = (await (await metrics(p.slug, token, "2026-03-01", "2026-04-05")).json()) as M;
    for (const day of ["2026-03-01", "2026-03-02", "2026-03-08", "2026-03-09", "2026-03-29", "2026-03-30"])
      expect(
        second.daily.find((d) => d.day === day),
        day,
      ).toMatchObject(expected(events, day));
    expect(second.totals.tasks).toBe(13);
    expect(second.totals.minutesSaved).toMatchObject({ measured: 25, selfReported: 5 });
    expect(second.totals.active28AtEnd).toBe(expected(events, "2026-04-05").active28);
    expect(second.totals.active28PctAtEnd).toBe(Math.round((expected(events, "2026-04-05").active28 / 10) * 1000) / 10);
    expect(second.breakdowns.department).toEqual(
      expect.arrayContaining([
        {
          key: "Finance",
          tasks: 6,
          errors: 0,
          costUsd: 0,
          minutesSaved: 15,
          tokens: { uncachedInput: 0, cacheWrite: 0, cacheRead: 0, output: 0 },
        },
      ]),
    );
  });

  it("refuses another programme's token, a missing token and a bad range", async () => {
    const a = await programmeWithToken();
    const b = await programmeWithToken();
    expect((await metrics(a.p.slug, b.token, "2026-01-01", "2026-01-31")).status).toBe(404);
    expect(
      (await GET(new NextRequest(`http://localhost/x?from=2026-01-01&to=2026-01-31`), { params: Promise.resolve({ slug: a.p.slug }) }))
        .status,
    ).toBe(401);
    const bad = await metrics(a.p.slug, a.token, "2026-02-01", "2026-01-01");
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { message: expect.stringContaining("from must not be after to") } });
  });
});
