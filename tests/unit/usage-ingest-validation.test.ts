import { describe, expect, it } from "vitest";

import { seededRandom } from "@/domain/random";
import { parseUsageBatch, quickParseUsageEvent, usageEventSchema } from "@/features/usage/schemas";

// Pure (no database): the batch API's quick check must agree with the zod schema on every event,
// both on whether it is valid and on the parsed value, so the 422's reasons and the rows written
// are exactly those of the schema.

// Values the schema accepts for some field (edges included), and values it refuses somewhere.
const idLike = [
  "a",
  " a ",
  "\tx\n",
  "\u00a0id\u00a0",
  "\ufeffid\ufeff",
  "é",
  'q"uo\\te',
  "y".repeat(200),
  ` ${"y".repeat(200)}\n`,
  "2026-01-05",
];
const labels = ["", "   ", "Finance", " Legal ", "x".repeat(120), ` ${"x".repeat(120)} `, "claude-sonnet-4-6"];
const counts = [0, -0, 1, 3, 250, 1_000_000];
const amounts = [0, -0, 0.25, 1, 12.5, 1439.999, 1440];
const days = ["2026-01-05", "2024-02-29", "2000-01-01", "2100-12-31", " 2026-01-05"];
const sources = ["measured", "self_reported", "estimated"];
const bad = [
  "",
  "   ",
  "x".repeat(121),
  "y".repeat(201),
  "2026-02-29",
  "2026-13-01",
  "2026-1-5",
  "0000-01-01",
  "1999-12-31",
  "9999-12-31",
  "2026-01-05T00:00:00Z",
  "2026-04-31",
  "Measured",
  "other",
  "3",
  -1,
  1.5,
  1440.5,
  1_000_001,
  2_147_483_647,
  Number.MAX_SAFE_INTEGER,
  1e308,
  1e21,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  -1e-9,
  Infinity,
  NaN,
  null,
  true,
  [],
  {},
  [1],
];

function generator(seed: number) {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  // Each field is usually one of its good values, sometimes anything, sometimes absent.
  const field = (o: Record<string, unknown>, k: string, good: readonly unknown[], absent = 0.15) => {
    if (r() < absent) return;
    o[k] = r() < 0.03 ? pick(bad) : r() < 0.02 ? pick([...idLike, ...labels, ...counts, ...amounts, ...days, ...sources]) : pick(good);
  };
  return (): unknown => {
    if (r() < 0.02) return pick([null, [], "event", 7, [{ externalId: "a" }]]);
    const e: Record<string, unknown> = {};
    field(e, "externalId", idLike, 0.02);
    field(e, "day", days, 0.02);
    field(e, "user", idLike, 0.02);
    for (const k of ["department", "useCase", "cohort", "model"]) field(e, k, labels);
    for (const k of ["sessions", "tasks", "errors"]) field(e, k, counts);
    for (const k of ["minutesSaved", "costUsd"]) field(e, k, amounts);
    field(e, "minutesSource", sources);
    if (r() < 0.8) {
      if (r() < 0.03) e.tokens = pick(bad);
      else {
        const t: Record<string, unknown> = {};
        for (const k of ["uncachedInput", "cacheWrite", "cacheRead", "output"]) field(t, k, counts);
        if (r() < 0.1) t.extra = 1;
        e.tokens = t;
      }
    }
    if (r() < 0.1) e.unknownField = "ignored";
    return e;
  };
}

describe("the usage batch's quick event check", () => {
  it("accepts exactly what the schema accepts and returns exactly what it returns", () => {
    const next = generator(20261121);
    let valid = 0;
    for (let i = 0; i < 20_000; i++) {
      const e = next();
      const quick = quickParseUsageEvent(e);
      const schema = usageEventSchema.safeParse(e);
      if (schema.success !== (quick !== undefined))
        throw new Error(`disagree on ${JSON.stringify(e)}: schema ${schema.success}, quick ${quick !== undefined}`);
      if (schema.success) {
        valid++;
        expect(quick).toStrictEqual(schema.data); // Object.is per value: -0 stays -0, trimming and defaults match
      }
    }
    // Both branches were exercised plenty.
    expect(valid).toBeGreaterThan(2_000);
    expect(valid).toBeLessThan(18_000);
  }, 30_000); // 20,000 events through zod: seconds on a loaded machine

  it("a batch's result and its 422 reasons are the schema's", () => {
    const next = generator(7);
    const events = Array.from({ length: 2_000 }, next);
    const batch = parseUsageBatch({ events });
    const expected = events.map((e) => usageEventSchema.safeParse(e));
    const problems = expected.flatMap((r, index) =>
      r.success ? [] : [{ index, reason: r.error.issues.map((i) => `${i.path.join(".") || "event"} ${i.message}`).join("; ") }],
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(batch).toEqual({
      ok: false,
      status: 422,
      message: `${problems.length} of ${events.length} events are invalid; nothing was written.`,
      problems,
    });
    const good = expected.flatMap((r) => (r.success ? [r.data] : []));
    expect(parseUsageBatch({ events: events.filter((_, i) => expected[i]!.success) })).toStrictEqual({ ok: true, events: good });
  });
});
