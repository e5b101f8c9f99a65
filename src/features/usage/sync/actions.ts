"use server";

import { after } from "next/server";

import { programmeAction } from "@/server/action-client";

import { removeAnthropicKeySchema, resumeUsageSyncSchema, startUsageSyncSchema } from "./schemas";
import { removeAnthropicKey } from "./server/remove-anthropic-key";
import { resumeUsageSync } from "./server/resume-usage-sync";
import { runUsageSync } from "./server/run-usage-sync";
import { startUsageSync } from "./server/start-usage-sync";

// Each operation authorizes the signed-in user for the programme ("usage.sync") against the database.
// Saving a key is not an action: `next dev` logs action arguments, so keys go to the sync/keys route handler.

const syncPage = (input: { programmeSlug: string }) => [{ path: `/programmes/${input.programmeSlug}/dashboard/sync` }];

/** Runs a claimed sync after the response is sent; the page polls its progress. It records its own failures. */
function runInBackground({ id }: { id: string }) {
  after(() =>
    runUsageSync(id).catch((e: unknown) => {
      console.error(`Usage sync ${id} could not record its outcome:`, e instanceof Error ? e.message : String(e));
    }),
  );
}

export const removeAnthropicKeyAction = programmeAction(removeAnthropicKeySchema, removeAnthropicKey, { revalidate: syncPage });
export const startUsageSyncAction = programmeAction(startUsageSyncSchema, startUsageSync, {
  revalidate: false,
  onSuccess: runInBackground,
  result: (r) => ({ syncId: r.id }),
});
export const resumeUsageSyncAction = programmeAction(resumeUsageSyncSchema, resumeUsageSync, {
  revalidate: false,
  onSuccess: runInBackground,
  result: (r) => ({ syncId: r.id }),
});
