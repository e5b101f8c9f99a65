/**
 * The cost model: what a usage scenario costs a month, over the 90 days, and per task. Pure maths,
 * no I/O; prices come in as a map of the programme's current price rows (see ./prices.ts).
 *
 * Assumptions, stated once and shown in the app beside the results:
 *
 * 1. Volume. Tasks a month = users × tasks per user per day × working days a month. Every task sends
 *    `inputTokensPerTask` prompt tokens and gets `outputTokensPerTask` tokens back.
 * 2. Model mix. A model with share s handles s of the tasks (shares add up to 1).
 * 3. Prompt caching. The cache hit rate h is the share of input tokens read from the prompt cache;
 *    they are priced at the model's cache-read price. A prefix has to be written to the cache before
 *    it is read: we assume each cached prefix is written once, at the 5-minute cache-write price, for
 *    every CACHE_READS_PER_WRITE (10) times it is read — the 5-minute lifetime is refreshed by every
 *    hit, so a busy shared prefix is read many times per write and ten is a deliberately cautious
 *    figure. So cache-write tokens = cache-read tokens ÷ 10. Written tokens are part of the input that
 *    was not a hit (a request that writes the cache pays the write price instead of the input price
 *    for those tokens), so they are capped at the non-hit share, 1 − h (the cap only bites when
 *    h > 10/11 ≈ 0.909). The rest of the input is uncached, at the input price.
 *    Input tokens = uncached + cache writes + cache reads, as in Anthropic's usage reports.
 * 4. Batch. A share b of tasks goes through the Batch API at the model's batch discount (50%) on
 *    every token price (input, cache write, cache read, output): token cost × (1 − b × discount).
 * 5. Prompt-length tiers. A model with a long-prompt tier (Haiku 5.5 over 100k tokens) is priced at
 *    that tier when the prompt per task is over the threshold.
 * 6. Fixed costs. Seats × seat price a month, plus engineering, change-management and support costs a
 *    month, as entered.
 * 7. The 90-day total is three months of the monthly total (the plan's three 30-day phases).
 * 8. Cost per task = monthly total ÷ tasks a month (all-in); API cost per task = token cost ÷ tasks.
 */
import { priceForPrompt, type ModelPriceData } from "./prices";

export const CACHE_READS_PER_WRITE = 10;
export const MONTHS_IN_90_DAYS = 3;
/** Model shares must add up to 1 within this tolerance. */
export const MIX_TOLERANCE = 0.001;

export interface ModelShare {
  model: string;
  share: number;
}

export interface ScenarioInput {
  users: number;
  tasksPerUserPerDay: number;
  workingDaysPerMonth: number;
  inputTokensPerTask: number;
  outputTokensPerTask: number;
  /** 0–1: share of input tokens read from the prompt cache. */
  cacheHitRate: number;
  modelMix: readonly ModelShare[];
  /** 0–1: share of tasks sent through the Batch API. */
  batchShare: number;
  seats: number;
  seatPricePerMonth: number;
  engineeringCostPerMonth: number;
  changeMgmtCostPerMonth: number;
  supportCostPerMonth: number;
}

export type PriceLookup = ReadonlyMap<string, ModelPriceData>;

export interface TokenVolumes {
  uncachedInput: number;
  cacheWrite: number;
  cacheRead: number;
  output: number;
}

export interface ModelCost {
  model: string;
  label: string;
  share: number;
  /** Tasks a month on this model. */
  tasks: number;
  /** Tokens a month on this model. */
  tokens: TokenVolumes;
  /** USD a month, after the batch discount. */
  cost: TokenVolumes & { total: number };
  /** USD a month the batch discount saves on this model. */
  batchSaving: number;
  /** The price row used (the long-prompt tier when it applied); null when the model has no price. */
  priceModel: string | null;
}

export interface ScenarioCost {
  tasksPerMonth: number;
  models: ModelCost[];
  tokenCost: number;
  batchSaving: number;
  seatCost: number;
  peopleCost: { engineering: number; changeManagement: number; support: number; total: number };
  monthlyTotal: number;
  ninetyDayTotal: number;
  /** All-in cost per task; null when the scenario has no tasks. */
  costPerTask: number | null;
  /** API (token) cost per task; null when the scenario has no tasks. */
  tokenCostPerTask: number | null;
  /** Models in the mix with no price in force: priced at zero, and the app says so. */
  unpricedModels: string[];
}

