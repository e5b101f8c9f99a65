import "server-only";

import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import { prismaClient } from "../db";
import { RateLimitedError } from "../errors";

/** At most `points` requests in `seconds`. */
interface RateLimit {
  points: number;
  seconds: number;
}

/** A named set of limits, counted per API token (see docs/decisions/014-route-handler-wrappers.md). */
export interface RateLimitPolicy {
  /** Names the counters (`api_<name>_<seconds>s:<token id>`); two policies with one name share them. */
  name: string;
  /** What is counted, for the 429's message ("workflow runs"). */
  what: string;
  limits: RateLimit[];
}

/**
 * The JSON API's limits per token. Reads are cheap; a usage batch holds up to 10,000 events; a workflow
 * run is a paid Claude call, so it has the tightest limit and a daily cap on what a leaked or runaway
 * token can spend.
 */
export const API_RATE_LIMITS = {
  read: { name: "read", what: "reads", limits: [{ points: 600, seconds: 60 }] },
  write: { name: "write", what: "usage batches", limits: [{ points: 120, seconds: 60 }] },
  run: {
    name: "run",
    what: "workflow runs",
    limits: [
      { points: 10, seconds: 60 },
      { points: 500, seconds: 24 * 60 * 60 },
    ],
  },
} as const satisfies Record<string, RateLimitPolicy>;

// Counters live in Postgres (table rate_limits, as the sign-in limits do): every app process shares
// them and a restart forgets nothing. Through Prisma (unnamed statements) rather than the pg store,
// whose named prepared statements collide on the embedded database's shared session.
const limiters = new Map<string, RateLimiterPrisma>();

function limiter(policy: RateLimitPolicy, limit: RateLimit): RateLimiterPrisma {
  const keyPrefix = `api_${policy.name}_${limit.seconds}s`;
  const id = `${keyPrefix}/${limit.points}`;
  let l = limiters.get(id);
  if (!l) {
    l = new RateLimiterPrisma({
      storeClient: prismaClient(),
      tableName: "rateLimit",
      keyPrefix,
      points: limit.points,
      duration: limit.seconds,
      // Once a token is over a limit, this process refuses it from memory until the window ends: a flood costs no queries.
      inMemoryBlockOnConsumed: limit.points + 1,
    });
    limiters.set(id, l);
  }
  return l;
}

const per = (seconds: number) =>
  seconds === 60 ? "minute" : seconds === 3600 ? "hour" : seconds === 86_400 ? "day" : `${seconds} seconds`;

/**
 * Counts one request of `key` (an API token's id) against each of the policy's limits, in order;
 * throws RateLimitedError (429, Retry-After) at the first one it exceeds. A database error is thrown
 * as it is (a lost database becomes a 503).
 */
export async function consumeRateLimit(policy: RateLimitPolicy, key: string): Promise<void> {
  for (const limit of policy.limits) {
    try {
      await limiter(policy, limit).consume(key);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw new RateLimitedError(
        `Too many ${policy.what} with this API token: at most ${limit.points} per ${per(limit.seconds)}. Try again in ${seconds} seconds.`,
        seconds,
      );
    }
  }
}
