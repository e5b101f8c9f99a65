import Papa from "papaparse";

import type { UsageEvent } from "../schemas";
import type { ImportProblem } from "./formats";
import { done, validateEvent, type ParseResult } from "./parse-helpers";

/** The CSV columns: the event fields, with the four token counts flattened. Other columns are ignored. */
export const USAGE_CSV_COLUMNS = [
  "externalId",
  "day",
  "user",
  "department",
  "useCase",
  "cohort",
  "model",
  "sessions",
  "tasks",
  "minutesSaved",
  "minutesSource",
  "errors",
  "uncachedInputTokens",
  "cacheWriteTokens",
  "cacheReadTokens",
  "outputTokens",
  "costUsd",
] as const;
const REQUIRED = ["externalId", "day", "user"] as const;
const NUMERIC = new Set([
  "sessions",
  "tasks",
  "minutesSaved",
  "errors",
  "uncachedInputTokens",
  "cacheWriteTokens",
  "cacheReadTokens",
  "outputTokens",
  "costUsd",
]);
const TOKEN_COLUMN: Record<string, string> = {
  "tokens.uncachedInput": "uncachedInputTokens",
  "tokens.cacheWrite": "cacheWriteTokens",
  "tokens.cacheRead": "cacheReadTokens",
  "tokens.output": "outputTokens",
};

/**
 * `usage-csv`: one event per row, header on line 1 (so the first event is line 2). Empty cells take
 * the field's default; a required column missing from the header is one problem for the file.
 * Line numbers count physical lines, so a quoted cell spanning lines shifts the numbers after it.
 */
export function parseUsageCsv(text: string): ParseResult {
  const problems: ImportProblem[] = [];
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false });
  const rows = parsed.data;
  for (const e of parsed.errors) if (e.type === "Quotes") problems.push({ record: `line ${(e.row ?? 0) + 1}`, reason: e.message });
  const header = (rows[0] ?? []).map((h) => h.trim());
  if (header.length === 0 || header.every((h) => h === ""))
    return { ok: false, problems: [{ record: "line 1", reason: "the header row is missing" }] };
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0)
    return {
      ok: false,
      problems: [
        { record: "line 1", reason: `the header lacks the required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` },
      ],
    };
  const index = new Map<string, number>();
  for (const c of USAGE_CSV_COLUMNS) if (header.includes(c)) index.set(c, header.indexOf(c));

  const events: UsageEvent[] = [];
  rows.slice(1).forEach((row, i) => {
    if (row.every((cell) => cell.trim() === "")) return;
    const record = `line ${i + 2}`;
    const cell = (c: string) => {
      const at = index.get(c);
      const v = at === undefined ? undefined : row[at]?.trim();
      return v === undefined || v === "" ? undefined : v;
    };
    const value = (c: string) => {
      const v = cell(c);
      if (v === undefined || !NUMERIC.has(c)) return v;
      const n = Number(v);
      return Number.isFinite(n) ? n : v; // a non-number stays a string, so the schema names it
    };
    const candidate = {
      externalId: value("externalId"),
      day: value("day"),
      user: value("user"),
      department: value("department"),
      useCase: value("useCase"),
      cohort: value("cohort"),
      model: value("model"),
      sessions: value("sessions"),
      tasks: value("tasks"),
      minutesSaved: value("minutesSaved"),
      minutesSource: value("minutesSource"),
      errors: value("errors"),
      tokens: {
        uncachedInput: value("uncachedInputTokens"),
        cacheWrite: value("cacheWriteTokens"),
        cacheRead: value("cacheReadTokens"),
        output: value("outputTokens"),
      },
      costUsd: value("costUsd"),
    };
    const event = validateEvent(candidate, record, problems, (p) => TOKEN_COLUMN[p] ?? p);
    if (event) events.push(event);
  });
  if (events.length === 0 && problems.length === 0) problems.push({ record: "file", reason: "holds no rows after the header" });
  return done(events, problems);
}
