import { createHash } from "node:crypto";

import { calendarDateProblem } from "@/domain/dates";

import { usageEventSchema, type AnalyticsSummary, type UsageEvent } from "../schemas";
import type { ImportProblem } from "./formats";

/** A file's usage events (per person) and, for the analytics summaries, its organisation-level daily facts. */
export type ParseResult =
  { ok: true; events: UsageEvent[]; summaries?: AnalyticsSummary[]; notes: string[] } | { ok: false; problems: ImportProblem[] };

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * A pseudonymous person id: the first 16 hex of sha256 of the trimmed, lower-cased email. The email is
 * never stored; the same person gets the same id from every source (Claude Code, analytics).
 */
export const pseudonymFor = (email: string) => sha256(email.trim().toLowerCase()).slice(0, 16);

/** A deterministic external id from a record's identity; hashed when the readable form is too long. */
export function externalIdFrom(prefix: string, parts: readonly (string | number | null | undefined)[]): string {
  const readable = `${prefix}:${parts.map((p) => (p === null || p === undefined ? "" : String(p))).join(":")}`;
  return readable.length <= 200 ? readable : `${prefix}:sha256:${sha256(readable)}`;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Validates a mapped event against the shared schema; problems name the event field. */
export function validateEvent(
  candidate: unknown,
  record: string,
  problems: ImportProblem[],
  fieldName: (path: string) => string = (p) => p,
): UsageEvent | null {
  const r = usageEventSchema.safeParse(candidate);
  if (r.success) return r.data;
  for (const issue of r.error.issues) problems.push({ record, reason: `${fieldName(issue.path.join(".")) || "record"} ${issue.message}` });
  return null;
}

/** Reads a JSON file that is one report page or an array of pages; each page must carry a `data` array. */
export function readPages(text: string, problems: ImportProblem[]): { page: number; data: unknown[] }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    problems.push({ record: "file", reason: `is not valid JSON (${e instanceof Error ? e.message : String(e)})` });
    return [];
  }
  const pages = Array.isArray(parsed) ? parsed : [parsed];
  if (pages.length === 0) problems.push({ record: "file", reason: "holds no pages" });
  const out: { page: number; data: unknown[] }[] = [];
  pages.forEach((p, i) => {
    const page = i + 1;
    if (!isObject(p)) problems.push({ record: `page ${page}`, reason: "must be an object with a data array" });
    else if (!Array.isArray(p.data)) problems.push({ record: `page ${page}`, reason: "data is required (an array)" });
    else out.push({ page, data: p.data });
  });
  return out;
}

/** A required whole number of tokens or similar; records a problem naming the field when it is missing or wrong. */
export function requiredNumber(
  obj: Record<string, unknown>,
  field: string,
  record: string,
  problems: ImportProblem[],
  label = field,
): number {
  const v = obj[field];
  if (v === undefined || v === null) problems.push({ record, reason: `${label} is required` });
  else if (typeof v !== "number" || !Number.isFinite(v)) problems.push({ record, reason: `${label} must be a number` });
  else return v;
  return 0;
}

export function optionalNumber(
  obj: Record<string, unknown> | undefined,
  field: string,
  record: string,
  problems: ImportProblem[],
  label = field,
): number {
  const v = obj?.[field];
  if (v === undefined || v === null) return 0;
  if (typeof v !== "number" || !Number.isFinite(v)) {
    problems.push({ record, reason: `${label} must be a number` });
    return 0;
  }
  return v;
}

export const optionalString = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

/**
 * The YYYY-MM-DD part of an RFC 3339 timestamp ("…T…", the date as written) or a date; null when it has not
 * that shape. Whether it is a real, supported day is the event schema's to say (with its reason).
 */
export function dayOf(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const s = v.trim();
  if (s.length !== 10 && s[10] !== "T") return null;
  return calendarDateProblem(s.slice(0, 10)) === "format" ? null : s.slice(0, 10);
}

export const done = (events: UsageEvent[], problems: ImportProblem[], notes: string[] = []): ParseResult =>
  problems.length > 0 ? { ok: false, problems } : { ok: true, events, notes };
