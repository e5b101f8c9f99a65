/**
 * Expected errors: each has a message fit to show the user. Anything else is a bug, logged on the
 * server and shown as a generic error.
 */
export class AppError extends Error {
  readonly expected = true;
  constructor(
    message: string,
    readonly code: "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "CONFLICT" | "INVALID" | "RATE_LIMITED" | "DATABASE_UNAVAILABLE",
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super(message, "NOT_FOUND", 404);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do that.") {
    super(message, "FORBIDDEN", 403);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Please sign in.") {
    super(message, "UNAUTHENTICATED", 401);
  }
}

export class ConflictError extends AppError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message, "CONFLICT", 409);
  }
}

/** A business rule refused the change; `field` names the input it concerns, when there is one. */
export class RuleError extends AppError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message, "INVALID", 422);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, "RATE_LIMITED", 429);
  }
}

/** The database could not be reached, or dropped the connection mid-request: the same request may be sent again. */
export class DatabaseUnavailableError extends AppError {
  constructor(
    message = "The database is not reachable right now (it may be restarting). Try again shortly.",
    readonly retryAfterSeconds = 2,
  ) {
    super(message, "DATABASE_UNAVAILABLE", 503);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === "object" && e !== null && (e as { expected?: unknown }).expected === true);
}

/**
 * Postgres chose this transaction as a deadlock victim (40P01) or refused it for serialization (40001):
 * it was rolled back whole, so running it again is safe.
 */
export function isRetryableConflict(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as {
    code?: string;
    message?: unknown;
    cause?: unknown;
    meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string } } };
  };
  const codes = [err.code, err.meta?.code, err.meta?.driverAdapterError?.cause?.originalCode];
  if (codes.includes("40P01") || codes.includes("40001")) return true;
  if (typeof err.message === "string" && /Code: `(40P01|40001)`/.test(err.message)) return true;
  return err.cause !== undefined && err.cause !== e && isRetryableConflict(err.cause);
}

/** Postgres unique violation (23505), as surfaced by Prisma with a driver adapter or by pg directly. */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { code?: string; cause?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  if (err.code === "P2002" || err.code === "23505") return true;
  if (err.meta?.driverAdapterError?.cause?.originalCode === "23505") return true;
  return err.cause !== undefined && err.cause !== e && isUniqueViolation(err.cause);
}

// How "the database is not there" surfaces: Prisma's codes (can't reach P1001, timed out P1002/P1008,
// connection closed P1017, no connection in time P2024), adapter-pg's error kinds, PostgreSQL's
// SQLSTATEs (connection exceptions 08…, shutting down / starting up 57P01–57P03, too many
// connections 53300), socket errors, and node-postgres's own messages for a connection that died.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|Unable to start a transaction in the given time/i;

/**
 * True when `e` means the database is unreachable or the connection was lost, so the request can be
 * retried as it is, rather than a bug or a refused change. Looks through Prisma's and the driver's wrapping.
 */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (typeof e !== "object" || e === null || depth > 6) return false;
  const err = e as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (
    typeof err.code === "string" &&
    (UNAVAILABLE_PRISMA_CODES.has(err.code) || UNAVAILABLE_SQLSTATE.test(err.code) || UNAVAILABLE_SOCKET_CODES.has(err.code))
  )
    return true;
  if (typeof err.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(err.kind)) return true;
  if (typeof err.originalCode === "string" && UNAVAILABLE_SQLSTATE.test(err.originalCode)) return true;
  if (typeof err.message === "string" && UNAVAILABLE_MESSAGES.test(err.message)) return true;
  const inner = [err.cause, err.meta?.driverAdapterError, ...(Array.isArray(err.errors) ? err.errors : [])];
  return inner.some((x) => x !== e && isDatabaseUnavailable(x, depth + 1));
}
