"use server";

import { programmeAction, programmePages } from "@/server/action-client";

import { changeUseCaseStatusSchema, createUseCaseSchema, importUseCasesSchema, updateUseCaseSchema } from "./schemas";
import { changeUseCaseStatus } from "./server/change-use-case-status";
import { createUseCase } from "./server/create-use-case";
import { importUseCasesReport } from "./server/import-use-cases";
import { updateUseCase } from "./server/update-use-case";

// Each operation authorizes the signed-in user (usecases.manage) for the programme against the database.
export const createUseCaseAction = programmeAction(createUseCaseSchema, createUseCase);
export const updateUseCaseAction = programmeAction(updateUseCaseSchema, updateUseCase);
export const changeUseCaseStatusAction = programmeAction(changeUseCaseStatusSchema, changeUseCaseStatus);

/** A refused file is an answer (its bad rows as data for the error list) and changes nothing: only an import refreshes the pages. */
export const importUseCasesAction = programmeAction(importUseCasesSchema, importUseCasesReport, {
  revalidate: (input, r) => (r.problems.length === 0 ? programmePages(input.programmeSlug) : []),
});
