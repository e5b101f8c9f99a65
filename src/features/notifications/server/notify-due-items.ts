import "server-only";

import { notifyDueConditions } from "@/features/gates/server/notify-due-conditions";
import { notifyDueMilestones } from "@/features/milestones/server/notify-due-milestones";
import { notifyDueRiskReviews } from "@/features/risks/server/notify-due-risk-reviews";

/** The daily due/overdue scan over every feature that has owned, dated items. */
export async function notifyDueItems(now = new Date()) {
  return {
    milestones: await notifyDueMilestones(now),
    riskReviews: await notifyDueRiskReviews(now),
    conditions: await notifyDueConditions(now),
  };
}
