/**
 * Expected errors: each has a message fit to show the user. Anything else is a bug, logged on the
 * server and shown as a generic error.
 */
export class AppError extends Error {
  readonly expected = true;
  constructor(
    message: string,
    readonly code: "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "CONFLICT" | "INVALID" | "RATE_LIMITED",
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

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === "object" && e !== null && (e as { expected?: unknown }).expected === true);
}

/** Postgres unique violation (23505), as surfaced by Prisma with a driver adapter or by pg directly. */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { code?: string; cause?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  if (err.code === "P2002" || err.code === "23505") return true;
  if (err.meta?.driverAdapterError?.cause?.originalCode === "23505") return true;
  return err.cause !== undefined && err.cause !== e && isUniqueViolation(err.cause);
}
