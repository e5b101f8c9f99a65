import "server-only";

import { notFound } from "next/navigation";

import { markDatabaseUnavailable } from "./db-health";
import { isAppError, isDatabaseUnavailable, NotFoundError } from "./errors";
import { isInputRefusedByDatabase } from "./input-errors";

/** A zod error (an operation parsed the page's segment or query and refused it). */
const isZodError = (e: unknown) => typeof e === "object" && e !== null && (e as { name?: unknown }).name === "ZodError";

/**
 * Runs a page's data loading; "not found" (including "not a member") renders the 404 page, with HTTP 404.
 * So does a page address the operation refuses as input (decision record 018): a malformed id, a version
 * of twenty digits, a week or round out of range — a URL that names no record is not found, never a 500.
 * A lost database marks it unavailable, so the proxy answers the following requests 503 (db-health.ts).
 */
export async function loadOr404<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (isZodError(e) || isInputRefusedByDatabase(e) || (isAppError(e) && e.code === "INVALID")) notFound();
    // This page still renders its error (a page cannot set a 503), but the proxy answers the next requests 503.
    if (isDatabaseUnavailable(e)) markDatabaseUnavailable();
    throw e;
  }
}
