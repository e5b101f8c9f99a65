import "server-only";

import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { encryptionKeyFromEnv } from "@/server/crypto";

import { resumeUsageSyncSchema, type ResumeUsageSyncInput } from "../schemas";
import { claimResumeUsageSync } from "./claim-usage-sync";

/** "Resume" on a failed sync: the same sync continues from the page that failed. */
export async function resumeUsageSync(actor: Actor, raw: ResumeUsageSyncInput, now = new Date()): Promise<{ id: string }> {
  const input = resumeUsageSyncSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "usage.sync");
  encryptionKeyFromEnv();
  return claimResumeUsageSync({ programmeId: access.programme.id, syncId: input.syncId, actor: auditActor(actor), now });
}
