"use server";

import { revalidatePath } from "next/cache";
import { updateMilestoneSchema } from "./schemas";
import { updateMilestone } from "./server/update-milestone";
import { authedAction, fieldErrorOr } from "@/server/action-client";

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
