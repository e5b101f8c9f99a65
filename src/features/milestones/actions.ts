"use server";

import { programmeAction } from "@/server/action-client";

import { createMilestoneSchema, deleteMilestoneSchema, updateMilestoneSchema } from "./schemas";
import { createMilestone } from "./server/create-milestone";
import { deleteMilestone } from "./server/delete-milestone";
import { updateMilestone } from "./server/update-milestone";

// Each operation authorizes the signed-in user (programme.update) against the database.
export const updateMilestoneAction = programmeAction(updateMilestoneSchema, updateMilestone, { result: (r) => ({ status: r.status }) });
export const createMilestoneAction = programmeAction(createMilestoneSchema, createMilestone, { result: (r) => ({ milestoneId: r.id }) });
export const deleteMilestoneAction = programmeAction(deleteMilestoneSchema, deleteMilestone, { result: (r) => ({ milestoneId: r.id }) });
