"use server";

import { programmeAction } from "@/server/action-client";

import { retryJobSchema } from "./schemas";
import { retryFailedJob } from "./server/retry-failed-job";

// The operation authorizes the signed-in user for the programme ("jobs.manage") against the database.
export const retryJobAction = programmeAction(retryJobSchema, retryFailedJob, { result: () => ({ ok: true as const }) });
