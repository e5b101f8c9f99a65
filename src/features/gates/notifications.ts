import { defineNotificationKind } from "@/server/notifications/kinds";

/** The gates feature's notification kinds (listed for everyone in src/notifications.ts). */
export const gateReviewOpenKind = defineNotificationKind({
  key: "gates.review-open",
  label: "A gate is open for your sign-off",
  description: "When a gate that needs your review function is opened for review (or for a new round).",
  defaultDelivery: "IMMEDIATE",
});

export const signatureVoidedKind = defineNotificationKind({
  key: "gates.signature-voided",
  label: "Your signature was voided",
  description: "When the evidence you signed changes and your sign-off needs to be given again.",
  defaultDelivery: "IMMEDIATE",
});

export const gateDecidedKind = defineNotificationKind({
  key: "gates.decided",
  label: "A gate was decided",
  description:
    "When a gate is approved or rejected, or the Pilot Debrief's decision is recorded (programme managers, sponsors, its reviewers).",
  defaultDelivery: "IMMEDIATE",
});

export const conditionDueKind = defineNotificationKind({
  key: "gates.condition-due",
  label: "A condition you own is due or overdue",
  description: "Three days before a Pilot Debrief condition you own is due, and once it is overdue.",
  defaultDelivery: "IMMEDIATE",
});

export const GATE_NOTIFICATION_KINDS = [gateReviewOpenKind, signatureVoidedKind, gateDecidedKind, conditionDueKind];
