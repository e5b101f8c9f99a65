"use server";

import { programmeAction } from "@/server/action-client";

import {
  addRollbackTestSchema,
  cohortStatusChangeSchema,
  importCohortPeopleSchema,
  resolveAlertSchema,
  saveCohortSchema,
  saveRollbackPlanSchema,
  setThresholdSchema,
  setTriggerSchema,
  tagPersonSchema,
} from "./schemas";
import { changeCohortStatus } from "./server/change-cohort-status";
import { importCohortPeople, tagCohortPerson } from "./server/import-cohort-people";
import { resolveRollbackAlert } from "./server/resolve-rollback-alert";
import { addRollbackTest, saveRollbackPlan } from "./server/rollback-plan";
import { saveCohort } from "./server/save-cohort";
import { setThreshold, setTrigger } from "./server/set-cohort-rules";

// Each operation authorizes the signed-in user against the database (cohorts.manage, or rollback authority).
export const saveCohortAction = programmeAction(saveCohortSchema, saveCohort, { result: (r) => ({ cohortId: r.id }) });
export const setThresholdAction = programmeAction(setThresholdSchema, setThreshold);
export const setTriggerAction = programmeAction(setTriggerSchema, setTrigger);
export const importCohortPeopleAction = programmeAction(importCohortPeopleSchema, importCohortPeople);
export const tagCohortPersonAction = programmeAction(tagPersonSchema, tagCohortPerson);
export const changeCohortStatusAction = programmeAction(cohortStatusChangeSchema, (actor, input) => changeCohortStatus(actor, input));
export const resolveRollbackAlertAction = programmeAction(resolveAlertSchema, (actor, input) => resolveRollbackAlert(actor, input));
export const saveRollbackPlanAction = programmeAction(saveRollbackPlanSchema, saveRollbackPlan);
export const addRollbackTestAction = programmeAction(addRollbackTestSchema, addRollbackTest, { result: (r) => ({ testId: r.id }) });
