import { defineNotificationKind } from "@/server/notifications/kinds";

export const versionAwaitsApprovalKind = defineNotificationKind({
  key: "workflows.approval-requested",
  label: "A workflow version awaits your approval",
  description: "When a version is marked as the candidate for production (to the people who may approve it, not its author).",
  defaultDelivery: "IMMEDIATE",
});

export const evaluationFinishedKind = defineNotificationKind({
  key: "workflows.evaluation-finished",
  label: "An evaluation you started finished",
  description: "When an evaluation you started completes or fails.",
  defaultDelivery: "IMMEDIATE",
});

export const WORKFLOW_NOTIFICATION_KINDS = [versionAwaitsApprovalKind, evaluationFinishedKind];
