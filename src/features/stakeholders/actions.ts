"use server";

import { revalidatePath } from "next/cache";

import { authedAction, fieldErrorOr } from "@/server/action-client";

import { updateStakeholderSchema } from "./schemas";
import { updateStakeholder } from "./server/update-stakeholder";

// The operation authorizes the signed-in user (stakeholders.manage) against the database.
export const updateStakeholderAction = authedAction.inputSchema(updateStakeholderSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await updateStakeholder(ctx.user, parsedInput);
    revalidatePath(`/programmes/${parsedInput.programmeSlug}`, "layout");
    return { stakeholderId: r.id };
  } catch (e) {
    fieldErrorOr(updateStakeholderSchema, e);
  }
});
