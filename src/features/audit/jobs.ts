import { z } from "zod";

import { db } from "@/server/db";
import { defineJob } from "@/server/jobs/define";

import { verifyAndCheckpoint } from "./server/verify-audit-chain";

const HOUR_MS = 60 * 60_000;

/** Every chain: each programme's, and the system chain. */
async function chains(): Promise<(string | null)[]> {
  const programmes = await db.programme.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
  return [...programmes.map((p) => p.id), null];
}

/**
 * Checkpoints of the audit chains (decision record 023). Hourly: each chain from its latest checkpoint to
 * its head, so the audit page verifies at most an hour of events. Daily: each chain from its first event,
 * so tampering before a checkpoint is found. Each is safe to run again: a verification only adds a row.
 */
export const auditCheckpointJob = defineJob({
  name: "audit.checkpoint",
  schema: z.object({}).passthrough(),
  every: { everyMs: HOUR_MS },
  handler: async (_p, ctx) => {
    for (const chain of await chains()) {
      if (ctx.signal.aborted) return;
      await verifyAndCheckpoint(chain, "incremental");
    }
  },
});

export const auditFullVerifyJob = defineJob({
  name: "audit.verify-full",
  schema: z.object({}).passthrough(),
  every: { everyMs: 24 * HOUR_MS },
  leaseMs: 5 * 60_000,
  handler: async (_p, ctx) => {
    for (const chain of await chains()) {
      if (ctx.signal.aborted) return;
      await verifyAndCheckpoint(chain, "full");
    }
  },
});

export const auditJobs = [auditCheckpointJob, auditFullVerifyJob];
