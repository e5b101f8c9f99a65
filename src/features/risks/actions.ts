"use server";

import { revalidatePath } from "next/cache";

import { authedAction, fieldErrorOr } from "@/server/action-client";

import { createRiskSchema, updateRiskSchema } from "./schemas";
import { createRisk } from "./server/create-risk";
import { updateRisk } from "./server/update-risk";

// Each operation authorizes the signed-in user (risks.manage) against the database.
const refresh = (slug: string) => revalidatePath(`/programmes/${slug}`, "layout");

export const createRiskAction = authedAction.inputSchema(createRiskSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await createRisk(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { riskId: r.id };
  } catch (e) {
    fieldErrorOr(createRiskSchema, e);
  }
});

export const updateRiskAction = authedAction.inputSchema(updateRiskSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await updateRisk(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { riskId: r.id };
  } catch (e) {
    fieldErrorOr(updateRiskSchema, e);
  }
});
