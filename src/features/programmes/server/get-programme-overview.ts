import "server-only";

import { summariseOverview } from "@/domain/overview";
import { getTemplate } from "@/domain/template";
import { riskSummary } from "@/features/risks/server/risk-summary";
import { stakeholderFlags } from "@/features/stakeholders/server/stakeholder-flags";
import { countScopeCreep } from "@/features/use-cases/server/count-scope-creep";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

export async function getProgrammeOverview(actor: Actor, programmeSlug: string, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  const [phases, gates, milestones, risks, stakeholders, criteria, useCases, flags, memberCount] = await Promise.all([
    db.phase.findMany({
      where: { programmeId },
      orderBy: { ordinal: "asc" },
      select: { key: true, name: true, plannedStart: true, plannedEnd: true, actualStart: true, actualEnd: true },
    }),
    db.gate.findMany({
      where: { programmeId },
      orderBy: { ordinal: "asc" },
      select: {
        key: true,
        name: true,
        plannedDate: true,
        status: true,
        decision: true,
        requiredFunctions: true,
        _count: { select: { criteria: true } },
        criteria: { where: { status: { in: ["MET", "WAIVED"] } }, select: { id: true } },
      },
    }),
    db.milestone.findMany({
      where: { programmeId },
      select: { id: true, week: true, title: true, dueDate: true, status: true, owner: { select: { user: { select: { name: true } } } } },
    }),
    db.risk.findMany({ where: { programmeId }, select: { probability: true, impact: true, status: true, ownerId: true } }),
    db.stakeholder.findMany({ where: { programmeId }, select: { relationshipOwnerId: true } }),
    db.gateCriterion.findMany({ where: { programmeId }, select: { status: true, ownerId: true } }),
    db.useCase.findMany({ where: { programmeId }, select: { status: true, ownerId: true } }),
    stakeholderFlags(programmeId, now),
    db.membership.count({ where: { programmeId } }),
  ]);
  const [scopeCreep, risksNow, departmentBudgets] = await Promise.all([
    countScopeCreep(programmeId),
    riskSummary(programmeId, now),
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
    gates.map((g) => [g.key, { met: g.criteria.length, total: g._count.criteria, functions: g.requiredFunctions }]),
  );
  // Flags worth a programme manager's attention today; unowned stakeholders are counted with the unowned items.
  const stakeholderAlerts = flags.filter((f) => f.kind !== "UNOWNED");
  return { access, summary, gateProgress, stakeholderAlerts, scopeCreep, overdueRisks: risksNow.overdue, memberCount };
}
