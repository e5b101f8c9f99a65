"use server";

import { revalidatePath } from "next/cache";

import { authedAction } from "@/server/action-client";

import { importUsageFileSchema } from "./schemas";
import { importUsageFile } from "./server/import-usage-file";

// The operation authorizes the signed-in user for the programme ("programme.update") against the database.
export const importUsageFileAction = authedAction.inputSchema(importUsageFileSchema).action(async ({ parsedInput, ctx }) => {
  const result = await importUsageFile(ctx.user, parsedInput);
  if (result.ok && result.inserted > 0) revalidatePath(`/programmes/${parsedInput.programmeSlug}/dashboard`);
  // Problems are shown to the user; cap what travels back to the browser.
  return result.ok ? result : { ...result, problems: result.problems.slice(0, 200), totalProblems: result.problems.length };
});
