import "server-only";

import { syncRangeProblem } from "@/domain/sync";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { encryptionKeyFromEnv } from "@/server/crypto";
import { RuleError } from "@/server/errors";

import { startUsageSyncSchema, type StartUsageSyncInput } from "../schemas";
import { claimNewUsageSync } from "./claim-usage-sync";

/**
 * "Sync now" (programme managers: "usage.sync"): claims a MANUAL sync of the range and returns its id;
 * the caller runs it (runUsageSync) — in the background from the web, awaited from the CLI and tests.
 * Refused while another sync of the programme runs, without a key, or without GATEHOUSE_ENCRYPTION_KEY.
 */
export async function startUsageSync(actor: Actor, raw: StartUsageSyncInput, now = new Date()): Promise<{ id: string }> {
  const input = startUsageSyncSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "usage.sync");
  const problem = syncRangeProblem(input.from, input.to, now);
  if (problem) throw new RuleError(problem.message, problem.field);
  encryptionKeyFromEnv(); // the keys cannot be read without it: say so now rather than as a failed sync
  const claimed = await claimNewUsageSync({
    programmeId: access.programme.id,
    trigger: "MANUAL",
    from: input.from,
    to: input.to,
    actor: auditActor(actor),
    now,
  });
  return claimed!;
}
