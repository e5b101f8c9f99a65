"use server";

import { userAction } from "@/server/action-client";

import { markAllNotificationsReadSchema, markNotificationReadSchema, setNotificationPreferenceSchema } from "./schemas";
import { markAllNotificationsRead, markNotificationRead } from "./server/inbox";
import { setNotificationPreference } from "./server/preferences";

// Each operation acts only on the signed-in person's own notifications and settings. The bell's count
// is in the app layout: refresh it with the page.
const everything = () => [{ path: "/", type: "layout" as const }];

export const markNotificationReadAction = userAction(markNotificationReadSchema, markNotificationRead, { revalidate: everything });
export const markAllNotificationsReadAction = userAction(markAllNotificationsReadSchema, markAllNotificationsRead, {
  revalidate: everything,
});
export const setNotificationPreferenceAction = userAction(setNotificationPreferenceSchema, setNotificationPreference, {
  revalidate: () => [{ path: "/settings/notifications", type: "page" }],
});
