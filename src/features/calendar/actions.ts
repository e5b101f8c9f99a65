"use server";

import { programmeAction } from "@/server/action-client";

import { createCalendarLinkSchema } from "./schemas";
import { createCalendarLink } from "./server/create-calendar-link";

// The operation authorizes the signed-in member (programme.read) against the database.
/** The link is shown once by the form that asked for it: no page to refresh. */
export const createCalendarLinkAction = programmeAction(createCalendarLinkSchema, createCalendarLink, { revalidate: false });
