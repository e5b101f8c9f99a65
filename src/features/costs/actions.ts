"use server";

import { programmeAction } from "@/server/action-client";

import {
  addPriceSchema,
  approveBudgetSchema,
  createScenarioSchema,
  deleteDepartmentBudgetSchema,
  deleteScenarioSchema,
  measureTokensSchema,
  revokeBudgetSchema,
  saveDepartmentBudgetSchema,
  sendBackScenarioSchema,
  updatePriceSchema,
  updateScenarioSchema,
} from "./schemas";
import { addPrice } from "./server/add-price";
import { approveBudget } from "./server/approve-budget";
import { createScenario } from "./server/create-scenario";
import { deleteDepartmentBudget } from "./server/delete-department-budget";
import { deleteScenario } from "./server/delete-scenario";
import { measureTokens } from "./server/measure-tokens";
import { revokeBudget } from "./server/revoke-budget";
import { saveDepartmentBudget } from "./server/save-department-budget";
import { sendBackScenario } from "./server/send-back-scenario";
import { updatePrice } from "./server/update-price";
import { updateScenario } from "./server/update-scenario";

// Each operation authorizes the signed-in user for the programme against the database:
// costs.manage (programme manager) for prices, scenarios and department budgets; budget.approve (sponsor) for approvals.
export const addPriceAction = programmeAction(addPriceSchema, addPrice, { result: (r) => ({ priceId: r.id, model: r.model }) });
export const updatePriceAction = programmeAction(updatePriceSchema, updatePrice, { result: (r) => ({ priceId: r.id }) });
export const createScenarioAction = programmeAction(createScenarioSchema, createScenario, { result: (r) => ({ scenarioId: r.id }) });
export const updateScenarioAction = programmeAction(updateScenarioSchema, updateScenario, { result: (r) => ({ scenarioId: r.id }) });
export const deleteScenarioAction = programmeAction(deleteScenarioSchema, deleteScenario);
/** A measurement changes nothing stored: no page to refresh. */
export const measureTokensAction = programmeAction(measureTokensSchema, measureTokens, { revalidate: false });
export const approveBudgetAction = programmeAction(approveBudgetSchema, approveBudget, {
  result: (r) => ({ approvalId: r.id, monthlyAmount: r.monthlyAmount, outcome: r.outcome, superseded: r.superseded }),
});
export const revokeBudgetAction = programmeAction(revokeBudgetSchema, revokeBudget, { result: (r) => ({ approvalId: r.id }) });
export const sendBackScenarioAction = programmeAction(sendBackScenarioSchema, sendBackScenario, { result: (r) => ({ scenarioId: r.id }) });
export const saveDepartmentBudgetAction = programmeAction(saveDepartmentBudgetSchema, saveDepartmentBudget, {
  result: (r) => ({ budgetId: r.id }),
});
export const deleteDepartmentBudgetAction = programmeAction(deleteDepartmentBudgetSchema, deleteDepartmentBudget);
