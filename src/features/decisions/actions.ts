"use server";

import { revalidatePath } from "next/cache";

import { authedAction, fieldErrorOr } from "@/server/action-client";

import { acceptDecisionSchema, createDecisionSchema, supersedeDecisionSchema, updateDecisionSchema } from "./schemas";
import { acceptDecision } from "./server/accept-decision";
import { createDecision } from "./server/create-decision";
import { supersedeDecision } from "./server/supersede-decision";
import { updateDecision } from "./server/update-decision";

// Each operation authorizes the signed-in user (decisions.manage) against the database.
const refresh = (slug: string) => revalidatePath(`/programmes/${slug}`, "layout");

export const createDecisionAction = authedAction.inputSchema(createDecisionSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await createDecision(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { decisionId: r.id, number: r.number };
  } catch (e) {
    fieldErrorOr(createDecisionSchema, e);
  }
});

export const updateDecisionAction = authedAction.inputSchema(updateDecisionSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await updateDecision(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { decisionId: r.id };
  } catch (e) {
    fieldErrorOr(updateDecisionSchema, e);
  }
});

export const acceptDecisionAction = authedAction.inputSchema(acceptDecisionSchema).action(async ({ parsedInput, ctx }) => {
  const r = await acceptDecision(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return { status: r.status };
});

export const supersedeDecisionAction = authedAction.inputSchema(supersedeDecisionSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await supersedeDecision(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { status: r.status };
  } catch (e) {
    fieldErrorOr(supersedeDecisionSchema, e);
  }
});
