import "server-only";

import { isoDateToUtc } from "@/domain/prices";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { ConflictError, isUniqueViolation } from "@/server/errors";

import { addPriceSchema, type AddPriceInput } from "../schemas";
import { priceSelect } from "./cost-data";
import { ensureDefaultPrices } from "./seed-default-prices";

/**
 * The programme manager adds a row to the price table: a new price for a model from a date (the row
 * in force is the latest one on or before today), or a model the table did not have.
 */
export async function addPrice(actor: Actor, raw: AddPriceInput) {
  const input = addPriceSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "costs.manage");
  const programmeId = access.programme.id;
  await ensureDefaultPrices(programmeId);
  const effectiveFrom = isoDateToUtc(input.effectiveFrom);
  const taken = () =>
    new ConflictError(`${input.model} already has a price effective from ${input.effectiveFrom}; edit that row instead.`, "effectiveFrom");
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.modelPrice.findFirst({ where: { programmeId, model: input.model, effectiveFrom }, select: { id: true } })) throw taken();
      const created = await tx.modelPrice.create({
        data: {
          programmeId,
          model: input.model,
          label: input.label,
          inputPerMTok: input.inputPerMTok,
          cacheWrite5mPerMTok: input.cacheWrite5mPerMTok,
          cacheWrite1hPerMTok: input.cacheWrite1hPerMTok,
          cacheReadPerMTok: input.cacheReadPerMTok,
          outputPerMTok: input.outputPerMTok,
          batchDiscountPct: input.batchDiscountPct,
          effectiveFrom,
        },
        select: priceSelect,
      });
      const { updatedAt: _u, ...after } = created;
      await appendAudit(tx, {
        programmeId,
        actor: auditActor(actor),
        action: "price.add",
        entityType: "ModelPrice",
        entityId: created.id,
        after,
      });
      return created;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
}
