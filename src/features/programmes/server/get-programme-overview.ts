import "server-only";

import { summariseOverview } from "@/domain/overview";
import { isOverdueRisk } from "@/domain/risk";
import { flagStakeholders } from "@/domain/stakeholders";
import { getTemplate, utcDateOf } from "@/domain/template";
import { stakeholderFlagSelect } from "@/features/stakeholders/server/stakeholder-flags";
import { countScopeCreep } from "@/features/use-cases/server/count-scope-creep";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

/**
 * The overview's figures in one round of queries, each table read once: the risks give both the unowned
 * count and the overdue count, the stakeholders both the unowned count and the flags, the criteria both the
 * unowned count and each gate's progress (decision record 020). Every view reads the database afresh.
 */
export async function getProgrammeOverview(actor: Actor, programmeSlug: string, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  const [phases, gates, milestones, risks, stakeholders, criteria, useCases, memberCount, scopeCreep, departmentBudgets] =
    await Promise.all([
      db.phase.findMany({
        where: { programmeId },
        orderBy: { ordinal: "asc" },
        select: { key: true, name: true, plannedStart: true, plannedEnd: true, actualStart: true, actualEnd: true },
      }),
      db.gate.findMany({
        where: { programmeId },
        orderBy: { ordinal: "asc" },
        select: { id: true, key: true, name: true, plannedDate: true, status: true, decision: true, requiredFunctions: true },
      }),
      db.milestone.findMany({
        where: { programmeId },
        select: { id: true, week: true, title: true, dueDate: true, status: true, owner: { select: { user: { select: { name: true } } } } },
      }),
      db.risk.findMany({
        where: { programmeId },
        select: { probability: true, impact: true, status: true, ownerId: true, reviewDate: true },
      }),
      db.stakeholder.findMany({ where: { programmeId }, select: stakeholderFlagSelect }),
      db.gateCriterion.findMany({ where: { programmeId }, select: { gateId: true, status: true, ownerId: true } }),
      db.useCase.findMany({ where: { programmeId }, select: { status: true, ownerId: true } }),
      db.membership.count({ where: { programmeId } }),
      countScopeCreep(programmeId),
      db.departmentBudget.findMany({ where: { programmeId }, select: { ownerId: true } }),
    ]);
  const template = getTemplate(access.programme.templateVersion);
  const summary = summariseOverview(
    {
      startDate: access.programme.startDate,
      totalDays: template.totalDays,
      currentPhase: access.programme.currentPhase,
      phases,
      gates,
      milestones: milestones.map(({ owner, ...m }) => ({ ...m, ownerName: owner?.user.name ?? null })),
      risks,
      stakeholders,
      criteria,
      useCases,
      departmentBudgets,
    },
    now,
  );
  const gateProgress = new Map(
    gates.map((g) => {
      const own = criteria.filter((c) => c.gateId === g.id);
      return [
        g.key,
        { met: own.filter((c) => c.status === "MET" || c.status === "WAIVED").length, total: own.length, functions: g.requiredFunctions },
      ];
    }),
  );
  // Flags worth a programme manager's attention today; unowned stakeholders are counted with the unowned items.
  const stakeholderAlerts = flagStakeholders(access.programme.startDate, stakeholders, now).filter((f) => f.kind !== "UNOWNED");
  const today = utcDateOf(now);
  const overdueRisks = risks.filter((r) => isOverdueRisk(r, today)).length;
  return { access, summary, gateProgress, stakeholderAlerts, scopeCreep, overdueRisks, memberCount };
}
