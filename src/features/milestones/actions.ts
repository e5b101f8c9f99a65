"use server";

import { revalidatePath } from "next/cache";

import { authedAction, fieldErrorOr } from "@/server/action-client";

import { updateMilestoneSchema } from "./schemas";
import { updateMilestone } from "./server/update-milestone";

// The operation authorizes the signed-in user (programme.update) against the database.
export const updateMilestoneAction = authedAction.inputSchema(updateMilestoneSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await updateMilestone(ctx.user, parsedInput);
    revalidatePath(`/programmes/${parsedInput.programmeSlug}`, "layout");
    return { status: r.status };
  } catch (e) {
    fieldErrorOr(updateMilestoneSchema, e);
  }
});
