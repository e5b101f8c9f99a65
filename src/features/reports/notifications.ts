import { defineNotificationKind } from "@/server/notifications/kinds";

export const weeklyReportReadyKind = defineNotificationKind({
  key: "reports.weekly-ready",
  label: "The weekly report is ready",
  description: "Each week, to the programme's sponsors, with the report as a PDF attached.",
  defaultDelivery: "IMMEDIATE",
});

export const REPORT_NOTIFICATION_KINDS = [weeklyReportReadyKind];
