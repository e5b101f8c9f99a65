"use server";

import { createCalendarLinkSchema } from "./schemas";
import { createCalendarLink } from "./server/create-calendar-link";
import { authedAction } from "@/server/action-client";

// The operation authorizes the signed-in member (programme.read) against the database.
export const createCalendarLinkAction = authedAction.inputSchema(createCalendarLinkSchema).action(async ({ parsedInput, ctx }) => createCalendarLink(ctx.user, parsedInput));
