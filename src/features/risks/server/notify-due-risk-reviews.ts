import "server-only";

import { describeDue, DUE_SOON_DAYS, dueDedupeKey, dueState, type DueScanScope } from "@/domain/due-dates";
import { addUtcDays, utcDateOf } from "@/domain/template";
import { db } from "@/server/db";
import { notify } from "@/server/notifications/notify";

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
  let notified = 0;
  for (const k of risks) {
    const state = dueState(k.reviewDate!, today, false);
    if (!state || !k.owner) continue;
    const r = await db.$transaction((tx) =>
      notify(tx, {
        kind: riskReviewDueKind,
        programmeId: k.programmeId,
        recipientIds: [k.owner!.userId],
        subject: `Risk review '${k.title}' is ${describeDue(k.reviewDate!, today)}`,
        text: `Review date ${k.reviewDate!.toISOString().slice(0, 10)}. You own this risk: reassess it and set its next review.`,
        link: `/programmes/${k.programme.slug}/risks/${k.id}`,
        dedupeKey: dueDedupeKey("risk-review", k.id, state, k.reviewDate!),
      }),
    );
    notified += r.notified.length;
  }
  return notified;
}
