import "server-only";

import type { DueScanScope } from "@/domain/due-dates";
import { notifyDueConditions } from "@/features/gates/server/notify-due-conditions";
import { notifyDueMilestones } from "@/features/milestones/server/notify-due-milestones";
import { notifyDueRiskReviews } from "@/features/risks/server/notify-due-risk-reviews";

/** The daily due/overdue scan over every feature that has owned, dated items. */
export async function notifyDueItems(now = new Date(), scope: DueScanScope = {}) {
  return {
    milestones: await notifyDueMilestones(now, scope),
    riskReviews: await notifyDueRiskReviews(now, scope),
    conditions: await notifyDueConditions(now, scope),
  };
}
