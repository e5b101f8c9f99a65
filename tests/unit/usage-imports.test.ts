import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { pseudonymFor } from "@/features/usage/imports/parse-helpers";
import { parseImport } from "@/features/usage/imports/parse-import";

const fixture = (name: string) => readFileSync(`tests/fixtures/usage/${name}`, "utf8");
const json = (name: string) => JSON.parse(fixture(name)) as unknown;
const ok = (r: ReturnType<typeof parseImport>) => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r;
};
const problems = (r: ReturnType<typeof parseImport>) => {
  if (r.ok) throw new Error("expected problems");
  return r.problems;
};

describe("usage-csv", () => {
  it("turns rows into events, ignoring unknown columns and taking defaults for empty cells", () => {
    const r = ok(parseImport("usage-csv", fixture("usage.csv")));
    expect(r.events).toHaveLength(3);
    expect(r.events[1]).toMatchObject({
      externalId: "csv-2",
      day: "2026-03-02",
      user: "u-0002",
      minutesSource: "measured",
      errors: 1,
      tokens: { uncachedInput: 9000, cacheWrite: 0, cacheRead: 4000, output: 2500 },
      costUsd: 0.2,
    });
  });

  it("names the line and the field of every bad row (header = line 1)", () => {
    const p = problems(parseImport("usage-csv", fixture("usage-bad.csv")));
    expect(p).toContainEqual({ record: "line 3", reason: expect.stringMatching(/^user /) });
    expect(p).toContainEqual({ record: "line 4", reason: "day must be a real date" });
    expect(p).toContainEqual({ record: "line 4", reason: expect.stringMatching(/^tasks must be a number/) });
    expect(p.some((x) => x.record === "line 2")).toBe(false);
  });

  it("names a required column missing from the header", () => {
    expect(problems(parseImport("usage-csv", "externalId,user\nx,u\n"))).toEqual([
      { record: "line 1", reason: "the header lacks the required column day" },
    ]);
  });

  it("names token columns by their CSV name", () => {
    const p = problems(parseImport("usage-csv", "externalId,day,user,outputTokens\nx,2026-03-01,u,-5\n"));
    expect(p[0]).toEqual({ record: "line 2", reason: "outputTokens must not be negative" });
  });
});

describe("anthropic-usage-report", () => {
  it("gives one event per bucket × result with deterministic ids", () => {
    const r = ok(parseImport("anthropic-usage-report", fixture("anthropic-usage-report.json")));
    expect(r.events).toHaveLength(3);
    expect(r.events[0]).toMatchObject({
      day: "2026-03-01",
      user: "apikey_01A",
      department: "wrkspc_finance",
      model: "claude-sonnet-4-6",
      tokens: { uncachedInput: 150000, cacheWrite: 5000, cacheRead: 90000, output: 30000 },
      costUsd: 0,
    });
    expect(r.events[0]!.externalId).toBe(
      "anthropic-usage:2026-03-01T00:00:00Z:claude-sonnet-4-6:apikey_01A:wrkspc_finance:::standard:0-200k:",
    );
    expect(r.events[1]).toMatchObject({ department: "", user: "apikey_01B" });
    expect(ok(parseImport("anthropic-usage-report", fixture("anthropic-usage-report.json"))).events.map((e) => e.externalId)).toEqual(
      r.events.map((e) => e.externalId),
    );
  });

  it("an ungrouped result belongs to the organization", () => {
    const page = { data: [{ starting_at: "2026-03-01T00:00:00Z", results: [{ uncached_input_tokens: 1, output_tokens: 2 }] }] };
    expect(ok(parseImport("anthropic-usage-report", JSON.stringify(page))).events[0]).toMatchObject({ user: "organization", model: "" });
  });

  it("names page, bucket, result and field when a required field is missing", () => {
    const pages = json("anthropic-usage-report.json") as { data: { results: Record<string, unknown>[] }[] }[];
    delete pages[1]!.data[0]!.results[0]!.output_tokens;
    expect(problems(parseImport("anthropic-usage-report", JSON.stringify(pages)))).toEqual([
      { record: "page 2, bucket 2026-03-02, result 1", reason: "output_tokens is required" },
    ]);
    expect(problems(parseImport("anthropic-usage-report", "{not json"))[0]!.record).toBe("file");
    expect(problems(parseImport("anthropic-usage-report", JSON.stringify({ data: [{ results: [] }] })))).toEqual([
      { record: "page 1, bucket 1", reason: "starting_at is required" },
    ]);
  });
});

describe("anthropic-cost-report", () => {
  it("turns amount (cents, a decimal string) into dollars, one event per bucket × result", () => {
    const r = ok(parseImport("anthropic-cost-report", fixture("anthropic-cost-report.json")));
    expect(r.events).toHaveLength(4);
    expect(r.events.map((e) => e.costUsd)).toEqual([12.345, 25, 0.3, 18.0025]);
    expect(r.events[0]).toMatchObject({
      user: "organization",
      department: "wrkspc_finance",
      model: "claude-sonnet-4-6",
      day: "2026-03-01",
    });
    expect(new Set(r.events.map((e) => e.externalId)).size).toBe(4);
  });

  it("names a missing or malformed amount", () => {
    const page = json("anthropic-cost-report.json") as { data: { results: Record<string, unknown>[] }[] };
    delete page.data[0]!.results[2]!.amount;
    page.data[1]!.results[0]!.amount = 18;
    expect(problems(parseImport("anthropic-cost-report", JSON.stringify(page)))).toEqual([
      { record: "page 1, bucket 2026-03-01, result 3", reason: "amount is required (a decimal string in cents)" },
      { record: "page 1, bucket 2026-03-02, result 1", reason: expect.stringMatching(/^amount must be a decimal string/) },
    ]);
  });
});

