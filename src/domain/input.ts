/**
 * The shared rules for input (decision record 018): calendar dates, links, text and numbers. Pure (zod
 * only, no I/O), so the same schema runs in a form, a server action, a route handler and the CLI.
 */
import { z } from "zod";

import { calendarDateProblem, MAX_YEAR, MIN_YEAR, type CalendarDateProblem } from "./dates";

// --- Calendar dates ----------------------------------------------------------------------------

/** The words for each refusal; `required` when the value is missing (default: the `format` one). */
export type CalendarDateMessages = Partial<Record<CalendarDateProblem | "required", string>>;

const DATE_MESSAGES: Record<CalendarDateProblem, string> = {
  format: "Enter a date as YYYY-MM-DD.",
  invalid: "Enter a real date.",
  range: `Enter a date between ${MIN_YEAR} and ${MAX_YEAR}.`,
};

/**
 * A calendar date "YYYY-MM-DD" (trimmed): a real day in the supported years (`src/domain/dates.ts`).
 * Each input may say the three refusals in its own words; the rule is the same everywhere.
 */
export function calendarDate(messages: CalendarDateMessages = {}) {
  const m = { ...DATE_MESSAGES, ...messages };
  return z
    .string({ error: (issue) => (issue.input === undefined ? (m.required ?? m.format) : m.format) })
    .trim()
    .superRefine((s, ctx) => {
      const problem = calendarDateProblem(s);
      if (problem) ctx.addIssue({ code: "custom", message: m[problem] });
    });
}

/** A calendar date that may be left blank: "" or absent becomes null. */
export function optionalCalendarDate(messages: CalendarDateMessages = {}) {
  const m = { ...DATE_MESSAGES, ...messages };
  return z
    .string({ error: m.format })
    .trim()
    .superRefine((s, ctx) => {
      const problem = s === "" ? null : calendarDateProblem(s);
      if (problem) ctx.addIssue({ code: "custom", message: m[problem] });
    })
    .nullish()
    .transform((s) => s || null);
}

// --- Text --------------------------------------------------------------------------------------

/** PostgreSQL cannot store U+0000 in text; it is never meaningful in what a person types or a file holds. */
export const NUL_MESSAGE = "Text may not contain the NUL character (U+0000).";

/**
 * The path of the first string (or object key) holding U+0000 in a parsed input, or null. Walks arrays
 * and plain objects, at most `maxDepth` levels deep (deeper input is not walked: no schema here accepts it).
 */
export function nulCharacterPath(value: unknown, maxDepth = 32): (string | number)[] | null {
  const walk = (v: unknown, path: (string | number)[], depth: number): (string | number)[] | null => {
    if (typeof v === "string") return v.includes("\u0000") ? path : null;
    if (depth >= maxDepth || typeof v !== "object" || v === null) return null;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const p = walk(v[i], [...path, i], depth + 1);
        if (p) return p;
      }
      return null;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return null;
    for (const [k, item] of Object.entries(v)) {
      if (k.includes("\u0000")) return [...path, k];
      const p = walk(item, [...path, k], depth + 1);
      if (p) return p;
    }
    return null;
  };
  return walk(value, [], 0);
}

/** Line breaks and other control characters (C0, DEL, C1, the Unicode line and paragraph separators). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** True when `s` holds no line break or control character: a name, a title, a label. */
export const isSingleLine = (s: string) => !CONTROL.test(s);

/** `s` with every run of line breaks and control characters made one space: for a name written into a line-based format. */
export const toSingleLine = (s: string) => s.replace(CONTROLS, " ").trim();

// --- Links -------------------------------------------------------------------------------------

export type LinkKind = "internal" | "external";

const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;
const PROBE_ORIGIN = "https://gatehouse.invalid";

/**
 * What a link typed into Gatehouse is: a path in Gatehouse ("/programmes/acme/…", resolved on this
 * site), an absolute http(s) web address, or null for anything else — `javascript:`, `data:`, a
 * protocol-relative `//evil.test/x`, `/\evil.test/x` (browsers read the backslash as a slash), a
 * scheme without a host, or text with spaces or control characters that a browser would strip.
 */
export function linkKind(s: string): LinkKind | null {
  if (s === "" || CONTROL_OR_SPACE.test(s) || s.includes("\\")) return null;
  if (s.startsWith("/")) {
    if (s.startsWith("//")) return null;
    try {
      return new URL(s, PROBE_ORIGIN).origin === PROBE_ORIGIN ? "internal" : null;
    } catch {
      return null;
    }
  }
  try {
    const u = new URL(s);
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== "" && /^https?:\/\//i.test(s) ? "external" : null;
  } catch {
    return null;
  }
}

export const LINK_MESSAGE = "Link to a web address (https://…) or a page in Gatehouse (/programmes/…).";

/** An optional link (blank becomes null): a Gatehouse path or an http(s) address (`linkKind`). */
export function optionalLink(messages: { tooLong?: string; invalid?: string } = {}) {
  return z
    .string()
    .trim()
    .max(2000, messages.tooLong ?? "Keep the link under 2,000 characters.")
    .refine((s) => s === "" || linkKind(s) !== null, messages.invalid ?? LINK_MESSAGE)
    .nullish()
    .transform((s) => s || null);
}
