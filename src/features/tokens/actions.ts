"use server";

import { programmeAction } from "@/server/action-client";

import { createProgrammeTokenSchema, revokeTokenSchema } from "./schemas";
import { createProgrammeToken } from "./server/create-programme-token";
import { revokeProgrammeToken } from "./server/revoke-programme-token";

// Each operation authorizes the signed-in user for the programme (tokens.manage) against the database.
// The token itself is in the result once; no page keeps it.
export const createProgrammeTokenAction = programmeAction(createProgrammeTokenSchema, createProgrammeToken);
export const revokeProgrammeTokenAction = programmeAction(revokeTokenSchema, revokeProgrammeToken);
