"use server";

import { revalidatePath } from "next/cache";

import { authedAction, fieldErrorOr } from "@/server/action-client";

import { changeUseCaseStatusSchema, createUseCaseSchema, importUseCasesSchema, updateUseCaseSchema } from "./schemas";
import { changeUseCaseStatus } from "./server/change-use-case-status";
import { createUseCase } from "./server/create-use-case";
import { ImportRejectedError, importUseCases } from "./server/import-use-cases";
import { updateUseCase } from "./server/update-use-case";

// Each operation authorizes the signed-in user (usecases.manage) for the programme against the database.
const refresh = (slug: string) => revalidatePath(`/programmes/${slug}`, "layout");

export const createUseCaseAction = authedAction.inputSchema(createUseCaseSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await createUseCase(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return r;
  } catch (e) {
    fieldErrorOr(createUseCaseSchema, e);
  }
});

export const updateUseCaseAction = authedAction.inputSchema(updateUseCaseSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await updateUseCase(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return r;
  } catch (e) {
    fieldErrorOr(updateUseCaseSchema, e);
  }
});

export const changeUseCaseStatusAction = authedAction.inputSchema(changeUseCaseStatusSchema).action(async ({ parsedInput, ctx }) => {
  const r = await changeUseCaseStatus(ctx.user, parsedInput);
  refresh(parsedInput.programmeSlug);
  return r;
});

/** A refused file is an answer, not a failure: the bad rows come back as data for the error list. */
export const importUseCasesAction = authedAction.inputSchema(importUseCasesSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const r = await importUseCases(ctx.user, parsedInput);
    refresh(parsedInput.programmeSlug);
    return { imported: r.imported, problems: [] };
  } catch (e) {
    if (e instanceof ImportRejectedError) return { imported: 0, problems: e.problems, message: e.message };
    throw e;
  }
});