const PER_MTOK = 1_000_000;

/** Splits a month's input tokens into uncached, cache-write and cache-read tokens (assumption 3). */
export function splitInputTokens(inputTokens: number, cacheHitRate: number): Omit<TokenVolumes, "output"> {
  const cacheRead = inputTokens * cacheHitRate;
  const cacheWrite = Math.min(cacheRead / CACHE_READS_PER_WRITE, inputTokens - cacheRead);
  return { uncachedInput: inputTokens - cacheRead - cacheWrite, cacheWrite, cacheRead };
}

export function tasksPerMonth(s: Pick<ScenarioInput, "users" | "tasksPerUserPerDay" | "workingDaysPerMonth">): number {
  return s.users * s.tasksPerUserPerDay * s.workingDaysPerMonth;
}

export function scenarioCost(s: ScenarioInput, prices: PriceLookup): ScenarioCost {
  const tasks = tasksPerMonth(s);
  const unpricedModels: string[] = [];
  const models = s.modelMix.map((m): ModelCost => {
    const modelTasks = tasks * m.share;
    const split = splitInputTokens(modelTasks * s.inputTokensPerTask, s.cacheHitRate);
    const tokens: TokenVolumes = { ...split, output: modelTasks * s.outputTokensPerTask };
    const price = priceForPrompt(prices, m.model, s.inputTokensPerTask);
    if (!price) {
      unpricedModels.push(m.model);
      const zero = { uncachedInput: 0, cacheWrite: 0, cacheRead: 0, output: 0, total: 0 };
      return { model: m.model, label: m.model, share: m.share, tasks: modelTasks, tokens, cost: zero, batchSaving: 0, priceModel: null };
    }
    const multiplier = 1 - s.batchShare * (price.batchDiscountPct / 100);
    const at = (n: number, perMTok: number) => ((n * perMTok) / PER_MTOK) * multiplier;
    const cost = {
      uncachedInput: at(tokens.uncachedInput, price.inputPerMTok),
      cacheWrite: at(tokens.cacheWrite, price.cacheWrite5mPerMTok),
      cacheRead: at(tokens.cacheRead, price.cacheReadPerMTok),
      output: at(tokens.output, price.outputPerMTok),
    };
    const total = cost.uncachedInput + cost.cacheWrite + cost.cacheRead + cost.output;
    return {
      model: m.model,
      label: baseLabel(price.label),
      share: m.share,
      tasks: modelTasks,
      tokens,
      cost: { ...cost, total },
      batchSaving: fullPrice(tokens, price) - total,
      priceModel: price.model,
    };
  });
  const tokenCost = sum(models.map((m) => m.cost.total));
  const seatCost = s.seats * s.seatPricePerMonth;
  const people = {
    engineering: s.engineeringCostPerMonth,
    changeManagement: s.changeMgmtCostPerMonth,
    support: s.supportCostPerMonth,
    total: s.engineeringCostPerMonth + s.changeMgmtCostPerMonth + s.supportCostPerMonth,
  };
  const monthlyTotal = tokenCost + seatCost + people.total;
  return {
    tasksPerMonth: tasks,
    models,
    tokenCost,
    batchSaving: sum(models.map((m) => m.batchSaving)),
    seatCost,
    peopleCost: people,
    monthlyTotal,
    ninetyDayTotal: monthlyTotal * MONTHS_IN_90_DAYS,
    costPerTask: tasks > 0 ? monthlyTotal / tasks : null,
    tokenCostPerTask: tasks > 0 ? tokenCost / tasks : null,
    unpricedModels,
  };
}

function fullPrice(t: TokenVolumes, p: ModelPriceData): number {
  return (
    (t.uncachedInput * p.inputPerMTok +
      t.cacheWrite * p.cacheWrite5mPerMTok +
      t.cacheRead * p.cacheReadPerMTok +
      t.output * p.outputPerMTok) /
    PER_MTOK
  );
}

