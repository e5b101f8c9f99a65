import "server-only";

import { toUtcDate } from "@/domain/dates";
import type { Level, RiskStatus } from "@/domain/enums";
import type { Tx } from "@/server/db";
import { RuleError } from "@/server/errors";

/** What a risk's audit events record. */
export const riskAuditSelect = {
  id: true,
  title: true,
  probability: true,
  impact: true,
  consequence: true,
  mitigation: true,
  ownerId: true,
  status: true,
  reviewDate: true,
  fromPlaybook: true,
} as const;

export const toDate = (iso: string | null) => (iso ? toUtcDate(iso) : null);

/** A risk's columns from validated form input (create and update). */
export function riskData(input: {
  title: string;
  probability: Level;
  impact: Level;
  consequence: string;
  mitigation: string;
  ownerId: string | null;
  status: RiskStatus;
  reviewDate: string | null;
}) {
  return {
    title: input.title,
    probability: input.probability,
    impact: input.impact,
    consequence: input.consequence,
    mitigation: input.mitigation,
    ownerId: input.ownerId,
    status: input.status,
    reviewDate: toDate(input.reviewDate),
  };
}

export async function assertOwnerIsMember(tx: Tx, programmeId: string, ownerId: string | null) {
  if (ownerId && !(await tx.membership.findFirst({ where: { id: ownerId, programmeId }, select: { id: true } })))
    throw new RuleError("The owner must be a member of this programme.", "ownerId");
}
