import type { GateKey, GateStatus, Level, MilestoneStatus, PhaseKey, RiskStatus, UseCaseStatus } from "./enums";
import { daysLate, isSlipped } from "./milestones";
import { isHighRisk, isOpenRisk } from "./risk";
import { programmeDay, utcDateOf } from "./template";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface OverviewInput {
  startDate: Date;
  totalDays: number;
  currentPhase: PhaseKey;
  phases: { key: PhaseKey; name: string; plannedStart: Date; plannedEnd: Date | null; actualStart: Date | null; actualEnd: Date | null }[];
  gates: { key: GateKey; name: string; plannedDate: Date; status: GateStatus }[];
  milestones: { id: string; week: number; title: string; dueDate: Date; status: MilestoneStatus; ownerName: string | null }[];
  risks: { probability: Level; impact: Level; status: RiskStatus; ownerId: string | null }[];
  stakeholders: { relationshipOwnerId: string | null }[];
  criteria: { status: string; ownerId: string | null }[];
  useCases: { status: UseCaseStatus; ownerId: string | null }[];
  departmentBudgets?: { ownerId: string | null }[];
}

export type PhaseState = "done" | "current" | "upcoming";

export function describeDay(day: number, totalDays: number): string {
  if (day < 1) return `Starts in ${1 - day} day${1 - day === 1 ? "" : "s"}`;
  if (day <= totalDays) return `Day ${day} of ${totalDays}`;
  return `Day ${day} · ${day - totalDays} days after the ${totalDays}-day plan`;
}

export function summariseOverview(input: OverviewInput, now: Date) {
  const today = utcDateOf(now);
  const day = programmeDay(input.startDate, today);
  const currentIndex = input.phases.findIndex((p) => p.key === input.currentPhase);

  const phases = input.phases.map((p, i) => {
    const state: PhaseState = i < currentIndex ? "done" : i === currentIndex ? "current" : "upcoming";
    return { ...p, state };
  });

  const openMilestones = input.milestones
    .filter((m) => m.status !== "DONE")
    .sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime() || a.week - b.week);
  const nextMilestones = openMilestones.slice(0, 5).map((m) => ({
    ...m,
    slipped: isSlipped(m, today),
    daysLate: daysLate({ ...m, completedAt: null }, today),
  }));

  const unowned = {
    risks: input.risks.filter((r) => isOpenRisk(r.status) && !r.ownerId).length,
    stakeholders: input.stakeholders.filter((s) => !s.relationshipOwnerId).length,
    milestones: openMilestones.filter((m) => !m.ownerName).length,
    criteria: input.criteria.filter((c) => c.status === "OPEN" && !c.ownerId).length,
    useCases: input.useCases.filter((u) => u.status !== "PARKED" && !u.ownerId).length,
    budgets: (input.departmentBudgets ?? []).filter((b) => !b.ownerId).length,
  };

  return {
    day,
    dayLabel: describeDay(day, input.totalDays),
    progressPct: Math.max(0, Math.min(100, Math.round((Math.min(day, input.totalDays) / input.totalDays) * 100))),
    phases,
    gates: input.gates.map((g) => {
      const daysToGo = Math.round((g.plannedDate.getTime() - today.getTime()) / DAY_MS);
      const open = g.status !== "APPROVED";
      return { ...g, overdue: open && daysToGo < 0, dueSoon: open && daysToGo >= 0 && daysToGo <= 14, daysToGo };
    }),
    nextMilestones,
    slippedMilestones: openMilestones.filter((m) => isSlipped(m, today)).length,
    openHighRisks: input.risks.filter((r) => isOpenRisk(r.status) && isHighRisk(r.probability, r.impact)).length,
    unowned: { ...unowned, total: Object.values(unowned).reduce((a, b) => a + b, 0) },
  };
}
export type OverviewSummary = ReturnType<typeof summariseOverview>;
