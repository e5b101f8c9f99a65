/**
 * Anthropic's published prices as data, and the rules for reading a programme's price table.
 *
 * Prices are USD per million tokens (MTok), from the platform.claude.com pricing page retrieved on
 * 2026-10-08 (see shared/reference/anthropic-api.md). Each programme gets its own copy of this table
 * when it is created; the programme manager edits it or adds effective-dated rows as prices change.
 * Nothing here is fetched: when Anthropic's prices change, add rows (or a new seed here) — never
 * rewrite history.
 *
 * Prompt-length tiers: Haiku 5.5 has a higher price for prompts over 100k tokens. The table keeps that
 * tier as its own row whose model id is the base model plus a tier suffix
 * (`claude-haiku-5-5:prompt>100k`); it is never chosen in a model mix — the cost maths switches to it
 * by itself when a task's prompt is longer than the threshold (see `priceForPrompt`).
 */

import { toUtcDate } from "./dates";

export interface ModelPriceData {
  model: string;
  label: string;
  inputPerMTok: number;
  cacheWrite5mPerMTok: number;
  cacheWrite1hPerMTok: number;
  cacheReadPerMTok: number;
  outputPerMTok: number;
  /** Batch API discount, percent off every token price (Anthropic: 50). */
  batchDiscountPct: number;
}

/** A row of a programme's price table: a model's prices from a date on. */
export interface PriceRow extends ModelPriceData {
  effectiveFrom: Date;
}

/** The date the published prices below were retrieved; the seeded rows are effective from it. */
export const PUBLISHED_PRICES_EFFECTIVE = "2026-10-08";
export const PUBLISHED_PRICES_SOURCE = "Anthropic published prices (platform.claude.com pricing page, retrieved 2026-10-08)";

/** Tier suffix for prompts over 100k tokens, and its threshold. */
export const LONG_PROMPT_SUFFIX = ":prompt>100k";
export const LONG_PROMPT_THRESHOLD_TOKENS = 100_000;

const BATCH = 50;
const row = (
  model: string,
  label: string,
  input: number,
  write5m: number,
  write1h: number,
  read: number,
  output: number,
): ModelPriceData => ({
  model,
  label,
  inputPerMTok: input,
  cacheWrite5mPerMTok: write5m,
  cacheWrite1hPerMTok: write1h,
  cacheReadPerMTok: read,
  outputPerMTok: output,
  batchDiscountPct: BATCH,
});

/** The published price table, one row per model id (models sharing a price each get their own row). */
export const PUBLISHED_PRICES: readonly ModelPriceData[] = [
  row("claude-opus-5-5", "Claude Opus 5.5", 4, 5, 8, 0.2, 20),
  row("claude-opus-5", "Claude Opus 5", 5, 6.25, 10, 0.5, 25),
  row("claude-opus-4-8", "Claude Opus 4.8", 5, 6.25, 10, 0.5, 25),
  row("claude-opus-4-7", "Claude Opus 4.7", 5, 6.25, 10, 0.5, 25),
  row("claude-opus-4-6", "Claude Opus 4.6", 5, 6.25, 10, 0.5, 25),
  row("claude-opus-4-5", "Claude Opus 4.5", 5, 6.25, 10, 0.5, 25),
  row("claude-sonnet-5-5", "Claude Sonnet 5.5", 2, 2.5, 4, 0.1, 10),
  row("claude-sonnet-5", "Claude Sonnet 5", 2, 2.5, 4, 0.2, 10),
  row("claude-sonnet-4-6", "Claude Sonnet 4.6", 3, 3.75, 6, 0.3, 15),
  row("claude-sonnet-4-5", "Claude Sonnet 4.5", 3, 3.75, 6, 0.3, 15),
  row("claude-haiku-5-5", "Claude Haiku 5.5 (prompts up to 100k tokens)", 0.1, 0.125, 0.2, 0.01, 0.5),
  row(`claude-haiku-5-5${LONG_PROMPT_SUFFIX}`, "Claude Haiku 5.5 (prompts over 100k tokens)", 0.5, 0.625, 1, 0.05, 2.5),
  row("claude-haiku-4-5", "Claude Haiku 4.5", 1, 1.25, 2, 0.1, 5),
];

