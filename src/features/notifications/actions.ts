"use server";

import { userAction } from "@/server/action-client";

import { markAllNotificationsReadSchema, markNotificationReadSchema, setNotificationPreferenceSchema } from "./schemas";
import { markAllNotificationsRead, markNotificationRead } from "./server/inbox";
import { setNotificationPreference } from "./server/preferences";

// Authorization: the factory loads the signed-in user from the database (requireUser), and each operation
// reads and writes only that person's rows — notifications through `visibleTo(actor.id)` (theirs, in
// programmes they are still a member of), preferences by their user id. The bell's count is in the app
// layout: refresh it with the page.
const everything = () => [{ path: "/", type: "layout" as const }];

export const markNotificationReadAction = userAction(markNotificationReadSchema, markNotificationRead, { revalidate: everything });
export const markAllNotificationsReadAction = userAction(markAllNotificationsReadSchema, markAllNotificationsRead, {
  revalidate: everything,
});
export const setNotificationPreferenceAction = userAction(setNotificationPreferenceSchema, setNotificationPreference, {
  revalidate: () => [{ path: "/settings/notifications", type: "page" }],
});
