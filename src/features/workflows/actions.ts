"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";

import { authedAction, fieldErrorOr } from "@/server/action-client";

import {
  approveVersionSchema,
  createWorkflowSchema,
  deleteTestCaseSchema,
  runWorkflowSchema,
  saveTestCaseSchema,
  saveVersionSchema,
  updateWorkflowDetailsSchema,
  versionRefSchema,
} from "./schemas";
import { createWorkflow } from "./server/create-workflow";
import { saveVersion, updateWorkflowDetails } from "./server/edit-workflow";
import { startEvaluation } from "./server/evaluate";
import { approveVersion, markCandidate, promoteVersion, rollbackTo } from "./server/labels";
import { runWorkflow } from "./server/run-workflow";
import { deleteTestCase, saveTestCase } from "./server/test-cases";

// Each operation authorizes the signed-in user against the database (workflows.* permissions).
const refresh = (slug: string) => revalidatePath(`/programmes/${slug}`, "layout");

export const createWorkflowAction = authedAction.inputSchema(createWorkflowSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const w = await createWorkflow(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { slug: w.slug };
  } catch (e) {
    fieldErrorOr(createWorkflowSchema, e);
  }
});

export const updateWorkflowDetailsAction = authedAction.inputSchema(updateWorkflowDetailsSchema).action(async ({ parsedInput, ctx }) => {
  try {
    await updateWorkflowDetails(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { ok: true };
  } catch (e) {
    fieldErrorOr(updateWorkflowDetailsSchema, e);
  }
});

export const saveVersionAction = authedAction.inputSchema(saveVersionSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const v = await saveVersion(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { number: v.number };
  } catch (e) {
    fieldErrorOr(saveVersionSchema, e);
  }
});

export const saveTestCaseAction = authedAction.inputSchema(saveTestCaseSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const c = await saveTestCase(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { id: c.id };
  } catch (e) {
    fieldErrorOr(saveTestCaseSchema, e);
  }
});

export const deleteTestCaseAction = authedAction.inputSchema(deleteTestCaseSchema).action(async ({ parsedInput, ctx }) => {
  await deleteTestCase(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return { ok: true };
});

/** Starts an evaluation; its cases run after the response (the page polls the run's progress). */
export const startEvaluationAction = authedAction.inputSchema(versionRefSchema).action(async ({ parsedInput, ctx }) => {
  const started = await startEvaluation(ctx.user, parsedInput);
  after(started.execute);
  refresh(parsedInput.programmeSlug);
  return { runId: started.runId };
});

export const approveVersionAction = authedAction.inputSchema(approveVersionSchema).action(async ({ parsedInput, ctx }) => {
  await approveVersion(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return { ok: true };
});

export const markCandidateAction = authedAction.inputSchema(versionRefSchema).action(async ({ parsedInput, ctx }) => {
  await markCandidate(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return { ok: true };
});

export const promoteVersionAction = authedAction.inputSchema(versionRefSchema).action(async ({ parsedInput, ctx }) => {
  const r = await promoteVersion(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return r;
});

export const rollbackAction = authedAction.inputSchema(versionRefSchema).action(async ({ parsedInput, ctx }) => {
  const r = await rollbackTo(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return r;
});

export const runWorkflowAction = authedAction.inputSchema(runWorkflowSchema).action(async ({ parsedInput, ctx }) => {
  const r = await runWorkflow(ctx.user, parsedInput);
  return r;
});