/** "Claude Haiku 5.5 (prompts up to 100k tokens)" → "Claude Haiku 5.5": the tier note is for the price table. */
export const baseLabel = (label: string) => label.replace(/\s*\(prompts [^)]*\)$/, "");

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export interface ModelComparison {
  model: string;
  label: string;
  tokenCost: number;
  /** The token cost by kind of token (USD a month, after the batch discount). */
  tokenCosts: TokenVolumes;
  fixedCost: number;
  monthlyTotal: number;
  ninetyDayTotal: number;
  costPerTask: number | null;
  tokenCostPerTask: number | null;
  /** Monthly total minus the scenario's own (negative: cheaper). */
  differenceFromScenario: number;
  priced: boolean;
}

/** The same scenario priced as if every task ran on each of `models`, side by side. */
export function compareModels(s: ScenarioInput, models: readonly string[], prices: PriceLookup): ModelComparison[] {
  const base = scenarioCost(s, prices);
  return models.map((model) => {
    const r = scenarioCost({ ...s, modelMix: [{ model, share: 1 }] }, prices);
    const { total: _total, ...tokenCosts } = r.models[0]!.cost;
    return {
      model,
      label: r.models[0]!.label,
      tokenCost: r.tokenCost,
      tokenCosts,
      fixedCost: r.seatCost + r.peopleCost.total,
      monthlyTotal: r.monthlyTotal,
      ninetyDayTotal: r.ninetyDayTotal,
      costPerTask: r.costPerTask,
      tokenCostPerTask: r.tokenCostPerTask,
      differenceFromScenario: r.monthlyTotal - base.monthlyTotal,
      priced: r.unpricedModels.length === 0,
    };
  });
}

/** The monthly cost broken into components, for the results chart and its table. */
export function costBreakdown(r: ScenarioCost): { key: string; label: string; monthly: number }[] {
  return [
    ...r.models.map((m) => ({ key: `tokens:${m.model}`, label: `API tokens — ${m.label}`, monthly: m.cost.total })),
    { key: "seats", label: "Seats", monthly: r.seatCost },
    { key: "engineering", label: "Engineering", monthly: r.peopleCost.engineering },
    { key: "change", label: "Change management", monthly: r.peopleCost.changeManagement },
    { key: "support", label: "Support", monthly: r.peopleCost.support },
  ];
}

// --- Validation rules ----------------------------------------------------------------------------

export interface MixProblem {
  message: string;
  /** Index of the mix entry concerned, when there is one. */
  index?: number;
}

/**
 * What is wrong with a model mix: no models, a model twice, shares not adding up to 1 (within 0.001),
 * and, when `priced` is given, models that are not in the programme's price table.
 */
export function modelMixProblems(
  mix: readonly ModelShare[],
  priced?: { has(model: string): boolean; selectable?: (model: string) => boolean },
): MixProblem[] {
  const problems: MixProblem[] = [];
  if (mix.length === 0) return [{ message: "Add at least one model to the mix." }];
  const seen = new Set<string>();
  mix.forEach((m, index) => {
    if (seen.has(m.model)) problems.push({ index, message: `${m.model} appears twice in the mix; list each model once.` });
    seen.add(m.model);
    if (priced && m.model && (!priced.has(m.model) || (priced.selectable && !priced.selectable(m.model))))
      problems.push({ index, message: `${m.model} is not in this programme's price table.` });
  });
  const total = sum(mix.map((m) => m.share));
  if (Math.abs(total - 1) > MIX_TOLERANCE)
    problems.push({ message: `Model shares add up to ${formatShare(total)}; they must add up to 100% (1.0).` });
  return problems;
}

const formatShare = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Two amounts of money are the same when they agree to the cent. */
export const sameAmount = (a: number, b: number) => Math.round(a * 100) === Math.round(b * 100);

/** Department budgets (monthly) against the approved monthly budget. */
export function departmentAllocation(monthlyAmounts: readonly number[], approvedMonthly: number | null) {
  const total = sum([...monthlyAmounts]);
  if (approvedMonthly === null) return { total, approved: null, remaining: null, share: null, over: false };
  return {
    total,
    approved: approvedMonthly,
    remaining: approvedMonthly - total,
    share: approvedMonthly > 0 ? total / approvedMonthly : null,
    over: total - approvedMonthly > 0.005,
  };
}
