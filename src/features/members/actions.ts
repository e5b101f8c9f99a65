"use server";

import { revalidatePath } from "next/cache";

import { authedAction, fieldErrorOr } from "@/server/action-client";

import { addMemberSchema, removeMemberSchema, updateMemberSchema } from "./schemas";
import { addMember } from "./server/add-member";
import { removeMember } from "./server/remove-member";
import { updateMember } from "./server/update-member";

// Each operation authorizes the signed-in user for the programme (members.manage) against the database.

export const addMemberAction = authedAction.inputSchema(addMemberSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const result = await addMember(ctx.user, parsedInput);
    revalidatePath(`/programmes/${parsedInput.programmeSlug}`, "layout");
    return result;
  } catch (e) {
    fieldErrorOr(addMemberSchema, e);
  }
});

export const updateMemberAction = authedAction.inputSchema(updateMemberSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const result = await updateMember(ctx.user, parsedInput);
    revalidatePath(`/programmes/${parsedInput.programmeSlug}`, "layout");
    return { membershipId: result.id };
  } catch (e) {
    fieldErrorOr(updateMemberSchema, e);
  }
});

export const removeMemberAction = authedAction.inputSchema(removeMemberSchema).action(async ({ parsedInput, ctx }) => {
  const result = await removeMember(ctx.user, parsedInput);
  revalidatePath(`/programmes/${parsedInput.programmeSlug}`, "layout");
  return result;
});
