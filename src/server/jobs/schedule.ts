/**
 * Pure timing rules of the job layer (no I/O): the wait before a failed job's next attempt, and the
 * period a recurring job belongs to. Unit-tested in tests/unit/jobs.test.ts.
 */

export interface Backoff {
  /** Wait before the second attempt, in milliseconds. */
  baseMs: number;
  /** The wait never exceeds this. */
  maxMs: number;
  /** Each further attempt waits this many times longer (default 2). */
  factor?: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 5_000, maxMs: 10 * 60_000, factor: 2 };

/**
 * The wait after failed attempt number `attempt` (1 = the first): base × factor^(attempt − 1), capped at
 * max. Deterministic, so tests and the CLI can say when a job runs next.
 */
export function backoffMs(attempt: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  const factor = backoff.factor ?? 2;
  const wait = backoff.baseMs * Math.pow(factor, attempt - 1);
  return Math.min(backoff.maxMs, Math.round(wait));
}

/** A recurring job runs once per period of `everyMs`, periods aligned on the Unix epoch (so a day is a UTC day). */
export interface Recurrence {
  everyMs: number;
}

export function periodStart(now: Date, everyMs: number): Date {
  if (!Number.isInteger(everyMs) || everyMs < 1) throw new RangeError(`everyMs must be a positive integer, got ${everyMs}`);
  return new Date(Math.floor(now.getTime() / everyMs) * everyMs);
}

/** The key that makes "once per period" a unique constraint: the job's name and its period's start. */
export function periodKey(name: string, now: Date, everyMs: number): string {
  return `${name}@${periodStart(now, everyMs).toISOString()}`;
}

/** The unique key of a pending or running job with a dedupe key. */
export function activeKeyOf(name: string, dedupeKey: string): string {
  return `${name}:${dedupeKey}`;
}
