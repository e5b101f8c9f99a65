import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { updatePriceSchema, type UpdatePriceInput } from "../schemas";
import { priceSelect } from "./cost-data";
import { ensureDefaultPrices } from "./seed-default-prices";

/**
 * The programme manager corrects a row of the price table (its label and prices; the model and the
 * effective date identify the row and stay). To record a price change from a date, add a row instead.
 */
export async function updatePrice(actor: Actor, raw: UpdatePriceInput) {
  const input = updatePriceSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "costs.manage");
  const programmeId = access.programme.id;
  await ensureDefaultPrices(programmeId);
  return db.$transaction(async (tx) => {
    const before = await tx.modelPrice.findFirst({ where: { id: input.priceId, programmeId }, select: priceSelect });
    if (!before) throw new NotFoundError("Price not found.");
    const after = await tx.modelPrice.update({
      where: { id: before.id },
      data: {
        label: input.label,
        inputPerMTok: input.inputPerMTok,
        cacheWrite5mPerMTok: input.cacheWrite5mPerMTok,
        cacheWrite1hPerMTok: input.cacheWrite1hPerMTok,
        cacheReadPerMTok: input.cacheReadPerMTok,
        outputPerMTok: input.outputPerMTok,
        batchDiscountPct: input.batchDiscountPct,
      },
      select: priceSelect,
    });
    const { updatedAt: _b, ...b } = before;
    const { updatedAt: _a, ...a } = after;
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "price.update",
      entityType: "ModelPrice",
      entityId: after.id,
      before: b,
      after: a,
    });
    return after;
  });
}