describe("claude-code-report", () => {
  it("gives one event per row × model, with a pseudonymous user and sessions and commits on the first model only", () => {
    const r = ok(parseImport("claude-code-report", fixture("claude-code-report.json")));
    expect(r.events).toHaveLength(3);
    const ada = pseudonymFor("ada@acme.test");
    expect(ada).toMatch(/^[0-9a-f]{16}$/);
    expect(r.events[0]).toMatchObject({
      user: ada,
      model: "claude-sonnet-4-6",
      sessions: 4,
      tasks: 3,
      costUsd: 1.86,
      tokens: { uncachedInput: 20000, output: 8000, cacheWrite: 3000, cacheRead: 40000 },
    });
    expect(r.events[1]).toMatchObject({ user: ada, model: "claude-haiku-4-5", sessions: 0, tasks: 0, costUsd: 0.12 });
    expect(r.events[2]).toMatchObject({ sessions: 2, tasks: 1, costUsd: 0.515 });
    expect(JSON.stringify(r.events)).not.toContain("@");
  });

  it("names a missing actor email and a missing model", () => {
    const page = json("claude-code-report.json") as { data: Record<string, unknown>[] };
    (page.data[0]!.actor as Record<string, unknown>).email_address = undefined;
    delete (page.data[1]!.model_breakdown as Record<string, unknown>[])[0]!.model;
    expect(problems(parseImport("claude-code-report", JSON.stringify(page)))).toEqual([
      { record: "page 1, row 1", reason: "actor.email_address is required for a user_actor" },
      { record: "page 1, row 2, model 1", reason: "model is required" },
    ]);
  });
});

describe("claude-analytics-users and -summaries", () => {
  it("users: one event per user per day active, pseudonymous, nothing for a never-active user", () => {
    const r = ok(parseImport("claude-analytics-users", fixture("claude-analytics-users.json")));
    expect(r.events).toHaveLength(2);
    expect(r.events[0]).toMatchObject({ user: pseudonymFor("ada@acme.test"), day: "2026-03-02", sessions: 7, tasks: 0, costUsd: 0 });
    expect(r.notes[0]).toMatch(/1 user record/);
    expect(JSON.stringify(r.events)).not.toContain("@");
  });

  it("users: names a missing user and a missing last_activity_date", () => {
    const page = json("claude-analytics-users.json") as { data: Record<string, unknown>[] };
    delete page.data[0]!.user;
    delete page.data[1]!.last_activity_date;
    expect(problems(parseImport("claude-analytics-users", JSON.stringify(page)))).toEqual([
      { record: "page 1, user 1", reason: "user is required" },
      { record: "page 1, user 2", reason: "last_activity_date is required" },
    ]);
  });

  it("summaries: one organisation-level fact per day (no events), with seats, invites, rates and per-product counts", () => {
    const r = ok(parseImport("claude-analytics-summaries", fixture("claude-analytics-summaries.json")));
    expect(r.events).toEqual([]);
    expect(r.summaries).toEqual([
      {
        day: "2026-03-02",
        dailyActiveUsers: 120,
        weeklyActiveUsers: 310,
        monthlyActiveUsers: 540,
        assignedSeats: 1000,
        pendingInvites: 12,
        dailyAdoptionRate: 0.12,
        weeklyAdoptionRate: 0.31,
        monthlyAdoptionRate: 0.54,
        products: {},
      },
      expect.objectContaining({ day: "2026-03-03", dailyActiveUsers: 131, monthlyActiveUsers: 545 }),
    ]);
    expect(r.notes[0]).toMatch(/^2 days of organisation-level analytics summaries/);
    const withProducts = ok(
      parseImport(
        "claude-analytics-summaries",
        JSON.stringify({
          data: [
            {
              date: "2026-03-04",
              daily_active_user_count: 5,
              cowork_daily_active_user_count: 2,
              claude_code_weekly_active_user_count: 3,
              chat_monthly_active_user_count: 4,
            },
          ],
        }),
      ),
    );
    expect(withProducts.summaries?.[0]?.products).toEqual({ chat: { monthly: 4 }, claude_code: { weekly: 3 }, cowork: { daily: 2 } });
  });

  it("summaries: names a missing count or date, a bad rate, a negative count and a day given twice", () => {
    const page = json("claude-analytics-summaries.json") as { data: Record<string, unknown>[] };
    delete page.data[1]!.daily_active_user_count;
    expect(problems(parseImport("claude-analytics-summaries", JSON.stringify(page)))).toEqual([
      { record: "page 1, summary 2 (2026-03-03)", reason: "daily_active_user_count is required" },
    ]);
    const bad = {
      data: [
        { daily_active_user_count: 1 },
        { date: "2026-02-30", daily_active_user_count: 1 },
        { date: "2026-03-01", daily_active_user_count: 1, monthly_adoption_rate: 1.5, chat_daily_active_user_count: -2 },
        { date: "2026-03-02", daily_active_user_count: 1 },
        { date: "2026-03-02", daily_active_user_count: 2 },
      ],
    };
    expect(problems(parseImport("claude-analytics-summaries", JSON.stringify(bad)))).toEqual([
      { record: "page 1, summary 1", reason: "date is required (YYYY-MM-DD)" },
      { record: "page 1, summary 2", reason: "date must be a real date as YYYY-MM-DD (got 2026-02-30)" },
      { record: "page 1, summary 3 (2026-03-01)", reason: "monthly_adoption_rate must be a ratio from 0 to 1" },
      { record: "page 1, summary 3 (2026-03-01)", reason: "chat_daily_active_user_count must be a whole number from 0 to 10,000,000" },
      { record: "page 1, summary 5 (2026-03-02)", reason: "2026-03-02 appears twice in this file" },
    ]);
  });
});
