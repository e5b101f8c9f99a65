import "server-only";

import { DUE_SOON_DAYS, type DueScanScope } from "@/domain/due-dates";
import { addUtcDays, utcDateOf } from "@/domain/template";
import { db } from "@/server/db";
import { notifyDueOwners } from "@/server/notifications/notify-due";

import { riskReviewDueKind } from "../notifications";

/**
 * Part of the daily due/overdue scan: tells the owner of each open risk of an active programme that its
 * review is due within three days, or overdue; once per risk, state and review date.
 */
export async function notifyDueRiskReviews(now = new Date(), scope: DueScanScope = {}): Promise<number> {
  const today = utcDateOf(now);
  const risks = await db.risk.findMany({
    where: {
      status: { in: ["OPEN", "MITIGATING"] },
      ownerId: { not: null },
      reviewDate: { not: null, lte: addUtcDays(today, DUE_SOON_DAYS) },
      programme: { status: "ACTIVE" },
      ...(scope.programmeIds ? { programmeId: { in: scope.programmeIds } } : {}),
    },
    select: {
      id: true,
      title: true,
      reviewDate: true,
      programmeId: true,
      programme: { select: { slug: true } },
      owner: { select: { userId: true } },
    },
  });
  const items = risks.flatMap((k) => (k.owner && k.reviewDate ? [{ ...k, dueDate: k.reviewDate, ownerUserId: k.owner.userId }] : []));
  return notifyDueOwners(riskReviewDueKind, "risk-review", items, today, (k, due) => ({
    subject: `Risk review '${k.title}' is ${due}`,
    text: `Review date ${k.dueDate.toISOString().slice(0, 10)}. You own this risk: reassess it and set its next review.`,
    link: `/programmes/${k.programme.slug}/risks/${k.id}`,
  }));
}
