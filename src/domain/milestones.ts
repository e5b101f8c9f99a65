import type { MilestoneStatus, PhaseKey } from "./enums";

const DAY = 86_400_000;

export interface MilestoneFact {
  phase: PhaseKey;
  dueDate: Date;
  status: MilestoneStatus;
  completedAt: Date | null;
}

/** Days late: finished after its due date, or still open past it. 0 when on time. */
export function daysLate(m: Pick<MilestoneFact, "dueDate" | "status" | "completedAt">, today: Date): number {
  const end = m.status === "DONE" ? m.completedAt : today;
  if (!end) return 0;
  return Math.max(0, Math.round((end.getTime() - m.dueDate.getTime()) / DAY));
}

export const isSlipped = (m: Pick<MilestoneFact, "dueDate" | "status">, today: Date) =>
  m.status !== "DONE" && today.getTime() > m.dueDate.getTime();

/**
 * "Slipping on milestones in Phase 1 always means slipping on the production date": the projected
 * production date moves by the largest slip among Discovery & Architecture milestones.
 */
export function projectProductionDate(milestones: readonly MilestoneFact[], plannedProduction: Date, today: Date) {
  const shiftDays = Math.max(0, ...milestones.filter((m) => m.phase === "DISCOVERY").map((m) => daysLate(m, today)));
  return { shiftDays, projected: new Date(plannedProduction.getTime() + shiftDays * DAY) };
}
