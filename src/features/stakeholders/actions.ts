"use server";

import { programmeAction } from "@/server/action-client";

import { updateStakeholderSchema } from "./schemas";
import { updateStakeholder } from "./server/update-stakeholder";

// The operation authorizes the signed-in user (stakeholders.manage) against the database.
export const updateStakeholderAction = programmeAction(updateStakeholderSchema, updateStakeholder, {
  result: (r) => ({ stakeholderId: r.id }),
});
