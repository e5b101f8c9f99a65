import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import { prismaClient } from "../db";
import { RateLimitedError } from "../errors";

/**
 * Failed sign-ins are limited in three layers (see docs/decisions/003-sign-in-rate-limits.md):
 * - address + account: 5 failures in 15 minutes blocks that pair for 15 minutes; a success clears it.
 *   The real user, signing in from their own address, is not affected by an attacker elsewhere.
 * - address: 100 failures in a day blocks that address for a day (one address spraying many accounts).
 * - account: 30 failures in 15 minutes from anywhere blocks the account for 2 minutes only, which
 *   slows a distributed guess without letting an attacker keep the real user out for long.
 * Counters live in Postgres (table rate_limits), so every app process shares them and a restart forgets nothing.
 */
type Limiters = { pair: RateLimiterPrisma; address: RateLimiterPrisma; account: RateLimiterPrisma };
let limiters: Limiters | undefined;

/** The `maxFailures`-th failure within `duration` seconds blocks the key for `blockDuration` seconds. */
function make(keyPrefix: string, maxFailures: number, duration: number, blockDuration: number) {
  // Through Prisma (unnamed statements), not the pg store: its named prepared statements collide
  // when connections share one session, as they do on the embedded database.
  return new RateLimiterPrisma({
    storeClient: prismaClient(),
    tableName: "rateLimit",
    keyPrefix,
    points: maxFailures - 1,
    duration,
    blockDuration,
  });
}

function get(): Limiters {
  limiters ??= {
    pair: make("signin_pair", 5, 15 * 60, 15 * 60),
    address: make("signin_addr", 100, 24 * 60 * 60, 24 * 60 * 60),
    account: make("signin_acct", 30, 15 * 60, 2 * 60),
  };
  return limiters;
}

const keys = (email: string, address: string) => ({
  pair: `${address}|${email}`,
  address,
  account: email,
});

function refusal(msBeforeNext: number): RateLimitedError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return new RateLimitedError(`Too many failed sign-in attempts. Try again in ${wait}.`, seconds);
}

/** Throws RateLimitedError when any layer is exhausted, before the password is even checked. */
export async function assertSignInAllowed(email: string, address: string): Promise<void> {
  const l = get();
  const k = keys(email, address);
  const [pair, addr, acct] = await Promise.all([l.pair.get(k.pair), l.address.get(k.address), l.account.get(k.account)]);
  const blocked = [
    [pair, l.pair.points],
    [addr, l.address.points],
    [acct, l.account.points],
  ] as const;
  const waits = blocked
    .filter(([res, points]) => res !== null && res.consumedPoints > points)
    .map(([res]) => (res as RateLimiterRes).msBeforeNext);
  if (waits.length > 0) throw refusal(Math.max(...waits));
}

/** Records a failure in every layer; throws RateLimitedError if this failure used up a layer. */
export async function recordSignInFailure(email: string, address: string): Promise<void> {
  const l = get();
  const k = keys(email, address);
  const results = await Promise.allSettled([l.pair.consume(k.pair), l.address.consume(k.address), l.account.consume(k.account)]);
  const exhausted = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as unknown);
  const waits = exhausted.filter((r): r is RateLimiterRes => r instanceof RateLimiterRes).map((r) => r.msBeforeNext);
  const other = exhausted.find((r) => !(r instanceof RateLimiterRes));
  if (other) throw other;
  if (waits.length > 0) throw refusal(Math.max(...waits));
}

export async function recordSignInSuccess(email: string, address: string): Promise<void> {
  await get().pair.delete(keys(email, address).pair);
}

/**
 * "Forgot password" requests (docs/decisions/016), counted whether or not the email has an account:
 * - per address: 10 an hour; beyond that the address is told to wait (this reveals nothing about any account);
 * - per email: 3 an hour; beyond that no further link is sent, but the answer stays the same, so
 *   nobody can use the form to flood someone's inbox or to learn whether the email exists.
 */
type ResetLimiters = { address: RateLimiterPrisma; email: RateLimiterPrisma };
let resetLimiters: ResetLimiters | undefined;

export const PASSWORD_RESET_LIMITS = { perAddressPerHour: 10, perEmailPerHour: 3 } as const;

function getReset(): ResetLimiters {
  resetLimiters ??= {
    address: make("reset_addr", PASSWORD_RESET_LIMITS.perAddressPerHour + 1, 60 * 60, 60 * 60),
    email: make("reset_email", PASSWORD_RESET_LIMITS.perEmailPerHour + 1, 60 * 60, 60 * 60),
  };
  return resetLimiters;
}

/**
 * Counts one reset request. Throws RateLimitedError when the address has asked too often; returns
 * false (send nothing, answer as usual) when the email has had its share of links this hour.
 */
export async function consumePasswordResetAllowance(email: string, address: string): Promise<boolean> {
  const l = getReset();
  try {
    await l.address.consume(address);
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
    throw new RateLimitedError(`Too many password reset requests from your network. Try again in ${wait}.`, seconds);
  }
  try {
    await l.email.consume(email);
    return true;
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    return false;
  }
}
