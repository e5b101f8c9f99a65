import "server-only";

import { createSafeActionClient, returnValidationErrors } from "next-safe-action";
import type { z } from "zod";

import { requireUser } from "./auth/session";
import { isAppError } from "./errors";

/**
 * The one action client. Validates input with the feature's zod schema, loads the signed-in user
 * from the database, and turns expected errors into messages; anything unexpected is logged and
 * reported as a generic failure that changed nothing.
 */
export const actionClient = createSafeActionClient({
  handleServerError(e) {
    if (isAppError(e)) return e.message;
    console.error("Unexpected error in server action", e);
    return "Something went wrong and nothing was changed. Please try again.";
  },
});

/** Actions that need a signed-in user; each still calls authorize() for the programme it touches. */
export const authedAction = actionClient.use(async ({ next }) => {
  const user = await requireUser();
  return next({ ctx: { user } });
});

/** Shows an expected error that concerns one input (a taken slug, say) beside that input. */
export function fieldErrorOr<S extends z.ZodType>(schema: S, e: unknown): never {
  if (isAppError(e) && "field" in e && typeof e.field === "string") {
    returnValidationErrors(schema, { [e.field]: { _errors: [e.message] } } as never);
  }
  throw e;
}
