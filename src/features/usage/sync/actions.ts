"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";

import { authedAction, fieldErrorOr } from "@/server/action-client";

import { removeAnthropicKeySchema, resumeUsageSyncSchema, startUsageSyncSchema } from "./schemas";
import { removeAnthropicKey } from "./server/remove-anthropic-key";
import { resumeUsageSync } from "./server/resume-usage-sync";
import { runUsageSync } from "./server/run-usage-sync";
import { startUsageSync } from "./server/start-usage-sync";

// Each operation authorizes the signed-in user for the programme ("usage.sync") against the database.
// Saving a key is not an action: `next dev` logs action arguments, so keys go to the sync/keys route handler.

const syncPage = (slug: string) => `/programmes/${slug}/dashboard/sync`;

/** Runs a claimed sync after the response is sent; the page polls its progress. It records its own failures. */
function runInBackground(syncId: string) {
  after(() =>
    runUsageSync(syncId).catch((e: unknown) => {
      console.error(`Usage sync ${syncId} could not record its outcome:`, e instanceof Error ? e.message : String(e));
    }),
  );
}

export const removeAnthropicKeyAction = authedAction.inputSchema(removeAnthropicKeySchema).action(async ({ parsedInput, ctx }) => {
  const result = await removeAnthropicKey(ctx.user, parsedInput);
  revalidatePath(syncPage(parsedInput.programmeSlug));
  return result;
});

export const startUsageSyncAction = authedAction.inputSchema(startUsageSyncSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const { id } = await startUsageSync(ctx.user, parsedInput);
    runInBackground(id);
    return { syncId: id };
  } catch (e) {
    fieldErrorOr(startUsageSyncSchema, e);
  }
});

export const resumeUsageSyncAction = authedAction.inputSchema(resumeUsageSyncSchema).action(async ({ parsedInput, ctx }) => {
  const { id } = await resumeUsageSync(ctx.user, parsedInput);
  runInBackground(id);
  return { syncId: id };
});
