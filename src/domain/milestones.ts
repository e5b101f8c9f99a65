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

/** The programme week a due date falls in (week 1 = days 1–7); a date before the start is week 1. */
export function weekOfDueDate(startDate: Date, dueDate: Date): number {
  return Math.max(1, Math.ceil((Math.round((dueDate.getTime() - startDate.getTime()) / DAY) + 1) / 7));
}

/** What the milestone plan can be filtered by: a phase, an owner (membership id, or "none"), a status or "slipped". */
export interface MilestoneFilter {
  phase?: PhaseKey;
  owner?: string;
  status?: MilestoneStatus | "SLIPPED";
}

export function matchesMilestoneFilter(
  m: Pick<MilestoneFact, "phase" | "status" | "dueDate"> & { ownerId: string | null },
  f: MilestoneFilter,
  today: Date,
): boolean {
  if (f.phase && m.phase !== f.phase) return false;
  if (f.owner && (f.owner === "none" ? m.ownerId !== null : m.ownerId !== f.owner)) return false;
  if (f.status === "SLIPPED") return isSlipped(m, today);
  if (f.status && m.status !== f.status) return false;
  return true;
}
