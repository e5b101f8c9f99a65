import type { z } from "zod";

import type { Tx } from "../db";
import type { Backoff, Recurrence } from "./schedule";

/** What a handler knows about the attempt it runs. */
export interface JobContext {
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  programmeId: string | null;
  /** Aborted when the worker stops or loses the job's lease: stop soon, what is committed stays. */
  signal: AbortSignal;
}

export interface FailedJobInfo {
  jobId: string;
  attempts: number;
  /** The last attempt's error message. */
  error: string;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** Unique among all jobs, e.g. "workflows.evaluate". Stored on each row: never rename a job with rows pending. */
  name: string;
  schema: S;
  handler: (payload: z.output<S>, ctx: JobContext) => Promise<void>;
  /** Further attempts after the first fails (default 3). */
  retries?: number;
  backoff?: Backoff;
  /** How long a claimed job is held without a heartbeat; the worker extends it while the handler runs (default 60 s). */
  leaseMs?: number;
  /** A recurring job: enqueued once per period across all processes, with an empty payload. */
  every?: Recurrence;
  /** What a job was for, in words, when the enqueuer gives no subject. */
  describe?: (payload: z.output<S>) => string;
  /**
   * Called once, in the transaction that marks the job failed after its last attempt (including one whose
   * worker died), so what the job was doing is settled and never stays "running".
   */
  onFailed?: (tx: Tx, payload: z.output<S>, info: FailedJobInfo) => Promise<void>;
}

export const DEFAULT_RETRIES = 3;
export const DEFAULT_LEASE_MS = 60_000;

/** Declares a job kind; features export these and the composition root (src/jobs.ts) registers them. */
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/.test(definition.name))
    throw new Error(`A job name is lowercase words joined by dots or hyphens, got "${definition.name}"`);
  if (definition.retries !== undefined && (!Number.isInteger(definition.retries) || definition.retries < 0))
    throw new Error(`retries of ${definition.name} must be a non-negative integer`);
  return definition;
}

// Registries hold definitions of different payload types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<any>;
