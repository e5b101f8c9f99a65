import "server-only";

import { formatDate } from "@/lib/format";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { claudeConfigFromEnv, countTokens, NO_API_KEY_MESSAGE, type ClaudeConfig } from "@/server/claude/client";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { measureTokensSchema, type MeasureTokensInput } from "../schemas";
import { loadPriceTable } from "./cost-data";
import { ensureDefaultPrices } from "./seed-default-prices";

/**
 * Measures tokens per task with Anthropic's token counting (messages.countTokens) on a sample: the
 * prompt (with its system prompt) gives the input tokens; a sample response, when given, is counted
 * the same way as an estimate of the output tokens (it includes a few tokens of message framing).
 * Changes nothing: the numbers go into the scenario form. Without an API key it says so.
 */
export async function measureTokens(
  actor: Actor,
  raw: MeasureTokensInput,
  config: ClaudeConfig | null = claudeConfigFromEnv(),
  now = new Date(),
) {
  const input = measureTokensSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "costs.manage");
  if (!config) throw new RuleError(NO_API_KEY_MESSAGE);
  await ensureDefaultPrices(access.programme.id);
  const prices = await loadPriceTable(db, access.programme.id, now);
  if (!prices.pricedModels.has(input.model) || !prices.pricedModels.selectable(input.model))
    throw new RuleError(`${input.model} is not in this programme's price table.`, "model");
  const inputTokens = await countTokens(config, { model: input.model, system: input.system, text: input.prompt });
  const outputTokens = input.sampleResponse ? await countTokens(config, { model: input.model, text: input.sampleResponse }) : null;
  return {
    model: input.model,
    inputTokens,
    outputTokens,
    measuredWith: `Anthropic token counting (${input.model}) on a sample, ${formatDate(now)}`,
  };
}
