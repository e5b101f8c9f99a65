import { describe, expect, it } from "vitest";

import {
  CACHE_READS_PER_WRITE,
  compareModels,
  costBreakdown,
  departmentAllocation,
  modelMixProblems,
  sameAmount,
  scenarioCost,
  splitInputTokens,
  type ScenarioInput,
} from "@/domain/costs";
import {
  currentPrices,
  priceForPrompt,
  priceStatus,
  priceTableSeed,
  PUBLISHED_PRICES,
  selectableModels,
  type PriceRow,
} from "@/domain/prices";
import { createScenarioSchema } from "@/features/costs/schemas";

/*
 * Prices used below (USD per million tokens, Anthropic's published prices of 2026-10-08):
 *
 *   model              input   5m write   cache read   output   batch
 *   Sonnet 4.6         3       3.75       0.30         15       50% off
 *   Opus 4.7           5       6.25       0.50         25       50% off
 *   Haiku 4.5          1       1.25       0.10         5        50% off
 *   Haiku 5.5 ≤100k    0.10    0.125      0.01         0.50     50% off
 *   Haiku 5.5 >100k    0.50    0.625      0.05         2.50     50% off
 */
const prices = currentPrices(
  priceTableSeed("p").map((r) => ({ ...r })),
  new Date("2026-11-21T12:00:00Z"),
);

const base: ScenarioInput = {
  users: 10,
  tasksPerUserPerDay: 5,
  workingDaysPerMonth: 20,
  inputTokensPerTask: 2_000,
  outputTokensPerTask: 500,
  cacheHitRate: 0,
  modelMix: [{ model: "claude-sonnet-4-6", share: 1 }],
  batchShare: 0,
  seats: 10,
  seatPricePerMonth: 30,
  engineeringCostPerMonth: 1_000,
  changeMgmtCostPerMonth: 500,
  supportCostPerMonth: 200,
};
const noFixedCosts = { seats: 0, seatPricePerMonth: 0, engineeringCostPerMonth: 0, changeMgmtCostPerMonth: 0, supportCostPerMonth: 0 };

describe("the published price table", () => {
  it("has every model of the reference table at its published prices, effective 2026-10-08, with a 50% batch discount", () => {
    const seed = priceTableSeed("programme-1");
    expect(seed).toHaveLength(13);
    expect(
      seed.every(
        (r) => r.programmeId === "programme-1" && r.effectiveFrom.toISOString() === "2026-10-08T00:00:00.000Z" && r.batchDiscountPct === 50,
      ),
    ).toBe(true);
    const byModel = new Map(
      PUBLISHED_PRICES.map((p) => [
        p.model,
        [p.inputPerMTok, p.cacheWrite5mPerMTok, p.cacheWrite1hPerMTok, p.cacheReadPerMTok, p.outputPerMTok],
      ]),
    );
    expect(byModel.get("claude-opus-5-5")).toEqual([4, 5, 8, 0.2, 20]);
    for (const m of ["claude-opus-5", "claude-opus-4-8", "claude-opus-4-7", "claude-opus-4-6", "claude-opus-4-5"])
      expect(byModel.get(m)).toEqual([5, 6.25, 10, 0.5, 25]);
    expect(byModel.get("claude-sonnet-5-5")).toEqual([2, 2.5, 4, 0.1, 10]);
    expect(byModel.get("claude-sonnet-5")).toEqual([2, 2.5, 4, 0.2, 10]);
    for (const m of ["claude-sonnet-4-6", "claude-sonnet-4-5"]) expect(byModel.get(m)).toEqual([3, 3.75, 6, 0.3, 15]);
    expect(byModel.get("claude-haiku-5-5")).toEqual([0.1, 0.125, 0.2, 0.01, 0.5]);
    expect(byModel.get("claude-haiku-5-5:prompt>100k")).toEqual([0.5, 0.625, 1, 0.05, 2.5]);
    expect(byModel.get("claude-haiku-4-5")).toEqual([1, 1.25, 2, 0.1, 5]);
  });

  it("the price in force is the latest row effective on or before the day; later rows are scheduled, earlier ones superseded", () => {
    const row = (effective: string, input: number): PriceRow => ({
      ...PUBLISHED_PRICES[8]!,
      inputPerMTok: input,
      effectiveFrom: new Date(`${effective}T00:00:00Z`),
    });
    const rows = [row("2026-10-08", 3), row("2026-11-01", 2.5), row("2027-01-01", 2)];
    const current = currentPrices(rows, new Date("2026-11-21T09:00:00Z"));
    expect(current.get("claude-sonnet-4-6")?.inputPerMTok).toBe(2.5);
    expect(rows.map((r) => priceStatus(r, current))).toEqual(["SUPERSEDED", "CURRENT", "SCHEDULED"]);
    // On the day a row takes effect, it is in force.
    expect(currentPrices(rows, new Date("2027-01-01T00:00:00Z")).get("claude-sonnet-4-6")?.inputPerMTok).toBe(2);
  });

  it("a scenario chooses among models with a price in force; the long-prompt tier is not chosen, it applies by itself over 100k tokens", () => {
    const models = selectableModels(prices).map((p) => p.model);
    expect(models).toContain("claude-haiku-5-5");
    expect(models).not.toContain("claude-haiku-5-5:prompt>100k");
    expect(models).toHaveLength(12);
    expect(priceForPrompt(prices, "claude-haiku-5-5", 100_000)?.inputPerMTok).toBe(0.1);
    expect(priceForPrompt(prices, "claude-haiku-5-5", 100_001)?.inputPerMTok).toBe(0.5);
    expect(priceForPrompt(prices, "claude-haiku-4-5", 150_000)?.inputPerMTok).toBe(1); // no tier: its own price
  });
});

