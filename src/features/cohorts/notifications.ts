import { defineNotificationKind } from "@/server/notifications/kinds";

export const rollbackAlertKind = defineNotificationKind({
  key: "cohorts.rollback-alert",
  label: "A rollback trigger fired on a live cohort",
  description: "When measured usage breaches a cohort's rollback trigger (to the people with the authority to roll back).",
  defaultDelivery: "IMMEDIATE",
});

export const COHORT_NOTIFICATION_KINDS = [rollbackAlertKind];
