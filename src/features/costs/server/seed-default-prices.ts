import "server-only";

import { priceTableSeed, PUBLISHED_PRICES_EFFECTIVE, PUBLISHED_PRICES_SOURCE } from "@/domain/prices";
import { appendAudit, type AuditActor } from "@/server/audit";
import { db, type Tx } from "@/server/db";

export const PRICE_SEED_ACTOR: AuditActor = { id: null, label: "system (default price table)" };

/**
 * Inserts the published price table for a programme that has none, inside the caller's transaction.
 * Idempotent: rows that already exist (same model and effective date) are skipped through the unique
 * constraint, so concurrent first visits insert the table once; only a run that inserted rows is audited.
 */
export async function seedDefaultPrices(tx: Tx, programmeId: string, actor: AuditActor = PRICE_SEED_ACTOR): Promise<number> {
  const rows = priceTableSeed(programmeId);
  const { count } = await tx.modelPrice.createMany({ data: rows, skipDuplicates: true });
  if (count > 0)
    await appendAudit(tx, {
      programmeId,
      actor,
      action: "price.seed",
      entityType: "ModelPrice",
      after: { source: PUBLISHED_PRICES_SOURCE, effectiveFrom: PUBLISHED_PRICES_EFFECTIVE, rows: count, models: rows.map((r) => r.model) },
    });
  return count;
}

/**
 * Programmes created before the cost model have no price table: the first operation that needs
 * prices seeds it. Cheap when the table exists (one count).
 */
export async function ensureDefaultPrices(programmeId: string): Promise<void> {
  if ((await db.modelPrice.count({ where: { programmeId } })) > 0) return;
  await db.$transaction(async (tx) => {
    if ((await tx.modelPrice.count({ where: { programmeId } })) > 0) return;
    await seedDefaultPrices(tx, programmeId);
  });
}
