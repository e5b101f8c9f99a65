import type { UsageEvent } from "../schemas";
import type { ImportProblem } from "./formats";
import {
  dayOf,
  done,
  externalIdFrom,
  isObject,
  optionalNumber,
  optionalString,
  readPages,
  requiredNumber,
  validateEvent,
  type ParseResult,
} from "./parse-helpers";

type Bucket = { record: string; startingAt: string; day: string; results: unknown[] };

/** Walks the buckets of every page ({data:[{starting_at, ending_at, results:[…]}]}), recording problems. */
function buckets(text: string, problems: ImportProblem[]): Bucket[] {
  const out: Bucket[] = [];
  for (const { page, data } of readPages(text, problems)) {
    data.forEach((b, i) => {
      const record = `page ${page}, bucket ${i + 1}`;
      if (!isObject(b)) return problems.push({ record, reason: "must be an object" });
      const day = dayOf(b.starting_at);
      if (!day)
        return problems.push({
          record,
          reason:
            b.starting_at === undefined || b.starting_at === null ? "starting_at is required" : "starting_at must be an RFC 3339 time",
        });
      if (!Array.isArray(b.results))
        return problems.push({ record: `page ${page}, bucket ${day}`, reason: "results is required (an array)" });
      out.push({ record: `page ${page}, bucket ${day}`, startingAt: String(b.starting_at), day, results: b.results });
    });
  }
  return out;
}

/**
 * `anthropic-usage-report` (/v1/organizations/usage_report/messages): one event per bucket × result.
 * - tokens: uncached_input_tokens (required), cache_creation.ephemeral_5m + ephemeral_1h → cache write,
 *   cache_read_input_tokens, output_tokens (required); no cost (the cost report carries it).
 * - day = date of starting_at; model = model ("" when not grouped by model);
 * - user = account_id, else api_key_id, else "organization" (an ungrouped report has no person);
 * - department = workspace_id ("" when not grouped).
 * - externalId = anthropic-usage:<starting_at>:<model>:<api_key_id>:<workspace_id>:<account_id>:
 *   <service_account_id>:<service_tier>:<context_window>:<inference_geo> — every grouping dimension,
 *   so the same file imported again matches the same ids.
 */
export function parseAnthropicUsageReport(text: string): ParseResult {
  const problems: ImportProblem[] = [];
  const events: UsageEvent[] = [];
  for (const b of buckets(text, problems)) {
    b.results.forEach((r, i) => {
      const record = `${b.record}, result ${i + 1}`;
      if (!isObject(r)) return problems.push({ record, reason: "must be an object" });
      const before = problems.length;
      const uncached = requiredNumber(r, "uncached_input_tokens", record, problems);
      const output = requiredNumber(r, "output_tokens", record, problems);
      const cacheRead = optionalNumber(r, "cache_read_input_tokens", record, problems);
      const cc = isObject(r.cache_creation) ? r.cache_creation : undefined;
      const cacheWrite =
        optionalNumber(cc, "ephemeral_5m_input_tokens", record, problems, "cache_creation.ephemeral_5m_input_tokens") +
        optionalNumber(cc, "ephemeral_1h_input_tokens", record, problems, "cache_creation.ephemeral_1h_input_tokens");
      if (problems.length > before) return;
      const model = optionalString(r.model);
      const apiKey = optionalString(r.api_key_id);
      const workspace = optionalString(r.workspace_id);
      const account = optionalString(r.account_id);
      const event = validateEvent(
        {
          externalId: externalIdFrom("anthropic-usage", [
            b.startingAt,
            model,
            apiKey,
            workspace,
            account,
            optionalString(r.service_account_id),
            optionalString(r.service_tier),
            optionalString(r.context_window),
            optionalString(r.inference_geo),
          ]),
          day: b.day,
          user: account ?? apiKey ?? "organization",
          department: workspace ?? "",
          model: model ?? "",
          minutesSource: "estimated",
          tokens: { uncachedInput: uncached, cacheWrite, cacheRead, output },
        },
        record,
        problems,
      );
      if (event) events.push(event);
    });
  }
  return done(events, problems);
}

/**
 * `anthropic-cost-report` (/v1/organizations/cost_report): one event per bucket × result, carrying cost only.
 * - costUsd = amount (a decimal STRING in cents, required) / 100; currency, when present, must be USD;
 * - model = model (""), department = workspace_id (""), user = "organization" (costs are not per person);
 * - externalId = anthropic-cost:<starting_at>:<workspace_id>:<description>:<model>:<cost_type>:<token_type>:
 *   <service_tier>:<context_window>:<inference_geo>. The description is part of the identity only.
 */
export function parseAnthropicCostReport(text: string): ParseResult {
  const problems: ImportProblem[] = [];
  const events: UsageEvent[] = [];
  for (const b of buckets(text, problems)) {
    b.results.forEach((r, i) => {
      const record = `${b.record}, result ${i + 1}`;
      if (!isObject(r)) return problems.push({ record, reason: "must be an object" });
      if (r.amount === undefined || r.amount === null)
        return problems.push({ record, reason: "amount is required (a decimal string in cents)" });
      const cents = typeof r.amount === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(r.amount) ? Number(r.amount) : Number.NaN;
      if (!Number.isFinite(cents)) return problems.push({ record, reason: 'amount must be a decimal string in cents, e.g. "1234.5"' });
      if (r.currency !== undefined && r.currency !== null && r.currency !== "USD")
        return problems.push({ record, reason: `currency must be USD (got ${String(r.currency)})` });
      const model = optionalString(r.model);
      const workspace = optionalString(r.workspace_id);
      const event = validateEvent(
        {
          externalId: externalIdFrom("anthropic-cost", [
            b.startingAt,
            workspace,
            optionalString(r.description),
            model,
            optionalString(r.cost_type),
            optionalString(r.token_type),
            optionalString(r.service_tier),
            optionalString(r.context_window),
            optionalString(r.inference_geo),
          ]),
          day: b.day,
          user: "organization",
          department: workspace ?? "",
          model: model ?? "",
          minutesSource: "estimated",
          costUsd: cents / 100,
        },
        record,
        problems,
        (p) => (p === "costUsd" ? "amount" : p),
      );
      if (event) events.push(event);
    });
  }
  return done(events, problems);
}
