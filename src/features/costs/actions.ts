"use server";

import { revalidatePath } from "next/cache";

import { authedAction, fieldErrorOr } from "@/server/action-client";

import {
  addPriceSchema,
  approveBudgetSchema,
  createScenarioSchema,
  deleteDepartmentBudgetSchema,
  deleteScenarioSchema,
  measureTokensSchema,
  saveDepartmentBudgetSchema,
  updatePriceSchema,
  updateScenarioSchema,
} from "./schemas";
import { addPrice } from "./server/add-price";
import { approveBudget } from "./server/approve-budget";
import { createScenario } from "./server/create-scenario";
import { deleteDepartmentBudget } from "./server/delete-department-budget";
import { deleteScenario } from "./server/delete-scenario";
import { measureTokens } from "./server/measure-tokens";
import { saveDepartmentBudget } from "./server/save-department-budget";
import { updatePrice } from "./server/update-price";
import { updateScenario } from "./server/update-scenario";

// Each operation authorizes the signed-in user for the programme against the database:
// costs.manage (programme manager) for prices, scenarios and department budgets; budget.approve (sponsor) for approvals.
const refresh = (slug: string) => revalidatePath(`/programmes/${slug}`, "layout");

export const addPriceAction = authedAction.inputSchema(addPriceSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await addPrice(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { priceId: r.id, model: r.model };
  } catch (e) {
    fieldErrorOr(addPriceSchema, e);
  }
});

export const updatePriceAction = authedAction.inputSchema(updatePriceSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await updatePrice(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { priceId: r.id };
  } catch (e) {
    fieldErrorOr(updatePriceSchema, e);
  }
});

export const createScenarioAction = authedAction.inputSchema(createScenarioSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await createScenario(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { scenarioId: r.id };
  } catch (e) {
    fieldErrorOr(createScenarioSchema, e);
  }
});

export const updateScenarioAction = authedAction.inputSchema(updateScenarioSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await updateScenario(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { scenarioId: r.id };
  } catch (e) {
    fieldErrorOr(updateScenarioSchema, e);
  }
});

export const deleteScenarioAction = authedAction.inputSchema(deleteScenarioSchema).action(async ({ parsedInput, ctx }) => {
  const r = await deleteScenario(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return r;
});

export const measureTokensAction = authedAction.inputSchema(measureTokensSchema).action(async ({ parsedInput, ctx }) => {
  try {
    return await measureTokens(ctx.user, parsedInput);
  } catch (e) {
    fieldErrorOr(measureTokensSchema, e);
  }
});

export const approveBudgetAction = authedAction.inputSchema(approveBudgetSchema).action(async ({ parsedInput, ctx }) => {
  const r = await approveBudget(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return { approvalId: r.id, monthlyAmount: r.monthlyAmount };
});

export const saveDepartmentBudgetAction = authedAction.inputSchema(saveDepartmentBudgetSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await saveDepartmentBudget(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { budgetId: r.id };
  } catch (e) {
    fieldErrorOr(saveDepartmentBudgetSchema, e);
  }
});

export const deleteDepartmentBudgetAction = authedAction.inputSchema(deleteDepartmentBudgetSchema).action(async ({ parsedInput, ctx }) => {
  const r = await deleteDepartmentBudget(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return r;
});
