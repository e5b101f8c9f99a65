"use server";

import { revalidatePath } from "next/cache";

import { authedAction, fieldErrorOr } from "@/server/action-client";

import { createProgrammeSchema } from "./schemas";
import { createProgramme } from "./server/create-programme";

/** Any signed-in user may create a programme; they become its programme manager. */
export const createProgrammeAction = authedAction.inputSchema(createProgrammeSchema).action(async ({ parsedInput, ctx }) => {
  try {
    const programme = await createProgramme(ctx.user, parsedInput);
    revalidatePath("/programmes");
    return { slug: programme.slug };
  } catch (e) {
    fieldErrorOr(createProgrammeSchema, e);
  }
});
