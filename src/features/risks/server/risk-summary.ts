import "server-only";

import { isHighRisk, isOpenRisk, isOverdueRisk, isUnownedRisk } from "@/domain/risk";
import { utcDateOf } from "@/domain/template";
import { db } from "@/server/db";

/** Counts of the register for a programme the caller has already authorized (the overview, say). */
export async function riskSummary(programmeId: string, now = new Date()) {
  const today = utcDateOf(now);
  const risks = await db.risk.findMany({
    where: { programmeId },
    select: { probability: true, impact: true, status: true, ownerId: true, reviewDate: true },
  });
  return {
    open: risks.filter((r) => isOpenRisk(r.status)).length,
    openHigh: risks.filter((r) => isOpenRisk(r.status) && isHighRisk(r.probability, r.impact)).length,
    unowned: risks.filter((r) => isUnownedRisk(r)).length,
    overdue: risks.filter((r) => isOverdueRisk(r, today)).length,
  };
}
