import "server-only";

import { addDays, defaultSyncRange, syncRangeProblem } from "@/domain/sync";
import type { AuditActor } from "@/server/audit";
import { encryptionKeyFromEnv } from "@/server/crypto";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { claimNewUsageSync } from "./claim-usage-sync";
import { runUsageSync, type SyncOutcome, type SyncRunOptions } from "./run-usage-sync";

/**
 * Operator variant for the CLI (`npm run cli -- sync`): database access, no signed-in user. Claims a
 * MANUAL sync under the same rules as "Sync now" and runs it here to the end (no job), reporting each page.
 */
export async function syncUsageAsOperator(
  actor: AuditActor,
  input: { programmeSlug: string; from?: string; to?: string },
  options: SyncRunOptions = {},
): Promise<SyncOutcome> {
  const now = options.now?.() ?? new Date();
  const programme = await db.programme.findUnique({ where: { slug: input.programmeSlug }, select: { id: true } });
  if (!programme) throw new NotFoundError(`No programme with the slug "${input.programmeSlug}".`);
  // Default: the last seven complete days, or the seven days ending --to.
  const to = input.to ?? defaultSyncRange(now).to;
  const from = input.from ?? addDays(to, -6);
  const problem = syncRangeProblem(from, to, now);
  if (problem) throw new RuleError(`--${problem.field}: ${problem.message}`);
  encryptionKeyFromEnv();
  const claimed = await claimNewUsageSync({ programmeId: programme.id, trigger: "MANUAL", from, to, actor, now, inline: true });
  return runUsageSync(claimed!.id, options);
}
