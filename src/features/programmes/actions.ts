"use server";

import { userAction } from "@/server/action-client";

import { createProgrammeSchema } from "./schemas";
import { createProgramme } from "./server/create-programme";

/** Any signed-in user may create a programme; they become its programme manager. */
export const createProgrammeAction = userAction(createProgrammeSchema, createProgramme, {
  result: (p) => ({ slug: p.slug }),
  revalidate: () => [{ path: "/programmes" }],
});
