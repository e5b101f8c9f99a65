import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import type { ImportFormat } from "@/features/usage/imports/formats";
import { importUsageFile, importUsageFileAsOperator } from "@/features/usage/imports/server/import-usage-file";
import { db } from "@/server/db";

const fixture = (name: string) => readFileSync(`tests/fixtures/usage/${name}`, "utf8");

const totals = async (programmeId: string) => {
  const [raw] = await db.$queryRaw<{ events: bigint; sessions: bigint; tasks: bigint; output: bigint; cost: number }[]>`
    SELECT count(*) AS events, coalesce(sum("sessions"),0) AS sessions, coalesce(sum("tasks"),0) AS tasks, coalesce(sum("outputTokens"),0) AS output, coalesce(sum("costUsd"),0)::float8 AS cost
    FROM "UsageEvent" WHERE "programmeId" = ${programmeId}::uuid`;
  const [rollup] = await db.$queryRaw<{ events: bigint; sessions: bigint; tasks: bigint; output: bigint; cost: number }[]>`
    SELECT coalesce(sum("events"),0) AS events, coalesce(sum("sessions"),0) AS sessions, coalesce(sum("tasks"),0) AS tasks, coalesce(sum("outputTokens"),0) AS output, coalesce(sum("costUsd"),0)::float8 AS cost
    FROM "UsageDaily" WHERE "programmeId" = ${programmeId}::uuid AND "dimension" = 'all'`;
  const n = (r: typeof raw) => ({
    events: Number(r!.events),
    sessions: Number(r!.sessions),
    tasks: Number(r!.tasks),
    output: Number(r!.output),
    cost: Math.round(r!.cost * 10_000) / 10_000,
  });
  return { raw: n(raw), rollup: n(rollup) };
};

const CASES: [ImportFormat, string, number][] = [
  ["usage-csv", "usage.csv", 3],
  ["anthropic-usage-report", "anthropic-usage-report.json", 3],
  ["anthropic-cost-report", "anthropic-cost-report.json", 4],
  ["claude-code-report", "claude-code-report.json", 3],
  ["claude-analytics-users", "claude-analytics-users.json", 2],
];

describe("usage imports", () => {
  // claude-analytics-summaries are organisation-level daily facts, not events: tests/integration/usage-value.test.ts.
  it.each(CASES)("%s: imported twice gives the same totals; the second inserts nothing", async (format, file, expected) => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const text = fixture(file);
    const first = await importUsageFile(pm, { programmeSlug: p.slug, format, text });
    expect(first).toMatchObject({ ok: true, received: expected, inserted: expected, duplicates: 0 });
    const after1 = await totals(p.id);
    expect(after1.raw).toEqual(after1.rollup);
    expect(after1.raw.events).toBe(expected);
    const second = await importUsageFile(pm, { programmeSlug: p.slug, format, text });
    expect(second).toMatchObject({ ok: true, received: expected, inserted: 0, duplicates: expected });
    expect(await totals(p.id)).toEqual(after1);
    const audits = await db.auditEvent.findMany({
      where: { programmeId: p.id, action: "usage.import" },
      orderBy: { seq: "asc" },
      select: { after: true },
    });
    expect(audits.map((a) => a.after)).toEqual([
      { format, received: expected, inserted: expected, duplicates: 0 },
      { format, received: expected, inserted: 0, duplicates: expected },
    ]);
  });

  it("sums the figures as mapped: cost report dollars, Claude Code sessions and commits", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    await importUsageFile(pm, { programmeSlug: p.slug, format: "anthropic-cost-report", text: fixture("anthropic-cost-report.json") });
    await importUsageFile(pm, { programmeSlug: p.slug, format: "claude-code-report", text: fixture("claude-code-report.json") });
    const t = await totals(p.id);
    expect(t.raw).toMatchObject({
      sessions: 6,
      tasks: 4,
      cost: Math.round((12.345 + 25 + 0.3 + 18.0025 + 1.86 + 0.12 + 0.515) * 10_000) / 10_000,
    });
    expect(t.raw).toEqual(t.rollup);
  });

  it("a bad CSV row: its line is reported and nothing is imported", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const r = await importUsageFile(pm, { programmeSlug: p.slug, format: "usage-csv", text: fixture("usage-bad.csv") });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((x) => x.record)).toEqual(expect.arrayContaining(["line 3", "line 4"]));
    expect((await totals(p.id)).raw.events).toBe(0);
    expect(await db.auditEvent.count({ where: { programmeId: p.id, action: "usage.import" } })).toBe(0);
  });

  it("a viewer is refused and a non-member is told the programme does not exist", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const viewer = await makeUser();
    await makeMember(pm, p.slug, viewer, ["VIEWER"]);
    const stranger = await makeUser();
    const input = { programmeSlug: p.slug, format: "usage-csv" as const, text: fixture("usage.csv") };
    await expect(importUsageFile(viewer, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(importUsageFile(stranger, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      importUsageFileAsOperator({ id: null, label: "test" }, { ...input, programmeSlug: "no-such-programme" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await totals(p.id)).raw.events).toBe(0);
  });

  it("the CLI imports a file, prints the counts, and reports problems with a non-zero exit", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const cli = (format: string, file: string) => {
      const r = spawnSync(
        "node_modules/.bin/tsx",
        ["--conditions=react-server", "src/cli/index.ts", "import", "--programme", p.slug, "--format", format, file],
        {
          env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
          encoding: "utf8",
        },
      );
      return { code: r.status, out: `${r.stdout}${r.stderr}` };
    };
    const ok = cli("claude-code-report", "tests/fixtures/usage/claude-code-report.json");
    expect(ok.out).toContain("received=3 inserted=3 duplicates=0");
    expect(ok.code).toBe(0);
    expect(cli("claude-code-report", "tests/fixtures/usage/claude-code-report.json").out).toContain("inserted=0 duplicates=3");
    const bad = cli("usage-csv", "tests/fixtures/usage/usage-bad.csv");
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/line 3: user/);
    expect((await totals(p.id)).raw.events).toBe(3);
  }, 60_000);
});
