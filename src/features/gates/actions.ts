"use server";

import { getServerSession } from "next-auth";
import { headers } from "next/headers";

import { programmeAction } from "@/server/action-client";
import { authOptions, trustedClientAddress } from "@/server/auth/options";

import {
  closeConditionSchema,
  decidePilotDebriefSchema,
  openGateReviewSchema,
  openNewRoundSchema,
  signGateSchema,
  startPhaseSchema,
  updateCriterionSchema,
} from "./schemas";
import { closeCondition } from "./server/close-condition";
import { decidePilotDebrief } from "./server/decide-pilot-debrief";
import { openGateReview } from "./server/open-gate-review";
import { openNewRound } from "./server/open-new-round";
import { signGate } from "./server/sign-gate";
import { startPhase } from "./server/start-phase";
import { updateCriterion } from "./server/update-criterion";

// Each operation authorizes the signed-in user for the programme against the database.
export const openGateReviewAction = programmeAction(openGateReviewSchema, openGateReview, { result: () => undefined });
export const openNewRoundAction = programmeAction(openNewRoundSchema, openNewRound);
export const updateCriterionAction = programmeAction(updateCriterionSchema, updateCriterion, { result: (r) => ({ voided: r.voided }) });

/** The signature records where and how the signer authenticated: the request's address and browser, the session's sign-in. */
export const signGateAction = programmeAction(
  signGateSchema,
  async (user, input) => {
    const h = await headers();
    const session = await getServerSession(authOptions());
    return signGate(user, input, {
      ipAddress: trustedClientAddress(h),
      userAgent: h.get("user-agent"),
      authMethod: session?.authMethod ?? null,
      authAt: session?.authAt ?? null,
    });
  },
  { result: (r) => ({ gateStatus: r.gateStatus, meaning: r.signOff.meaning }) },
);

export const startPhaseAction = programmeAction(startPhaseSchema, startPhase);
export const decidePilotDebriefAction = programmeAction(decidePilotDebriefSchema, decidePilotDebrief);
export const closeConditionAction = programmeAction(closeConditionSchema, closeCondition);
