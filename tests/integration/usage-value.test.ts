import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { GET } from "@/app/api/v1/programmes/[slug]/metrics/route";
import { POST } from "@/app/api/v1/programmes/[slug]/usage-events/route";
import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { createApiToken } from "@/features/tokens/server/create-api-token";
import { importUsageFile } from "@/features/usage/imports/server/import-usage-file";
import { type MetricsResponse } from "@/features/usage/schemas";
import { getDashboard } from "@/features/usage/server/get-dashboard";
import { metricsApiResponseSchema } from "@/features/usage/server/get-metrics-for-api";
import { removeHourlyCost, setHourlyCost } from "@/features/usage/value/server/set-hourly-cost";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError } from "@/server/errors";

import { analyticsSummary, usageBucket } from "../support/fake-anthropic-admin";

async function programmeWithToken(seats = 40) {
  const pm = await makeUser();
  const p = await makeProgramme(pm, { licensedSeats: seats });
  const { token } = await createApiToken({ id: null, label: "test" }, { programmeSlug: p.slug, name: "pipeline" });
  return { pm, p, token };
}
const metrics = async (slug: string, token: string, from: string, to: string) => {
  const res = await GET(
    new NextRequest(`http://localhost/api/v1/programmes/${slug}/metrics?from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ slug }) },
  );
  expect(res.status).toBe(200);
  const body = (await res.json()) as MetricsResponse;
  // The response is exactly the documented shape.
  expect(metricsApiResponseSchema.strict().safeParse(body).success).toBe(true);
  return body;
};
const post = (slug: string, token: string, events: unknown[]) =>
  POST(
    new NextRequest(`http://localhost/x`, {
      method: "POST",
      body: JSON.stringify({ events }),
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ slug }) },
  );

const DAYS = ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"];

describe("tokens in the metrics", () => {
  it("token totals in the metrics API equal the sum of the imported Anthropic usage report, by type, per day and per model", async () => {
    const { pm, p, token } = await programmeWithToken();
    // An Anthropic usage report of six days (two pages), as the admin API answers it.
    const pages = [
      { data: DAYS.slice(0, 3).map(usageBucket), has_more: true, next_page: "page_2" },
      { data: DAYS.slice(3).map(usageBucket), has_more: false, next_page: null },
    ];
    const r = await importUsageFile(pm, { programmeSlug: p.slug, format: "anthropic-usage-report", text: JSON.stringify(pages) });
    expect(r.ok).toBe(true);
    const expected = { uncachedInput: 0, cacheWrite: 0, cacheRead: 0, output: 0 };
    const perDay = new Map<string, number>();
    const perModel = new Map<string, number>();
    for (const page of pages)
      for (const b of page.data)
        for (const x of b.results) {
          const write = x.cache_creation.ephemeral_5m_input_tokens + x.cache_creation.ephemeral_1h_input_tokens;
          expected.uncachedInput += x.uncached_input_tokens;
          expected.cacheWrite += write;
          expected.cacheRead += x.cache_read_input_tokens;
          expected.output += x.output_tokens;
          const all = x.uncached_input_tokens + write + x.cache_read_input_tokens + x.output_tokens;
          perDay.set(b.starting_at.slice(0, 10), (perDay.get(b.starting_at.slice(0, 10)) ?? 0) + all);
          perModel.set(x.model, (perModel.get(x.model) ?? 0) + all);
        }
    const m = await metrics(p.slug, token, DAYS[0]!, DAYS[5]!);
    expect(m.totals.tokens).toEqual({
      ...expected,
      total: expected.uncachedInput + expected.cacheWrite + expected.cacheRead + expected.output,
    });
    expect(expected.uncachedInput).toBeGreaterThan(0);
    for (const d of m.daily)
      expect(d.tokens.uncachedInput + d.tokens.cacheWrite + d.tokens.cacheRead + d.tokens.output, d.day).toBe(perDay.get(d.day));
    const byModel = Object.fromEntries(
      m.breakdowns.model.map((b) => [b.key, b.tokens.uncachedInput + b.tokens.cacheWrite + b.tokens.cacheRead + b.tokens.output]),
    );
    expect(byModel).toEqual(Object.fromEntries(perModel));
    // Every breakdown adds up to the totals, type by type.
    for (const dim of ["department", "model", "useCase", "cohort"] as const)
      for (const k of ["uncachedInput", "cacheWrite", "cacheRead", "output"] as const)
        expect(
          m.breakdowns[dim].reduce((t, b) => t + b.tokens[k], 0),
          `${dim}.${k}`,
        ).toBe(expected[k]);
  });
});

