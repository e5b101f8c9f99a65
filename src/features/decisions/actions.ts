"use server";

import { programmeAction } from "@/server/action-client";

import { acceptDecisionSchema, createDecisionSchema, supersedeDecisionSchema, updateDecisionSchema } from "./schemas";
import { acceptDecision } from "./server/accept-decision";
import { createDecision } from "./server/create-decision";
import { supersedeDecision } from "./server/supersede-decision";
import { updateDecision } from "./server/update-decision";

// Each operation authorizes the signed-in user (decisions.manage) against the database.
export const createDecisionAction = programmeAction(createDecisionSchema, createDecision, {
  result: (r) => ({ decisionId: r.id, number: r.number }),
});
export const updateDecisionAction = programmeAction(updateDecisionSchema, updateDecision, { result: (r) => ({ decisionId: r.id }) });
export const acceptDecisionAction = programmeAction(acceptDecisionSchema, acceptDecision, { result: (r) => ({ status: r.status }) });
export const supersedeDecisionAction = programmeAction(supersedeDecisionSchema, supersedeDecision, {
  result: (r) => ({ status: r.status }),
});
