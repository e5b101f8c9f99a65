import "server-only";

import { NextResponse } from "next/server";

import { DatabaseUnavailableError, isAppError, isDatabaseUnavailable } from "../errors";

/**
 * JSON API errors: expected ones with their status and message (and Retry-After when waiting helps),
 * a lost database as 503 with Retry-After (`unavailableMessage` says what a retry does), anything
 * else a logged 500.
 */
export function apiError(e: unknown, options: { unavailableMessage?: string } = {}): NextResponse {
  if (isAppError(e)) {
    const retryAfter = (e as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    const headers: Record<string, string> =
      typeof retryAfter === "number" ? { "retry-after": String(Math.max(1, Math.ceil(retryAfter))) } : {};
    return NextResponse.json({ error: { code: e.code, message: e.message } }, { status: e.status, headers });
  }
  if (isDatabaseUnavailable(e)) {
    console.warn(`API request answered 503, database unavailable: ${describe(e)}`);
    return apiError(new DatabaseUnavailableError(options.unavailableMessage));
  }
  console.error("Unexpected error in API route", e);
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong; nothing was changed." } }, { status: 500 });
}

/** One line, no stack: the first message in the error's chain. */
function describe(e: unknown): string {
  const message = (e as { message?: unknown }).message;
  const text = typeof message === "string" && message.trim() ? message.trim().split("\n").filter(Boolean).at(-1)! : String(e);
  return text.slice(0, 300);
}
