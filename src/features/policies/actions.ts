"use server";

import { programmeAction } from "@/server/action-client";

import { createPolicyDraftSchema, publishPolicyVersionSchema, updatePolicyDraftSchema } from "./schemas";
import { createPolicyDraft } from "./server/create-policy-draft";
import { publishPolicyVersion } from "./server/publish-policy-version";
import { updatePolicyDraft } from "./server/update-policy-draft";

const versionRef = (r: { id: string; version: number }) => ({ versionId: r.id, version: r.version });

// Each operation authorizes the signed-in user (policies.manage) against the database.
export const createPolicyDraftAction = programmeAction(createPolicyDraftSchema, createPolicyDraft, { result: versionRef });
export const updatePolicyDraftAction = programmeAction(updatePolicyDraftSchema, updatePolicyDraft, { result: versionRef });
export const publishPolicyVersionAction = programmeAction(publishPolicyVersionSchema, publishPolicyVersion, {
  result: (r) => ({ version: r.published.version, retired: r.retired.map((v) => v.version) }),
});
