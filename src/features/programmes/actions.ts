"use server";

import { userAction } from "@/server/action-client";

import { createProgrammeSchema } from "./schemas";
import { createProgramme } from "./server/create-programme";

/**
 * Authorization: the factory loads the signed-in user from the database, and createProgramme checks
 * them against GATEHOUSE_PROGRAMME_CREATORS (assertMayCreateProgramme; unset, anyone signed in may).
 * No programme exists yet to authorize against: its creator becomes its programme manager.
 */
export const createProgrammeAction = userAction(createProgrammeSchema, createProgramme, {
  result: (p) => ({ slug: p.slug }),
  revalidate: () => [{ path: "/programmes" }],
});