describe("Claude Enterprise analytics summaries", () => {
  const summaries = (days: string[]) =>
    JSON.stringify({
      data: days
        .map(analyticsSummary)
        .map((s, i) => ({ ...s, chat_daily_active_user_count: 2 + i, claude_code_monthly_active_user_count: 4 })),
      next_page: null,
    });

  it("imported twice give the same daily figures, and drive adoption when no per-person data exists", async () => {
    const { pm, p, token } = await programmeWithToken(20);
    const text = summaries(DAYS);
    const first = await importUsageFile(pm, { programmeSlug: p.slug, format: "claude-analytics-summaries", text });
    expect(first).toMatchObject({ ok: true, received: 0, inserted: 0, summaryDays: { days: 6, inserted: 6, replaced: 0 } });
    const rows = () =>
      db.usageAnalyticsDaily.findMany({ where: { programmeId: p.id }, orderBy: { day: "asc" }, omit: { updatedAt: true } });
    const once = await rows();
    const m1 = await metrics(p.slug, token, DAYS[0]!, DAYS[5]!);
    const second = await importUsageFile(pm, { programmeSlug: p.slug, format: "claude-analytics-summaries", text });
    expect(second).toMatchObject({ ok: true, summaryDays: { days: 6, inserted: 0, replaced: 6 } });
    expect(await rows()).toEqual(once);
    const m2 = await metrics(p.slug, token, DAYS[0]!, DAYS[5]!);
    expect(m2).toEqual(m1);

    // No per-person data: the summaries are the adoption figure, labelled with their source.
    expect(once).toHaveLength(6);
    for (const d of m2.daily) {
      const s = analyticsSummary(d.day);
      expect(d, d.day).toMatchObject({
        adoptionSource: "analytics-summaries",
        activeDaily: s.daily_active_user_count,
        active7: s.weekly_active_user_count,
        active28: s.monthly_active_user_count,
        active28Pct: (s.monthly_active_user_count / 20) * 100,
        usageEvents: { daily: 0, weekly: 0, monthly: 0 },
      });
    }
    expect(m2.daily[0]!.analyticsSummary).toMatchObject({
      assignedSeats: 20,
      pendingInvites: 1,
      products: { chat: { daily: 2 }, claude_code: { monthly: 4 } },
    });
    expect(m2.totals).toMatchObject({ active28AtEnd: 9, active28PctAtEnd: 45, active7AtEnd: 5 });
    expect(m2.adoption).toMatchObject({
      source: "analytics-summaries",
      label: expect.stringMatching(/analytics summaries/),
      usageEvents: { days: 0, active28AtEnd: 0 },
      analyticsSummaries: { days: 6, lastDay: DAYS[5], monthly: 9, assignedSeats: 20, pendingInvites: 1, monthlyAdoptionRate: 0.45 },
    });
    // The health signals read them: 45% of seats active, and they say where the figure comes from.
    const d = await getDashboard(pm, p.slug, { from: DAYS[0], to: DAYS[5] }, new Date("2026-03-06T12:00:00Z"));
    const adoption = d.signals.find((s) => s.key === "adoption")!;
    expect(adoption.reason).toMatch(/^45% of seats active.*\(from Claude Enterprise analytics summaries\)\.$/);
  });

  it("with per-person events too, both are shown: a day with a summary uses it, a day without the events; the figure names its source and day", async () => {
    const { pm, p, token } = await programmeWithToken(20);
    await importUsageFile(pm, { programmeSlug: p.slug, format: "claude-analytics-summaries", text: summaries(DAYS.slice(0, 3)) });
    const res = await post(p.slug, token, [
      { externalId: "a1", day: DAYS[1], user: "ada", tasks: 2 },
      { externalId: "a2", day: DAYS[4], user: "grace", tasks: 1 },
    ]);
    expect(res.status).toBe(200);
    const m = await metrics(p.slug, token, DAYS[0]!, DAYS[5]!);
    // A day with a summary takes it; a day without one takes the per-person events (both are in the day's row).
    expect(m.daily.find((x) => x.day === DAYS[1])).toMatchObject({
      adoptionSource: "analytics-summaries",
      active28: 9,
      usageEvents: { daily: 1, monthly: 1 },
    });
    expect(m.daily.find((x) => x.day === DAYS[4])).toMatchObject({ adoptionSource: "usage-events", active28: 2, analyticsSummary: null });
    // The latest summary (DAYS[2]) is within Anthropic's publishing delay of the range's end: the figure is the summary's, dated.
    expect(m.adoption).toMatchObject({
      source: "analytics-summaries",
      asOf: DAYS[2],
      usageEvents: { days: 2, active28AtEnd: 2 },
      analyticsSummaries: { days: 3, lastDay: DAYS[2], monthly: 9 },
    });
    expect(m.totals).toMatchObject({ active28AtEnd: 9, active28PctAtEnd: 45 });
    // Summaries older than that delay no longer speak for the range's end: the per-person events do.
    const later = await metrics(p.slug, token, DAYS[0]!, "2026-03-10");
    expect(later.adoption).toMatchObject({ source: "usage-events", asOf: "2026-03-10", analyticsSummaries: { lastDay: DAYS[2] } });
    expect(later.totals).toMatchObject({ active28AtEnd: 2, active28PctAtEnd: 10 });
  });

  it("a bad summary file names the record and stores nothing", async () => {
    const { pm, p } = await programmeWithToken();
    const text = JSON.stringify({ data: [{ date: "2026-03-01", daily_active_user_count: -1 }, { daily_active_user_count: 3 }] });
    const r = await importUsageFile(pm, { programmeSlug: p.slug, format: "claude-analytics-summaries", text });
    expect(r).toMatchObject({
      ok: false,
      problems: [
        { record: "page 1, summary 1 (2026-03-01)", reason: "daily_active_user_count must be a whole number from 0 to 10,000,000" },
        { record: "page 1, summary 2", reason: "date is required (YYYY-MM-DD)" },
      ],
    });
    expect(await db.usageAnalyticsDaily.count({ where: { programmeId: p.id } })).toBe(0);
  });
});

