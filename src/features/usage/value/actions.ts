"use server";

import { programmeAction } from "@/server/action-client";

import { removeHourlyCostSchema, setHourlyCostSchema } from "../schemas";
import { removeHourlyCost, setHourlyCost } from "./server/set-hourly-cost";

// Each operation authorizes the signed-in user for the programme ("costs.manage") against the database.
export const setHourlyCostAction = programmeAction(setHourlyCostSchema, setHourlyCost, { result: (r) => ({ department: r.department }) });
export const removeHourlyCostAction = programmeAction(removeHourlyCostSchema, removeHourlyCost);
