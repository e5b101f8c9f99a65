import "server-only";

import { createSafeActionClient, returnValidationErrors } from "next-safe-action";
import { revalidatePath } from "next/cache";
import { z } from "zod";

import { NUL_MESSAGE, nulCharacterPath } from "@/domain/input";

import type { Actor } from "./auth/actor";
import { requireUser } from "./auth/session";
import { markDatabaseUnavailable } from "./db-health";
import { isAppError, isDatabaseUnavailable } from "./errors";
import { INPUT_REFUSED_MESSAGE, isInputRefusedByDatabase } from "./input-errors";

/**
 * The one way to write a server action (docs/ARCHITECTURE.md): a feature's `actions.ts` is a list of
 *
 *   export const createRiskAction = programmeAction(createRiskSchema, createRisk, { result: (r) => ({ riskId: r.id }) });
 *
 * The factory validates the input with the feature's zod schema, loads the signed-in user from the
 * database, runs the operation (which authorizes that user itself), shows an expected error that names
 * one of the schema's fields beside that field, refreshes the programme's pages, and returns the result.
 * Anything unexpected is logged and reported as a generic failure that changed nothing.
 */
const actionClient = createSafeActionClient({
  handleServerError(e) {
    if (isAppError(e)) return e.message;
    if (isInputRefusedByDatabase(e)) return INPUT_REFUSED_MESSAGE;
    if (isDatabaseUnavailable(e)) {
      markDatabaseUnavailable(); // pages answer 503 for a moment (db-health.ts)
      return "The database is not reachable right now; nothing was changed. Try again shortly.";
    }
    console.error("Unexpected error in server action", e);
    return "Something went wrong and nothing was changed. Please try again.";
  },
});

const authedAction = actionClient.use(async ({ next }) => {
  const user = await requireUser();
  return next({ ctx: { user } });
});

/** What a page refresh after a successful action covers: a path, and whether its layout (all pages under it) or the page alone. */
export type Revalidation = { path: string; type?: "layout" | "page" };

export interface ActionOptions<In, R, Out> {
  /** What the client gets back (default: the operation's result). */
  result?: (r: R, input: In) => Out;
  /**
   * Which pages to refresh after success. Programme actions default to every page of the programme;
   * `false` refreshes nothing (a read, or a result the client shows itself).
   */
  revalidate?: false | ((input: In, r: R) => Revalidation[]);
  /** Runs after success, before the result is returned (e.g. scheduling work after the response). */
  onSuccess?: (r: R, input: In) => void;
}

type Operation<In, R> = (user: Actor, input: In) => Promise<R>;

/** The pages of one programme: its layout and everything under it. */
export const programmePages = (slug: string): Revalidation[] => [{ path: `/programmes/${slug}`, type: "layout" }];

function build<S extends z.ZodType, R, Out>(
  schema: S,
  operation: Operation<z.output<S>, R>,
  options: ActionOptions<z.output<S>, R, Out>,
  defaultRevalidate: ((input: z.output<S>) => Revalidation[]) | false,
) {
  const fields = topLevelFields(schema);
  return authedAction.inputSchema(refusingNul(schema)).action(async ({ parsedInput, ctx }) => {
    const input = parsedInput as z.output<S>; // next-safe-action's inferred type, spelled as zod's
    let r: R;
    try {
      r = await operation(ctx.user, input);
    } catch (e) {
      if (isAppError(e) && "field" in e && typeof e.field === "string" && fields.has(e.field.split(".")[0]!)) {
        returnValidationErrors(schema, { [e.field.split(".")[0]!]: { _errors: [e.message] } } as never);
      }
      throw e;
    }
    const revalidate = options.revalidate === undefined ? defaultRevalidate : options.revalidate;
    if (revalidate) for (const { path, type } of typeof revalidate === "function" ? revalidate(input, r) : []) revalidatePath(path, type);
    options.onSuccess?.(r, input);
    return (options.result ? options.result(r, input) : r) as Out;
  });
}

/** An action on one programme: the input names it by `programmeSlug`; its pages are refreshed after success. */
export function programmeAction<S extends z.ZodType<{ programmeSlug: string }>, R, Out = R>(
  schema: S,
  operation: Operation<z.output<S>, R>,
  options: ActionOptions<z.output<S>, R, Out> = {},
) {
  return build(schema, operation, options, (input) => programmePages(input.programmeSlug));
}

/** An action of the signed-in user outside one programme (creating a programme, their own settings); say what to refresh. */
export function userAction<S extends z.ZodType, R, Out = R>(
  schema: S,
  operation: Operation<z.output<S>, R>,
  options: ActionOptions<z.output<S>, R, Out> & { revalidate: ActionOptions<z.output<S>, R, Out>["revalidate"] },
) {
  return build(schema, operation, options, false);
}

/**
 * The schema, preceded by the one check every input gets: no string (or key) anywhere in it holds U+0000,
 * which PostgreSQL cannot store (decision record 018). The refusal names the field, like any other.
 */
function refusingNul<S extends z.ZodType>(schema: S): S {
  const noNul = z.unknown().superRefine((value, ctx) => {
    const path = nulCharacterPath(value);
    if (path) ctx.addIssue({ code: "custom", path, message: NUL_MESSAGE });
  });
  return noNul.pipe(schema) as unknown as S; // same input and output as `schema`: the check only refuses
}

/** The names of an object schema's fields (an expected error naming one is shown beside that input). */
function topLevelFields(schema: z.ZodType): Set<string> {
  let s = schema as unknown as { shape?: Record<string, unknown>; def?: { type?: string; in?: unknown } };
  while (s.def?.type === "pipe" && s.def.in) s = s.def.in as typeof s; // .transform() wraps the object in a pipe
  return new Set(s.shape && typeof s.shape === "object" ? Object.keys(s.shape) : []);
}
