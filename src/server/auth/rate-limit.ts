import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import { prismaClient } from "../db";
import { RateLimitedError } from "../errors";

/**
 * Where a sign-in attempt comes from: the client's address when a trusted proxy vouches for it
 * (`TRUSTED_PROXIES`, else null), and the browser's device cookie (a random id the proxy sets, else null).
 */
export interface SignInSource {
  address: string | null;
  device: string | null;
}

/**
 * Failed sign-ins (docs/decisions/003 and 019). A stranger's failures never lock the owner out of a
 * device they have signed in from before:
 * - known source (a device, or a trusted address, that signed in to this account in the last 90 days):
 *   only its own counter, 5 failures in 15 minutes blocks that source for 15 minutes;
 * - any other source: the pair (address, else device, else "anonymous"; account): 5 failures / 15 minutes
 *   blocks the pair for 15 minutes; a trusted address: 100 failures a day blocks it for a day; the
 *   account: 30 failures in 15 minutes from unknown sources makes unknown sources wait 2 minutes (a short
 *   lock that slows a distributed guess; known sources are not affected).
 * Counters live in Postgres (table rate_limits), so every app process shares them and a restart forgets nothing.
 */
type Limiters = { pair: RateLimiterPrisma; address: RateLimiterPrisma; account: RateLimiterPrisma; known: RateLimiterPrisma };
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

export const SIGN_IN_LIMITS = { pairFailures: 5, accountFailures: 30, accountBlockSeconds: 2 * 60, knownSourceDays: 90 } as const;

function get(): Limiters {
  limiters ??= {
    pair: make("signin_pair", SIGN_IN_LIMITS.pairFailures, 15 * 60, 15 * 60),
    address: make("signin_addr", 100, 24 * 60 * 60, 24 * 60 * 60),
    account: make("signin_acct", SIGN_IN_LIMITS.accountFailures, 15 * 60, SIGN_IN_LIMITS.accountBlockSeconds),
    // A success marks the source as known for this account (a marker, never a limit).
    known: make("signin_known", 1_000_000, SIGN_IN_LIMITS.knownSourceDays * 24 * 60 * 60, 0),
  };
  return limiters;
}

const sourceKeys = (email: string, s: SignInSource) => [
  ...(s.device ? [`d:${s.device}|${email}`] : []),
  ...(s.address ? [`a:${s.address}|${email}`] : []),
];

async function knownSourceKey(email: string, s: SignInSource): Promise<string | null> {
  const l = get();
  for (const key of sourceKeys(email, s)) {
    const r = await l.known.get(key);
    if (r !== null && r.consumedPoints > 0) return key;
  }
  return null;
}

interface Plan {
  /** [limiter, key] pairs that count this attempt's failure. */
  layers: Array<[RateLimiterPrisma, string]>;
}

async function plan(email: string, s: SignInSource): Promise<Plan> {
  const l = get();
  const known = await knownSourceKey(email, s);
  if (known) return { layers: [[l.pair, `known|${known}`]] };
  const layers: Array<[RateLimiterPrisma, string]> = [
    [l.pair, `${s.address ? `a:${s.address}` : s.device ? `d:${s.device}` : "anonymous"}|${email}`],
    [l.account, email],
  ];
  if (s.address) layers.push([l.address, s.address]);
  return { layers };
}

function refusal(msBeforeNext: number): RateLimitedError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return new RateLimitedError(`Too many failed sign-in attempts. Try again in ${wait}.`, seconds);
}

const asSource = (s: SignInSource | string): SignInSource => (typeof s === "string" ? { address: s, device: null } : s);

/** Throws RateLimitedError when a layer that applies to this source is exhausted, before the password is even checked. */
export async function assertSignInAllowed(email: string, source: SignInSource | string): Promise<void> {
  const { layers } = await plan(email, asSource(source));
  const results = await Promise.all(layers.map(([limiter, key]) => limiter.get(key).then((r) => [r, limiter.points] as const)));
  const waits = results.filter(([res, points]) => res !== null && res.consumedPoints > points).map(([res]) => res!.msBeforeNext);
  if (waits.length > 0) throw refusal(Math.max(...waits));
}

/** Records a failure in every layer that applies; throws RateLimitedError if this failure used up a layer. */
export async function recordSignInFailure(email: string, source: SignInSource | string): Promise<void> {
  const { layers } = await plan(email, asSource(source));
  const results = await Promise.allSettled(layers.map(([limiter, key]) => limiter.consume(key)));
  const exhausted = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as unknown);
  const waits = exhausted.filter((r): r is RateLimiterRes => r instanceof RateLimiterRes).map((r) => r.msBeforeNext);
  const other = exhausted.find((r) => !(r instanceof RateLimiterRes));
  if (other) throw other;
  if (waits.length > 0) throw refusal(Math.max(...waits));
}

/** A success clears the source's own counters and marks the source as known for this account. */
export async function recordSignInSuccess(email: string, source: SignInSource | string): Promise<void> {
  const s = asSource(source);
  const l = get();
  const { layers } = await plan(email, s);
  await Promise.all(layers.filter(([limiter]) => limiter === l.pair).map(([limiter, key]) => limiter.delete(key)));
  await Promise.all(sourceKeys(email, s).map((key) => l.known.consume(key)));
}

/**
 * Re-authentication of a signed-in user (the password asked for a gate sign-off): counted per user, so
 * only the holder of the session can use it up and strangers' failed sign-ins never block it.
 * 5 failures in 15 minutes block re-authentication for 15 minutes.
 */
let reauthLimiter: RateLimiterPrisma | undefined;
const reauth = () => (reauthLimiter ??= make("reauth_user", 5, 15 * 60, 15 * 60));

export async function assertReauthenticationAllowed(userId: string): Promise<void> {
  const r = await reauth().get(userId);
  if (r !== null && r.consumedPoints > reauth().points) throw refusal(r.msBeforeNext);
}

export async function recordReauthenticationFailure(userId: string): Promise<void> {
  try {
    await reauth().consume(userId);
  } catch (e) {
    if (e instanceof RateLimiterRes) throw refusal(e.msBeforeNext);
    throw e;
  }
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