/** A UTC-midnight date from "YYYY-MM-DD". */
export const isoDateToUtc = (iso: string) => toUtcDate(iso);

/** The rows to insert for a new programme's price table (the published prices, effective 2026-10-08). */
export function priceTableSeed(programmeId: string): (ModelPriceData & { programmeId: string; effectiveFrom: Date })[] {
  const effectiveFrom = isoDateToUtc(PUBLISHED_PRICES_EFFECTIVE);
  return PUBLISHED_PRICES.map((p) => ({ ...p, programmeId, effectiveFrom }));
}

/** Whether a price-table model id is a prompt-length tier row (never chosen directly in a model mix). */
export const isTierModel = (model: string) => model.includes(":");

export type PriceStatus = "CURRENT" | "SCHEDULED" | "SUPERSEDED";

/**
 * The price in force for each model on `asOf`: the row with the latest effective date on or before it.
 * Rows effective later are scheduled; earlier ones are superseded.
 */
export function currentPrices<R extends PriceRow>(rows: readonly R[], asOf: Date): Map<string, R> {
  const current = new Map<string, R>();
  for (const r of rows) {
    if (r.effectiveFrom.getTime() > asOf.getTime()) continue;
    const seen = current.get(r.model);
    if (!seen || seen.effectiveFrom.getTime() < r.effectiveFrom.getTime()) current.set(r.model, r);
  }
  return current;
}

export function priceStatus<R extends PriceRow>(row: R, current: ReadonlyMap<string, R>): PriceStatus {
  const c = current.get(row.model);
  if (c === row || (c && c.effectiveFrom.getTime() === row.effectiveFrom.getTime())) return "CURRENT";
  if (!c || row.effectiveFrom.getTime() > c.effectiveFrom.getTime()) return "SCHEDULED";
  return "SUPERSEDED";
}

/** Models a scenario may use: those with a price in force, tier rows left out. */
export function selectableModels<R extends PriceRow>(current: ReadonlyMap<string, R>): R[] {
  return [...current.values()].filter((r) => !isTierModel(r.model)).sort((a, b) => a.label.localeCompare(b.label, "en"));
}

/**
 * The price that applies to one task on `model` with a prompt of `promptTokens`: the model's
 * long-prompt tier when the prompt is over its threshold and the table has that tier, else the model's own.
 */
export function priceForPrompt<R extends ModelPriceData>(
  current: ReadonlyMap<string, R>,
  model: string,
  promptTokens: number,
): R | undefined {
  if (promptTokens > LONG_PROMPT_THRESHOLD_TOKENS) {
    const tier = current.get(`${model}${LONG_PROMPT_SUFFIX}`);
    if (tier) return tier;
  }
  return current.get(model);
}

/** Tokens of one Messages API call, as its `usage` reports them. */
export interface CallTokens {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

/**
 * What one Messages API call cost in USD at these prices: uncached input, 5-minute cache writes, cache
 * reads and output, each per million tokens. The long-prompt tier applies when the whole prompt
 * (input + cache write + cache read) is over its threshold and the table has it.
 */
export function callCostUsd<R extends ModelPriceData>(current: ReadonlyMap<string, R>, model: string, t: CallTokens): number | null {
  const price = priceForPrompt(current, model, t.input + t.cacheWrite + t.cacheRead);
  if (!price) return null;
  return (
    (t.input * price.inputPerMTok +
      t.cacheWrite * price.cacheWrite5mPerMTok +
      t.cacheRead * price.cacheReadPerMTok +
      t.output * price.outputPerMTok) /
    1_000_000
  );
}