describe("cost maths, worked examples", () => {
  it("example 1 — one model, no cache, no batch", () => {
    // Tasks a month: 10 users × 5 tasks a day × 20 working days = 1,000 tasks.
    // Input: 1,000 × 2,000 = 2,000,000 tokens × $3/MTok = $6.00
    // Output: 1,000 × 500 = 500,000 tokens × $15/MTok = $7.50
    // Token cost: $13.50
    // Seats: 10 × $30 = $300; people: $1,000 + $500 + $200 = $1,700
    // Monthly total: $13.50 + $300 + $1,700 = $2,013.50; 90 days (three months): $6,040.50
    // Cost per task: $2,013.50 ÷ 1,000 = $2.0135 all-in; API cost per task $13.50 ÷ 1,000 = $0.0135
    const r = scenarioCost(base, prices);
    expect(r.tasksPerMonth).toBe(1_000);
    expect(r.models[0]!.tokens).toEqual({ uncachedInput: 2_000_000, cacheWrite: 0, cacheRead: 0, output: 500_000 });
    expect(r.models[0]!.cost.uncachedInput).toBeCloseTo(6, 10);
    expect(r.models[0]!.cost.output).toBeCloseTo(7.5, 10);
    expect(r.tokenCost).toBeCloseTo(13.5, 10);
    expect(r.seatCost).toBe(300);
    expect(r.peopleCost).toEqual({ engineering: 1_000, changeManagement: 500, support: 200, total: 1_700 });
    expect(r.monthlyTotal).toBeCloseTo(2_013.5, 10);
    expect(r.ninetyDayTotal).toBeCloseTo(6_040.5, 10);
    expect(r.costPerTask).toBeCloseTo(2.0135, 10);
    expect(r.tokenCostPerTask).toBeCloseTo(0.0135, 10);
    expect(r.batchSaving).toBe(0);
    expect(r.unpricedModels).toEqual([]);
  });

  it("example 2 — prompt caching: cache reads at the read price, one cache write per ten reads at the 5-minute write price", () => {
    // Example 1 with a cache hit rate of 0.5. Input 2,000,000 tokens a month:
    //   cache reads:  0.5 × 2,000,000 = 1,000,000 tokens × $0.30/MTok = $0.30
    //   cache writes: 1,000,000 ÷ 10 = 100,000 tokens × $3.75/MTok = $0.375
    //   uncached:     2,000,000 − 1,000,000 − 100,000 = 900,000 tokens × $3/MTok = $2.70
    // Output as before: $7.50. Token cost: $0.30 + $0.375 + $2.70 + $7.50 = $10.875
    // Monthly total: $10.875 + $300 + $1,700 = $2,010.875
    expect(CACHE_READS_PER_WRITE).toBe(10);
    const r = scenarioCost({ ...base, cacheHitRate: 0.5 }, prices);
    const m = r.models[0]!;
    expect(m.tokens).toEqual({ uncachedInput: 900_000, cacheWrite: 100_000, cacheRead: 1_000_000, output: 500_000 });
    expect(m.cost.cacheRead).toBeCloseTo(0.3, 10);
    expect(m.cost.cacheWrite).toBeCloseTo(0.375, 10);
    expect(m.cost.uncachedInput).toBeCloseTo(2.7, 10);
    expect(r.tokenCost).toBeCloseTo(10.875, 10);
    expect(r.monthlyTotal).toBeCloseTo(2_010.875, 10);
  });

  it("example 3 — a model mix with a batch share: the batch discount applies to the batched share of tasks", () => {
    // 1,000 tasks, half on Opus 4.7 and half on Haiku 4.5; 40% of tasks through the Batch API at 50% off,
    // so every token price is multiplied by 1 − 0.4 × 0.5 = 0.8. No cache, no fixed costs.
    // Opus 4.7, 500 tasks: input 1,000,000 × $5 = $5.00, output 250,000 × $25 = $6.25 → $11.25 × 0.8 = $9.00 (saves $2.25)
    // Haiku 4.5, 500 tasks: input 1,000,000 × $1 = $1.00, output 250,000 × $5 = $1.25 → $2.25 × 0.8 = $1.80 (saves $0.45)
    // Token cost $10.80, batch saving $2.70; monthly $10.80, 90 days $32.40, per task $0.0108
    const r = scenarioCost(
      {
        ...base,
        ...noFixedCosts,
        modelMix: [
          { model: "claude-opus-4-7", share: 0.5 },
          { model: "claude-haiku-4-5", share: 0.5 },
        ],
        batchShare: 0.4,
      },
      prices,
    );
    const [opus, haiku] = r.models;
    expect(opus!.tasks).toBe(500);
    expect(opus!.cost.uncachedInput).toBeCloseTo(4, 10);
    expect(opus!.cost.output).toBeCloseTo(5, 10);
    expect(opus!.cost.total).toBeCloseTo(9, 10);
    expect(opus!.batchSaving).toBeCloseTo(2.25, 10);
    expect(haiku!.cost.total).toBeCloseTo(1.8, 10);
    expect(haiku!.batchSaving).toBeCloseTo(0.45, 10);
    expect(r.tokenCost).toBeCloseTo(10.8, 10);
    expect(r.batchSaving).toBeCloseTo(2.7, 10);
    expect(r.monthlyTotal).toBeCloseTo(10.8, 10);
    expect(r.ninetyDayTotal).toBeCloseTo(32.4, 10);
    expect(r.costPerTask).toBeCloseTo(0.0108, 10);
  });

  it("example 4 — cache and batch together; cache writes are capped at the input that was not a hit", () => {
    // Haiku 4.5, 1,000 tasks of 10,000 input and 1,000 output tokens, cache hit rate 0.95, every task batched (×0.5).
    // Input 10,000,000 tokens: reads 9,500,000; writes would be 950,000 but only 500,000 tokens were not hits,
    // so writes = 500,000 and uncached = 0.
    //   reads  9,500,000 × $0.10 = $0.95
    //   writes   500,000 × $1.25 = $0.625
    //   output 1,000,000 × $5    = $5.00
    // Full price $6.575; at 50% off: $3.2875
    expect(splitInputTokens(10_000_000, 0.95)).toEqual({ uncachedInput: 0, cacheWrite: 500_000, cacheRead: 9_500_000 });
    const r = scenarioCost(
      {
        ...base,
        ...noFixedCosts,
        inputTokensPerTask: 10_000,
        outputTokensPerTask: 1_000,
        cacheHitRate: 0.95,
        batchShare: 1,
        modelMix: [{ model: "claude-haiku-4-5", share: 1 }],
      },
      prices,
    );
    expect(r.models[0]!.cost.cacheRead).toBeCloseTo(0.475, 10);
    expect(r.models[0]!.cost.cacheWrite).toBeCloseTo(0.3125, 10);
    expect(r.models[0]!.cost.output).toBeCloseTo(2.5, 10);
    expect(r.tokenCost).toBeCloseTo(3.2875, 10);
    expect(r.batchSaving).toBeCloseTo(3.2875, 10);
  });

  it("example 5 — Haiku 5.5's long-prompt tier applies to prompts over 100k tokens", () => {
    // 1 user × 5 tasks × 20 days = 100 tasks, 1,000 output tokens each.
    // 150,000-token prompts: input 15,000,000 × $0.50 = $7.50, output 100,000 × $2.50 = $0.25 → $7.75
    // 100,000-token prompts (not over): input 10,000,000 × $0.10 = $1.00, output 100,000 × $0.50 = $0.05 → $1.05
    const s = { ...base, ...noFixedCosts, users: 1, outputTokensPerTask: 1_000, modelMix: [{ model: "claude-haiku-5-5", share: 1 }] };
    const long = scenarioCost({ ...s, inputTokensPerTask: 150_000 }, prices);
    expect(long.tokenCost).toBeCloseTo(7.75, 10);
    expect(long.models[0]!.priceModel).toBe("claude-haiku-5-5:prompt>100k");
    expect(long.models[0]!.label).toBe("Claude Haiku 5.5");
    expect(scenarioCost({ ...s, inputTokensPerTask: 100_000 }, prices).tokenCost).toBeCloseTo(1.05, 10);
  });

  it("compares the same scenario as if every task ran on each model", () => {
    // Example 1 on Opus 4.7: input 2,000,000 × $5 = $10, output 500,000 × $25 = $12.50 → $22.50; monthly $2,022.50 (+$9.00)
    // Example 1 on Haiku 4.5: input 2,000,000 × $1 = $2, output 500,000 × $5 = $2.50 → $4.50; monthly $2,004.50 (−$9.00)
    const [opus, haiku] = compareModels(base, ["claude-opus-4-7", "claude-haiku-4-5"], prices);
    expect(opus).toMatchObject({ model: "claude-opus-4-7", label: "Claude Opus 4.7", fixedCost: 2_000, priced: true });
    expect(opus!.tokenCost).toBeCloseTo(22.5, 10);
    expect(opus!.tokenCosts.uncachedInput).toBeCloseTo(10, 10);
    expect(opus!.tokenCosts.output).toBeCloseTo(12.5, 10);
    expect(opus!.monthlyTotal).toBeCloseTo(2_022.5, 10);
    expect(opus!.ninetyDayTotal).toBeCloseTo(6_067.5, 10);
    expect(opus!.differenceFromScenario).toBeCloseTo(9, 10);
    expect(haiku!.tokenCost).toBeCloseTo(4.5, 10);
    expect(haiku!.differenceFromScenario).toBeCloseTo(-9, 10);
    expect(haiku!.tokenCostPerTask).toBeCloseTo(0.0045, 10);
  });

  it("breaks the monthly cost into components that add up to the total", () => {
    const r = scenarioCost(
      {
        ...base,
        modelMix: [
          { model: "claude-opus-4-7", share: 0.5 },
          { model: "claude-haiku-4-5", share: 0.5 },
        ],
      },
      prices,
    );
    const parts = costBreakdown(r);
    expect(parts.map((p) => p.label)).toEqual([
      "API tokens — Claude Opus 4.7",
      "API tokens — Claude Haiku 4.5",
      "Seats",
      "Engineering",
      "Change management",
      "Support",
    ]);
    expect(parts.reduce((n, p) => n + p.monthly, 0)).toBeCloseTo(r.monthlyTotal, 10);
  });

  it("a model without a price is priced at zero and named; no tasks means no cost per task", () => {
    const r = scenarioCost({ ...base, modelMix: [{ model: "claude-unknown-1", share: 1 }] }, prices);
    expect(r.unpricedModels).toEqual(["claude-unknown-1"]);
    expect(r.tokenCost).toBe(0);
    const none = scenarioCost({ ...base, users: 0 }, prices);
    expect(none.costPerTask).toBeNull();
    expect(none.monthlyTotal).toBe(2_000);
  });
});

