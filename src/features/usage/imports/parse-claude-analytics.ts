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

export const SUMMARIES_NOTE = "summaries carry no per-person facts; imported 0 events";

/**
 * `claude-analytics-users` (Claude Enterprise analytics, GET /v1/organizations/analytics/users; pages
 * {data:[…], next_page}). Each record: {user{id, email_address}, chat_metrics{message_count,
 * distinct_conversation_count, …}, claude_code_metrics{…}, web_search_count, last_activity_date}.
 * The reference shows no per-day series, so a record is "this person was active on last_activity_date":
 * - one event per user per day active: day = the record's `date` when it has one, else last_activity_date;
 *   a record whose last_activity_date is null (never active) gives no event;
 * - user = pseudonymFor(user.email_address) (same id as the Claude Code report), else pseudonymFor("id:" + user.id);
 * - sessions = chat_metrics.distinct_conversation_count; tasks, minutes, tokens and cost are not in this
 *   source and stay 0 (nothing is invented);
 * - externalId = claude-analytics-user:<day>:<user>, so a later export with a newer activity day adds that day.
 */
export function parseClaudeAnalyticsUsers(text: string): ParseResult {
  const problems: ImportProblem[] = [];
  const events: UsageEvent[] = [];
  let inactive = 0;
  for (const { page, data } of readPages(text, problems)) {
    data.forEach((r, i) => {
      const record = `page ${page}, user ${i + 1}`;
      if (!isObject(r)) return problems.push({ record, reason: "must be an object" });
      if (!isObject(r.user)) return problems.push({ record, reason: "user is required" });
      const email = optionalString(r.user.email_address);
      const id = optionalString(r.user.id);
      if (!email && !id) return problems.push({ record, reason: "user.email_address (or user.id) is required" });
      if (!("last_activity_date" in r) && !("date" in r)) return problems.push({ record, reason: "last_activity_date is required" });
      const rawDay = r.date ?? r.last_activity_date;
      if (rawDay === null) return void inactive++;
      const day = dayOf(rawDay);
      if (!day) return problems.push({ record, reason: `${"date" in r ? "date" : "last_activity_date"} must be YYYY-MM-DD` });
      const chat = isObject(r.chat_metrics) ? r.chat_metrics : undefined;
      const before = problems.length;
      const sessions = optionalNumber(chat, "distinct_conversation_count", record, problems, "chat_metrics.distinct_conversation_count");
      if (problems.length > before) return;
      const user = email ? pseudonymFor(email) : pseudonymFor(`id:${id}`);
      const event = validateEvent(
        { externalId: externalIdFrom("claude-analytics-user", [day, user]), day, user, sessions, minutesSource: "estimated" },
        record,
        problems,
        (p) => (p === "sessions" ? "chat_metrics.distinct_conversation_count" : p),
      );
      if (event) events.push(event);
    });
  }
  const notes =
    inactive > 0 ? [`${inactive} user record${inactive === 1 ? "" : "s"} with no activity date (never active) gave no event`] : [];
  return done(events, problems, notes);
}

const SUMMARY_COUNTS = ["daily_active_user_count", "weekly_active_user_count", "monthly_active_user_count", "assigned_seat_count"] as const;

/**
 * `claude-analytics-summaries` (GET /v1/organizations/analytics/summaries): organisation-level counts
 * (daily/weekly/monthly active users, seats, adoption rates). Usage facts are per person, and these carry
 * no person, so the file is validated (each record an object whose counts, where present, are numbers, with
 * at least daily_active_user_count) and nothing is imported — rather than inventing people to match a count.
 */
export function parseClaudeAnalyticsSummaries(text: string): ParseResult {
  const problems: ImportProblem[] = [];
  let records = 0;
  for (const { page, data } of readPages(text, problems)) {
    data.forEach((r, i) => {
      const record = `page ${page}, summary ${i + 1}`;
      if (!isObject(r)) return problems.push({ record, reason: "must be an object" });
      if (r.daily_active_user_count === undefined || r.daily_active_user_count === null)
        return problems.push({ record, reason: "daily_active_user_count is required" });
      for (const f of SUMMARY_COUNTS) optionalNumber(r, f, record, problems);
      records++;
    });
  }
  return done([], problems, [`${SUMMARIES_NOTE} (${records} summary record${records === 1 ? "" : "s"} read)`]);
}
