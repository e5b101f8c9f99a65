import "server-only";

import { scenarioCost } from "@/domain/costs";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { ConflictError, isUniqueViolation } from "@/server/errors";

import { createScenarioSchema, type CreateScenarioInput } from "../schemas";
import { assertModelsPriced, loadPriceTable, scenarioData } from "./cost-data";
import { ensureDefaultPrices } from "./seed-default-prices";

const nameTaken = (name: string) => new ConflictError(`There is already a scenario called "${name}" in this programme.`, "name");

/** The programme manager adds a cost scenario; its model mix may only use models in the price table. */
export async function createScenario(actor: Actor, raw: CreateScenarioInput, now = new Date()) {
  const input = createScenarioSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "costs.manage");
  const programmeId = access.programme.id;
  await ensureDefaultPrices(programmeId);
  try {
    return await db.$transaction(async (tx) => {
      const prices = await loadPriceTable(tx, programmeId, now);
      assertModelsPriced(input.modelMix, prices.pricedModels);
      if (await tx.costScenario.findFirst({ where: { programmeId, name: input.name }, select: { id: true } })) throw nameTaken(input.name);
      const data = scenarioData(input);
      const created = await tx.costScenario.create({ data: { programmeId, ...data }, select: { id: true, name: true } });
      const result = scenarioCost(input, prices.current);
      await appendAudit(tx, {
        programmeId,
        actor: auditActor(actor),
        action: "scenario.create",
        entityType: "CostScenario",
        entityId: created.id,
        after: { ...data, monthlyTotal: result.monthlyTotal, ninetyDayTotal: result.ninetyDayTotal },
      });
      return created;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(input.name);
    throw e;
  }
}
