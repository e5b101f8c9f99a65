import "server-only";

import type { DecisionRef } from "@/domain/decisions";
import type { DecisionStatus } from "@/domain/enums";
import type { Tx } from "@/server/db";
import { NotFoundError } from "@/server/errors";

/** What a decision record's audit events record. */
export const decisionAuditSelect = {
  id: true,
  number: true,
  title: true,
  claudeProduct: true,
  models: true,
  dataFlows: true,
  integrationPoints: true,
  failureModes: true,
  status: true,
  supersededById: true,
  acceptedAt: true,
} as const;

/**
 * Locks decision records of one programme (SELECT … FOR UPDATE, in id order so two callers never
 * wait on each other crosswise) and returns them by id. An id of another programme, or of nothing,
 * is "not found".
 */
export async function lockDecisions(tx: Tx, programmeId: string, ids: string[]): Promise<Map<string, DecisionRef>> {
  const unique = [...new Set(ids)].sort();
  const rows = await tx.$queryRaw<{ id: string; number: number; status: DecisionStatus }[]>`
    SELECT id, number, status::text AS status FROM "DecisionRecord"
    WHERE "programmeId" = ${programmeId}::uuid AND id = ANY(${unique}::uuid[])
    ORDER BY id FOR UPDATE`;
  if (rows.length !== unique.length) throw new NotFoundError("Decision record not found.");
  return new Map(rows.map((r) => [r.id, { id: r.id, number: Number(r.number), status: r.status }]));
}
