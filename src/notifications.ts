/**
 * Composition root of notifications: every feature's notification kinds, in the order the preferences
 * page lists them. Importing this module registers them with src/server/notifications (so the daily
 * digest can name a kind). A feature that adds kinds adds its list here.
 */
import { COHORT_NOTIFICATION_KINDS } from "@/features/cohorts/notifications";
import { GATE_NOTIFICATION_KINDS } from "@/features/gates/notifications";
import { MILESTONE_NOTIFICATION_KINDS } from "@/features/milestones/notifications";
import { REPORT_NOTIFICATION_KINDS } from "@/features/reports/notifications";
import { RISK_NOTIFICATION_KINDS } from "@/features/risks/notifications";
import { WORKFLOW_NOTIFICATION_KINDS } from "@/features/workflows/notifications";
import { kindCatalog, registerNotificationKinds } from "@/server/notifications/kinds";

export const NOTIFICATION_KINDS = [
  ...GATE_NOTIFICATION_KINDS,
  ...MILESTONE_NOTIFICATION_KINDS,
  ...RISK_NOTIFICATION_KINDS,
  ...WORKFLOW_NOTIFICATION_KINDS,
  ...REPORT_NOTIFICATION_KINDS,
  ...COHORT_NOTIFICATION_KINDS,
];

/** Every kind by key (throws at start if two features define one key). */
export const NOTIFICATION_KIND_CATALOG = kindCatalog(NOTIFICATION_KINDS);

registerNotificationKinds(...NOTIFICATION_KINDS);
