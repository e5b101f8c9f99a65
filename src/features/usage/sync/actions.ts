"use server";

import { programmeAction } from "@/server/action-client";

import { removeAnthropicKeySchema, resumeUsageSyncSchema, startUsageSyncSchema } from "./schemas";
import { removeAnthropicKey } from "./server/remove-anthropic-key";
import { resumeUsageSync } from "./server/resume-usage-sync";
import { startUsageSync } from "./server/start-usage-sync";

// Each operation authorizes the signed-in user for the programme ("usage.sync") against the database.
// Saving a key is not an action: `next dev` logs action arguments, so keys go to the sync/keys route handler.

const syncPage = (input: { programmeSlug: string }) => [{ path: `/programmes/${input.programmeSlug}/dashboard/sync` }];

// A claimed sync is run by its job ("usage-sync.run", enqueued with the claim); the page polls its progress.

export const removeAnthropicKeyAction = programmeAction(removeAnthropicKeySchema, removeAnthropicKey, { revalidate: syncPage });
export const startUsageSyncAction = programmeAction(startUsageSyncSchema, startUsageSync, {
  revalidate: false,
  result: (r) => ({ syncId: r.id }),
});
export const resumeUsageSyncAction = programmeAction(resumeUsageSyncSchema, resumeUsageSync, {
  revalidate: false,
  result: (r) => ({ syncId: r.id }),
});
