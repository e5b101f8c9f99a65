import "server-only";

import { isHighRisk, isOnHeatMap, isOpenRisk, isOverdueRisk, isUnownedRisk, riskHeatMap, riskScore } from "@/domain/risk";
import { utcDateOf } from "@/domain/template";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { riskFilterSchema, type RiskFilter } from "../schemas";
import { riskAuditSelect } from "./risk-select";

export const riskRowSelect = {
  ...riskAuditSelect,
  createdAt: true,
  owner: { select: { user: { select: { name: true } } } },
} as const;

/**
 * The risk register: every risk (the playbook's ten and the programme's own), highest score first,
 * each flagged when open and unowned or past its review date; the probability × impact heat map; and
 * the list narrowed to one heat-map cell or one flag when asked.
 */
export async function listRisks(actor: Actor, programmeSlug: string, rawFilter: unknown = {}, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  const filter: RiskFilter = riskFilterSchema.parse(rawFilter ?? {});
  const today = utcDateOf(now);
  const rows = await db.risk.findMany({ where: { programmeId }, select: riskRowSelect, orderBy: [{ createdAt: "asc" }, { title: "asc" }] });
  const risks = rows
    .map(({ owner, ...r }) => ({
      ...r,
      ownerName: owner?.user.name ?? null,
      score: riskScore(r.probability, r.impact),
      high: isHighRisk(r.probability, r.impact),
      unowned: isUnownedRisk(r),
      overdue: isOverdueRisk(r, today),
    }))
    .sort(
      (a, b) =>
        Number(isOpenRisk(b.status)) - Number(isOpenRisk(a.status)) || b.score - a.score || a.createdAt.getTime() - b.createdAt.getTime(),
    );
  const cell = filter.probability && filter.impact ? { probability: filter.probability, impact: filter.impact } : null;
  const shown = risks.filter((r) => {
    if (cell && !(isOnHeatMap(r.status) && r.probability === cell.probability && r.impact === cell.impact)) return false;
    if (filter.flag === "unowned" && !r.unowned) return false;
    if (filter.flag === "overdue" && !r.overdue) return false;
    return true;
  });
  return {
    access,
    risks: shown,
    total: risks.length,
    filter: { cell, flag: filter.flag ?? null },
    heatMap: riskHeatMap(risks),
    counts: {
      open: risks.filter((r) => isOpenRisk(r.status)).length,
      openHigh: risks.filter((r) => isOpenRisk(r.status) && r.high).length,
      unowned: risks.filter((r) => r.unowned).length,
      overdue: risks.filter((r) => r.overdue).length,
    },
    canManage: access.can("risks.manage"),
  };
}
