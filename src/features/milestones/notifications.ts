import { defineNotificationKind } from "@/server/notifications/kinds";

export const milestoneDueKind = defineNotificationKind({
  key: "milestones.due",
  label: "A milestone you own is due or overdue",
  description: "Three days before a milestone you own is due, and once it is overdue.",
  defaultDelivery: "IMMEDIATE",
});

export const MILESTONE_NOTIFICATION_KINDS = [milestoneDueKind];
