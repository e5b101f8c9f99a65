import "server-only";

import { NextResponse } from "next/server";

import { DatabaseUnavailableError, isAppError, isDatabaseUnavailable } from "../errors";
import { INPUT_REFUSED_MESSAGE, isInputRefusedByDatabase } from "../input-errors";

/**
 * A refusal of the request itself (its body, its headers), answered before any operation runs:
 * 400 unreadable JSON, 413 too large, 415 not JSON, or a 422 whose `details` go into the error object
 * (e.g. the workflow run's `variables`).
 */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "RequestError";
  }
}

interface FieldProblem {
  path: string;
  message: string;
}

export interface ErrorResponseOptions {
  /** The 503's message when the database is unreachable: what a retry of this request does. */
  unavailableMessage?: string;
  /** The request carries a secret: an unexpected error is logged by its message only (no object, no cause, no stack). */
  sensitive?: boolean;
}

/** `{"error": {code, message, …extra}}` with the status: the one shape of every error a route handler answers. */
function errorJson(status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}) {
  return NextResponse.json({ error: { code, message, ...extra } }, { status, headers });
}

type ZodLikeIssue = { path: PropertyKey[]; message: string };

function zodIssues(e: unknown): ZodLikeIssue[] | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const err = e as { name?: unknown; issues?: unknown };
  return err.name === "ZodError" && Array.isArray(err.issues) ? (err.issues as ZodLikeIssue[]) : undefined;
}

const pathOf = (path: PropertyKey[]) => path.map((p) => String(p)).join(".");

/** A zod error's problems, one per issue, with the field's dotted path ("" for the whole input). */
function fieldProblems(issues: ZodLikeIssue[]): FieldProblem[] {
  return issues.map((i) => ({ path: pathOf(i.path), message: i.message }));
}

function retryAfterHeader(e: unknown): Record<string, string> {
  const retryAfter = (e as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof retryAfter === "number" ? { "retry-after": String(Math.max(1, Math.ceil(retryAfter))) } : {};
}

/**
 * Every error a route handler can meet, as a response:
 * - a RequestError (body, headers) with its status and details;
 * - a zod error → 422 `{code: "INVALID", message, field, fields: [{path, message}]}`;
 * - an expected AppError with its status and message (Retry-After when waiting helps; `fields` when it names one);
 * - a lost database → 503 with Retry-After (`unavailableMessage` says what a retry does);
 * - a value the database refused (a data exception: decision record 018) → 422, nothing was written;
 * - anything else → logged, and a generic 500 that says nothing was changed.
 */
export function errorResponse(e: unknown, options: ErrorResponseOptions = {}): NextResponse {
  if (e instanceof RequestError) return errorJson(e.status, e.code, e.message, e.details);
  const issues = zodIssues(e);
  if (issues) {
    const fields = fieldProblems(issues);
    const message =
      fields.length === 1 ? fields[0]!.message : fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join("; ");
    return errorJson(422, "INVALID", message || "Invalid input.", { field: String(issues[0]?.path[0] ?? ""), fields });
  }
  if (isAppError(e)) {
    const field = (e as { field?: unknown }).field;
    const extra = typeof field === "string" && field ? { fields: [{ path: field, message: e.message }] } : {};
    return errorJson(e.status, e.code, e.message, extra, retryAfterHeader(e));
  }
  if (isDatabaseUnavailable(e)) {
    console.warn(`Route answered 503, database unavailable: ${describe(e)}`);
    return errorResponse(new DatabaseUnavailableError(options.unavailableMessage));
  }
  if (isInputRefusedByDatabase(e)) {
    console.warn(`Route answered 422, the database refused a value: ${describe(e)}`);
    return errorJson(422, "INVALID", INPUT_REFUSED_MESSAGE);
  }
  if (options.sensitive) console.error("Unexpected error in a route handler:", describe(e));
  else console.error("Unexpected error in a route handler", e);
  return errorJson(500, "INTERNAL", "Something went wrong; nothing was changed.");
}

/** One line, no stack: the last line of the error's message. */
function describe(e: unknown): string {
  const message = (e as { message?: unknown } | null)?.message;
  const text = typeof message === "string" && message.trim() ? message.trim().split("\n").filter(Boolean).at(-1)! : String(e);
  return text.slice(0, 300);
}