describe("validation", () => {
  it("model shares must add up to 1 within 0.001, each model once, only models in the price table", () => {
    expect(
      modelMixProblems([
        { model: "a", share: 0.3333 },
        { model: "b", share: 0.3333 },
        { model: "c", share: 0.3333 },
      ]),
    ).toEqual([]); // 0.9999
    expect(
      modelMixProblems([
        { model: "a", share: 0.6 },
        { model: "b", share: 0.3 },
      ]),
    ).toEqual([{ message: "Model shares add up to 90%; they must add up to 100% (1.0)." }]);
    expect(
      modelMixProblems([
        { model: "a", share: 0.5 },
        { model: "a", share: 0.5 },
      ]),
    ).toEqual([{ index: 1, message: "a appears twice in the mix; list each model once." }]);
    expect(modelMixProblems([])).toEqual([{ message: "Add at least one model to the mix." }]);
    const priced = { has: (m: string) => prices.has(m), selectable: (m: string) => !m.includes(":") };
    expect(modelMixProblems([{ model: "gpt-5", share: 1 }], priced)).toEqual([
      { index: 0, message: "gpt-5 is not in this programme's price table." },
    ]);
    expect(modelMixProblems([{ model: "claude-haiku-5-5:prompt>100k", share: 1 }], priced)).toHaveLength(1);
    expect(modelMixProblems([{ model: "claude-sonnet-4-6", share: 1 }], priced)).toEqual([]);
  });

  const form = {
    programmeSlug: "acme",
    name: "Pilot",
    users: "50",
    tasksPerUserPerDay: "4",
    workingDaysPerMonth: "21",
    inputTokensPerTask: "3000",
    outputTokensPerTask: "600",
    cacheHitRate: "0.4",
    batchShare: "0",
    seats: "50",
    seatPricePerMonth: "30",
    engineeringCostPerMonth: "0",
    changeMgmtCostPerMonth: "0",
    supportCostPerMonth: "0",
    modelMix: [{ model: "claude-sonnet-4-6", share: "1" }],
  };
  const issues = (v: unknown) => {
    const r = createScenarioSchema.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  };

  it("the scenario schema takes form strings and checks ranges and the mix", () => {
    const ok = createScenarioSchema.parse(form);
    expect(ok).toMatchObject({
      users: 50,
      cacheHitRate: 0.4,
      modelMix: [{ model: "claude-sonnet-4-6", share: 1 }],
      tokensMeasuredWith: null,
    });
    expect(issues({ ...form, cacheHitRate: "1.2" })).toEqual([
      { path: "cacheHitRate", message: "The cache hit rate must be between 0 and 1 (0.25 = 25%)." },
    ]);
    expect(issues({ ...form, batchShare: "-0.1" })).toEqual([{ path: "batchShare", message: "The batch share must be between 0 and 1." }]);
    expect(issues({ ...form, users: "2.5" })).toEqual([{ path: "users", message: "Enter the number of users as a whole number." }]);
    expect(issues({ ...form, workingDaysPerMonth: "0" })).toEqual([
      { path: "workingDaysPerMonth", message: "Enter working days a month (at least 1)." },
    ]);
    expect(issues({ ...form, name: " " })).toEqual([{ path: "name", message: "Name the scenario." }]);
    expect(issues({ ...form, seats: "" })).toEqual([{ path: "seats", message: "Enter the number of seats." }]); // blank is missing, not 0
    expect(issues({ ...form, seatPricePerMonth: "abc" })).toEqual([
      { path: "seatPricePerMonth", message: "Enter the seat price a month." },
    ]);
    expect(
      issues({
        ...form,
        modelMix: [
          { model: "claude-sonnet-4-6", share: "0.7" },
          { model: "claude-haiku-4-5", share: "0.2" },
        ],
      }),
    ).toEqual([{ path: "modelMix", message: "Model shares add up to 90%; they must add up to 100% (1.0)." }]);
    expect(issues({ ...form, modelMix: [{ model: "", share: "1" }] })).toEqual([{ path: "modelMix.0.model", message: "Choose a model." }]);
  });
});

describe("money", () => {
  it("amounts agree when they agree to the cent; department budgets add up against the approved budget", () => {
    expect(sameAmount(2013.504, 2013.5)).toBe(true);
    expect(sameAmount(2013.49, 2013.5)).toBe(false);
    expect(departmentAllocation([1_000, 2_500], 5_000)).toEqual({
      total: 3_500,
      approved: 5_000,
      remaining: 1_500,
      share: 0.7,
      over: false,
    });
    expect(departmentAllocation([4_000, 2_500], 5_000)).toMatchObject({ remaining: -1_500, over: true });
    expect(departmentAllocation([100], null)).toEqual({ total: 100, approved: null, remaining: null, share: null, over: false });
  });
});
