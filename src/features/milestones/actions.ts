"use server";

import { programmeAction } from "@/server/action-client";

import { updateMilestoneSchema } from "./schemas";
import { updateMilestone } from "./server/update-milestone";

// The operation authorizes the signed-in user (programme.update) against the database.
export const updateMilestoneAction = programmeAction(updateMilestoneSchema, updateMilestone, { result: (r) => ({ status: r.status }) });
