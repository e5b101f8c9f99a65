import { calendarDateProblem } from "@/domain/dates";

import type { AnalyticsSummary, UsageEvent } from "../schemas";
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

const SUMMARY_COUNTS = ["weekly_active_user_count", "monthly_active_user_count", "assigned_seat_count", "pending_invite_count"] as const;
const SUMMARY_RATES = ["daily_adoption_rate", "weekly_adoption_rate", "monthly_adoption_rate"] as const;
/** A per-product count: cowork_daily_active_user_count, chat_weekly_active_user_count, claude_code_monthly_active_user_count… */
const PRODUCT_COUNT = /^([a-z][a-z0-9_]*?)_(daily|weekly|monthly)_active_user_count$/;
const MAX_USERS = 10_000_000;

/**
 * `claude-analytics-summaries` (GET /v1/organizations/analytics/summaries; pages {data:[…], next_page}):
 * organisation-level counts for one day each — daily/weekly/monthly active users, assigned seats, pending
 * invites, adoption rates (0–1), and the same active counts per product (`<product>_<period>_active_user_count`).
 * They carry no person, so they are not usage events: each record becomes one organisation-level daily fact
 * (stored by day, replacing the day's earlier figures, so importing twice gives the same figures).
 * - day = date (else starting_date, else the date of starting_at), required;
 * - daily_active_user_count required; every count a whole number 0–10,000,000; every rate 0–1;
 * - the same day twice in one file is a problem (which figures would count?).
 */
export function parseClaudeAnalyticsSummaries(text: string): ParseResult {
  const problems: ImportProblem[] = [];
  const summaries: AnalyticsSummary[] = [];
  const seen = new Set<string>();
  for (const { page, data } of readPages(text, problems)) {
    data.forEach((r, i) => {
      const record = `page ${page}, summary ${i + 1}`;
      if (!isObject(r)) return problems.push({ record, reason: "must be an object" });
      const rawDay = r.date ?? r.starting_date ?? r.starting_at;
      if (rawDay === undefined || rawDay === null) return problems.push({ record, reason: "date is required (YYYY-MM-DD)" });
      const day = dayOf(rawDay);
      const dayProblem = day ? calendarDateProblem(day) : "format";
      if (!day || dayProblem) return problems.push({ record, reason: `date must be a real date as YYYY-MM-DD (got ${String(rawDay)})` });
      if (r.daily_active_user_count === undefined || r.daily_active_user_count === null)
        return problems.push({ record: `${record} (${day})`, reason: "daily_active_user_count is required" });
      const where = `${record} (${day})`;
      const before = problems.length;
      const count = (field: string, label = field): number | null => {
        const v = r[field];
        if (v === undefined || v === null) return null;
        if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > MAX_USERS)
          problems.push({ record: where, reason: `${label} must be a whole number from 0 to 10,000,000` });
        return typeof v === "number" ? v : null;
      };
      const rate = (field: string): number | null => {
        const v = r[field];
        if (v === undefined || v === null) return null;
        if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1)
          problems.push({ record: where, reason: `${field} must be a ratio from 0 to 1` });
        return typeof v === "number" ? v : null;
      };
      const daily = count("daily_active_user_count") ?? 0;
      const [weekly, monthly, seats, invites] = SUMMARY_COUNTS.map((f) => count(f));
      const [dailyRate, weeklyRate, monthlyRate] = SUMMARY_RATES.map((f) => rate(f));
      const products: AnalyticsSummary["products"] = {};
      for (const key of Object.keys(r).sort()) {
        const m = PRODUCT_COUNT.exec(key);
        if (!m || m[1] === undefined || m[2] === undefined) continue;
        const n = count(key);
        if (n === null) continue;
        (products[m[1]] ??= {})[m[2] as "daily" | "weekly" | "monthly"] = n;
      }
      if (problems.length > before) return;
      if (seen.has(day)) return problems.push({ record: where, reason: `${day} appears twice in this file` });
      seen.add(day);
      summaries.push({
        day,
        dailyActiveUsers: daily,
        weeklyActiveUsers: weekly ?? null,
        monthlyActiveUsers: monthly ?? null,
        assignedSeats: seats ?? null,
        pendingInvites: invites ?? null,
        dailyAdoptionRate: dailyRate ?? null,
        weeklyAdoptionRate: weeklyRate ?? null,
        monthlyAdoptionRate: monthlyRate ?? null,
        products,
      });
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    events: [],
    summaries,
    notes: [
      `${summaries.length} day${summaries.length === 1 ? "" : "s"} of organisation-level analytics summaries (active users, seats, adoption; no person, so no usage events)`,
    ],
  };
}
