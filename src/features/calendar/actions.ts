"use server";

import { authedAction } from "@/server/action-client";

import { createCalendarLinkSchema } from "./schemas";
import { createCalendarLink } from "./server/create-calendar-link";

// The operation authorizes the signed-in member (programme.read) against the database.
export const createCalendarLinkAction = authedAction
  .inputSchema(createCalendarLinkSchema)
  .action(async ({ parsedInput, ctx }) => createCalendarLink(ctx.user, parsedInput));
