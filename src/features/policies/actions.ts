"use server";

import { revalidatePath } from "next/cache";

import { authedAction, fieldErrorOr } from "@/server/action-client";

import { createPolicyDraftSchema, publishPolicyVersionSchema, updatePolicyDraftSchema } from "./schemas";
import { createPolicyDraft } from "./server/create-policy-draft";
import { publishPolicyVersion } from "./server/publish-policy-version";
import { updatePolicyDraft } from "./server/update-policy-draft";

// Each operation authorizes the signed-in user (policies.manage) against the database.
const refresh = (slug: string) => revalidatePath(`/programmes/${slug}`, "layout");

export const createPolicyDraftAction = authedAction.inputSchema(createPolicyDraftSchema).action(async ({ parsedInput, ctx }) => {
  const r = await createPolicyDraft(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return { versionId: r.id, version: r.version };
});

export const updatePolicyDraftAction = authedAction.inputSchema(updatePolicyDraftSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await updatePolicyDraft(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { versionId: r.id, version: r.version };
  } catch (e) {
    fieldErrorOr(updatePolicyDraftSchema, e);
  }
});

export const publishPolicyVersionAction = authedAction.inputSchema(publishPolicyVersionSchema).action(async ({ parsedInput, ctx }) => {
  const r = await publishPolicyVersion(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return { version: r.published.version, retired: r.retired.map((v) => v.version) };
});
