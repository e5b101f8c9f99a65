import "server-only";

import { flagStakeholders, type StakeholderFlag } from "@/domain/stakeholders";
import { db } from "@/server/db";

export const stakeholderFlagSelect = {
  id: true,
  role: true,
  personName: true,
  stance: true,
  relationshipOwnerId: true,
  engageByWeek: true,
} as const;

/**
 * The stakeholder map's flags for a programme the caller has already authorized (the overview, say):
 * Procurement and IT Security not engaged past week 1, others past their engage-by week, blocking
 * stakeholders, and relationships without an owner. Each flag names its kind, role and message.
 */
export async function stakeholderFlags(programmeId: string, now = new Date()): Promise<StakeholderFlag[]> {
  const [programme, stakeholders] = await Promise.all([
    db.programme.findUnique({ where: { id: programmeId }, select: { startDate: true } }),
    db.stakeholder.findMany({ where: { programmeId }, select: stakeholderFlagSelect }),
  ]);
  if (!programme) return [];
  return flagStakeholders(programme.startDate, stakeholders, now);
}
