"use server";

import { programmeAction } from "@/server/action-client";

import { createRiskSchema, updateRiskSchema } from "./schemas";
import { createRisk } from "./server/create-risk";
import { updateRisk } from "./server/update-risk";

// Each operation authorizes the signed-in user (risks.manage) against the database.
export const createRiskAction = programmeAction(createRiskSchema, createRisk, { result: (r) => ({ riskId: r.id }) });
export const updateRiskAction = programmeAction(updateRiskSchema, updateRisk, { result: (r) => ({ riskId: r.id }) });
