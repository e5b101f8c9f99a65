import { defineNotificationKind } from "@/server/notifications/kinds";

export const riskReviewDueKind = defineNotificationKind({
  key: "risks.review-due",
  label: "A risk review you own is due or overdue",
  description: "Three days before the review date of an open risk you own, and once the review is overdue.",
  defaultDelivery: "IMMEDIATE",
});

export const RISK_NOTIFICATION_KINDS = [riskReviewDueKind];
