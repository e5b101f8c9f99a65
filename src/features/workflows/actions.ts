"use server";

import { programmeAction } from "@/server/action-client";

import {
  approveVersionSchema,
  createWorkflowSchema,
  deleteTestCaseSchema,
  manualEvaluationSchema,
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
import { recordManualEvaluation } from "./server/manual-evaluation";
import { runWorkflow } from "./server/run-workflow";
import { deleteTestCase, saveTestCase } from "./server/test-cases";

const ok = () => ({ ok: true as const });

// Each operation authorizes the signed-in user against the database (workflows.* permissions).
export const createWorkflowAction = programmeAction(createWorkflowSchema, createWorkflow, { result: (w) => ({ slug: w.slug }) });
export const updateWorkflowDetailsAction = programmeAction(updateWorkflowDetailsSchema, updateWorkflowDetails, { result: ok });
export const saveVersionAction = programmeAction(saveVersionSchema, saveVersion, { result: (v) => ({ number: v.number }) });
export const saveTestCaseAction = programmeAction(saveTestCaseSchema, saveTestCase, { result: (c) => ({ id: c.id }) });
export const deleteTestCaseAction = programmeAction(deleteTestCaseSchema, deleteTestCase, { result: ok });

/** Starts an evaluation; a job runs its cases (the page polls the run's progress). */
export const startEvaluationAction = programmeAction(versionRefSchema, startEvaluation, {
  result: (started) => ({ runId: started.runId }),
});

/** Records an evaluation made by hand: outputs pasted from a Claude app, the rubric graded by the member. */
export const recordManualEvaluationAction = programmeAction(manualEvaluationSchema, recordManualEvaluation, {
  result: (r) => ({ runId: r.runId }),
});

export const approveVersionAction = programmeAction(approveVersionSchema, approveVersion, { result: ok });
export const markCandidateAction = programmeAction(versionRefSchema, markCandidate, { result: ok });
export const promoteVersionAction = programmeAction(versionRefSchema, promoteVersion);
export const rollbackAction = programmeAction(versionRefSchema, rollbackTo);
/** A run is shown by the console that asked for it; the pages it could change are refreshed on their next view. */
export const runWorkflowAction = programmeAction(runWorkflowSchema, runWorkflow, { revalidate: false });
