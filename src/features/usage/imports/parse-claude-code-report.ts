import type { UsageEvent } from "../schemas";
import type { ImportProblem } from "./formats";
import {
  dayOf,
  done,
  externalIdFrom,
  isObject,
  optionalNumber,
  optionalString,
  pseudonymFor,
  readPages,
  validateEvent,
  type ParseResult,
} from "./parse-helpers";

/**
 * `claude-code-report` (/v1/organizations/usage_report/claude_code): one event per row × model_breakdown entry.
 * - day = date; user = pseudonymFor(actor.email_address) for a user_actor (the email is never stored),
 *   or pseudonymFor("api-key:" + actor.api_key_name) for an api_actor;
 * - tokens: input → uncached input, cache_creation → cache write, cache_read, output;
 *   costUsd = estimated_cost.amount (cents, a number) / 100;
 * - sessions = core_metrics.num_sessions and tasks = core_metrics.commits_by_claude_code, both on the
 *   FIRST model entry only (they are per row, not per model; counting them once keeps totals right).
 *   A commit is the closest thing the report has to "a task completed"; pull requests and lines are not mapped.
 * - a row with an empty model_breakdown still gives one event (model "") so its sessions count.
 * - externalId = claude-code:<date>:<user>:<model>.
 */
export function parseClaudeCodeReport(text: string): ParseResult {
  const problems: ImportProblem[] = [];
  const events: UsageEvent[] = [];
  for (const { page, data } of readPages(text, problems)) {
    data.forEach((row, i) => {
      const record = `page ${page}, row ${i + 1}`;
      if (!isObject(row)) return problems.push({ record, reason: "must be an object" });
      const day = dayOf(row.date);
      if (!day)
        return problems.push({
          record,
          reason: row.date === undefined || row.date === null ? "date is required" : "date must be YYYY-MM-DD",
        });
      const actor = row.actor;
      if (!isObject(actor)) return problems.push({ record, reason: "actor is required" });
      let user: string;
      if (actor.type === "user_actor") {
        const email = optionalString(actor.email_address);
        if (!email) return problems.push({ record, reason: "actor.email_address is required for a user_actor" });
        user = pseudonymFor(email);
      } else if (actor.type === "api_actor") {
        const name = optionalString(actor.api_key_name);
        if (!name) return problems.push({ record, reason: "actor.api_key_name is required for an api_actor" });
        user = pseudonymFor(`api-key:${name}`);
      } else return problems.push({ record, reason: "actor.type must be user_actor or api_actor" });
      if (!Array.isArray(row.model_breakdown)) return problems.push({ record, reason: "model_breakdown is required (an array)" });
      const core = isObject(row.core_metrics) ? row.core_metrics : undefined;
      const sessions = optionalNumber(core, "num_sessions", record, problems, "core_metrics.num_sessions");
      const tasks = optionalNumber(core, "commits_by_claude_code", record, problems, "core_metrics.commits_by_claude_code");
      const entries: unknown[] = row.model_breakdown.length > 0 ? row.model_breakdown : [{ model: "", tokens: {} }];
      entries.forEach((m, j) => {
        const mRecord = `${record}, model ${j + 1}`;
        if (!isObject(m)) return problems.push({ record: mRecord, reason: "must be an object" });
        if (typeof m.model !== "string") return problems.push({ record: mRecord, reason: "model is required" });
        if (!isObject(m.tokens)) return problems.push({ record: mRecord, reason: "tokens is required" });
        const before = problems.length;
        const t = m.tokens;
        const tokens = {
          uncachedInput: optionalNumber(t, "input", mRecord, problems, "tokens.input"),
          cacheWrite: optionalNumber(t, "cache_creation", mRecord, problems, "tokens.cache_creation"),
          cacheRead: optionalNumber(t, "cache_read", mRecord, problems, "tokens.cache_read"),
          output: optionalNumber(t, "output", mRecord, problems, "tokens.output"),
        };
        const cost = isObject(m.estimated_cost) ? m.estimated_cost : undefined;
        const cents = optionalNumber(cost, "amount", mRecord, problems, "estimated_cost.amount");
        if (cost?.currency !== undefined && cost.currency !== null && cost.currency !== "USD")
          problems.push({ record: mRecord, reason: "estimated_cost.currency must be USD" });
        if (problems.length > before) return;
        const event = validateEvent(
          {
            externalId: externalIdFrom("claude-code", [day, user, m.model]),
            day,
            user,
            model: m.model,
            sessions: j === 0 ? sessions : 0,
            tasks: j === 0 ? tasks : 0,
            minutesSource: "estimated",
            tokens,
            costUsd: cents / 100,
          },
          mRecord,
          problems,
          (p) => (p === "sessions" ? "core_metrics.num_sessions" : p === "tasks" ? "core_metrics.commits_by_claude_code" : p),
        );
        if (event) events.push(event);
      });
    });
  }
  return done(events, problems);
}
