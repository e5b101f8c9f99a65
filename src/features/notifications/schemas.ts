import { z } from "zod";

import { DELIVERIES, KIND_KEY_PATTERN } from "@/server/notifications/kinds";

export const markNotificationReadSchema = z.object({ notificationId: z.string().uuid("Unknown notification.") });
export const markAllNotificationsReadSchema = z.object({});
export const setNotificationPreferenceSchema = z.object({
  kind: z.string().regex(KIND_KEY_PATTERN, "Unknown kind of notification."),
  delivery: z.enum(DELIVERIES),
});
export type SetNotificationPreferenceInput = z.infer<typeof setNotificationPreferenceSchema>;