describe("value in money", () => {
  it("minutes saved × the department's hourly cost (else the programme's), against API cost; refused for others", async () => {
    const { pm, p, token } = await programmeWithToken();
    await post(p.slug, token, [
      {
        externalId: "v1",
        day: DAYS[0],
        user: "a",
        department: "Finance",
        tasks: 3,
        minutesSaved: 90,
        minutesSource: "measured",
        costUsd: 4.5,
      },
      { externalId: "v2", day: DAYS[1], user: "b", department: "Legal", tasks: 1, minutesSaved: 30, costUsd: 0.5 },
      { externalId: "v3", day: DAYS[1], user: "c", tasks: 1, minutesSaved: 60, costUsd: 1 },
    ]);
    let m = await metrics(p.slug, token, DAYS[0]!, DAYS[1]!);
    expect(m.value).toMatchObject({ basis: "estimated", minutesSaved: 180, valuedMinutes: 0, valueUsd: null, roi: null, apiCostUsd: 6 });

    await setHourlyCost(pm, { programmeSlug: p.slug, department: "Finance", usdPerHour: 80 });
    m = await metrics(p.slug, token, DAYS[0]!, DAYS[1]!);
    expect(m.value).toMatchObject({ valuedMinutes: 90, valueUsd: 120, costUsd: 6, netUsd: 114, roi: 19 });

    await setHourlyCost(pm, { programmeSlug: p.slug, department: "", usdPerHour: 50 });
    await setHourlyCost(pm, { programmeSlug: p.slug, department: "Finance", usdPerHour: 60 }); // replaces 80
    m = await metrics(p.slug, token, DAYS[0]!, DAYS[1]!);
    // Finance 90 min × $60/h = $90; Legal 30 min and no department 60 min at the programme's $50/h = $75.
    expect(m.value).toMatchObject({ valuedMinutes: 180, valueUsd: 165, netUsd: 159, roi: 26.5, seatCostUsd: null });
    expect(m.value.hourlyCosts).toEqual([
      { department: "", usdPerHour: 50 },
      { department: "Finance", usdPerHour: 60 },
    ]);
    expect(await db.hourlyCost.count({ where: { programmeId: p.id } })).toBe(2);
    const audit = await db.auditEvent.findMany({
      where: { programmeId: p.id, action: "hourly_cost.set" },
      select: { before: true, after: true },
    });
    expect(audit.at(-1)).toMatchObject({
      before: { department: "Finance", usdPerHour: 80 },
      after: { department: "Finance", usdPerHour: 60 },
    });

    // A sponsor reads it but may not change it; another programme's manager gets "not found"; bad input is refused, nothing written.
    const sponsor = await makeUser();
    await makeMember(pm, p.slug, sponsor, ["SPONSOR"]);
    await expect(setHourlyCost(sponsor, { programmeSlug: p.slug, department: "", usdPerHour: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    const other = await makeUser();
    await makeProgramme(other);
    await expect(setHourlyCost(other, { programmeSlug: p.slug, department: "", usdPerHour: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setHourlyCost(pm, { programmeSlug: p.slug, department: "", usdPerHour: -5 })).rejects.toThrow(/above \$0/);
    await expect(removeHourlyCost(pm, { programmeSlug: p.slug, department: "Legal" })).rejects.toBeInstanceOf(NotFoundError);
    await removeHourlyCost(pm, { programmeSlug: p.slug, department: "Finance" });
    m = await metrics(p.slug, token, DAYS[0]!, DAYS[1]!);
    expect(m.value).toMatchObject({ valuedMinutes: 180, valueUsd: 150 });
  });
});
