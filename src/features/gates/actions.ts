"use server";

import { getServerSession } from "next-auth";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";

import { authedAction, fieldErrorOr } from "@/server/action-client";
import { authOptions, clientAddress } from "@/server/auth/options";

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
const refresh = (slug: string) => revalidatePath(`/programmes/${slug}`, "layout");

export const openGateReviewAction = authedAction.inputSchema(openGateReviewSchema).action(async ({ parsedInput, ctx }) => {
  await openGateReview(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
});

export const openNewRoundAction = authedAction.inputSchema(openNewRoundSchema).action(async ({ parsedInput, ctx }) => {
  const r = await openNewRound(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return r;
});

export const updateCriterionAction = authedAction.inputSchema(updateCriterionSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await updateCriterion(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { voided: r.voided };
  } catch (e) {
    fieldErrorOr(updateCriterionSchema, e);
  }
});

export const signGateAction = authedAction.inputSchema(signGateSchema).action(async ({ parsedInput, ctx }) => {
  const h = await headers();
  const session = await getServerSession(authOptions());
  const r = await signGate(ctx.user, parsedInput, {
    ipAddress: clientAddress(h),
    userAgent: h.get("user-agent"),
    authMethod: session?.authMethod ?? null,
    authAt: session?.authAt ?? null,
  });
  refresh(parsedInput.programmeSlug);
  return { gateStatus: r.gateStatus, meaning: r.signOff.meaning };
});

export const startPhaseAction = authedAction.inputSchema(startPhaseSchema).action(async ({ parsedInput, ctx }) => {
  const r = await startPhase(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return r;
});

export const decidePilotDebriefAction = authedAction.inputSchema(decidePilotDebriefSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await decidePilotDebrief(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return r;
  } catch (e) {
    fieldErrorOr(decidePilotDebriefSchema, e);
  }
});

export const closeConditionAction = authedAction.inputSchema(closeConditionSchema).action(async ({ parsedInput, ctx }) => {
  const r = await closeCondition(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return r;
});
