import "server-only";

import { scenarioCost } from "@/domain/costs";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { ConflictError, isUniqueViolation, NotFoundError } from "@/server/errors";

import { updateScenarioSchema, type UpdateScenarioInput } from "../schemas";
import { assertModelsPriced, loadPriceTable, scenarioData, scenarioSelect, toScenarioInput } from "./cost-data";
import { ensureDefaultPrices } from "./seed-default-prices";

const nameTaken = (name: string) => new ConflictError(`There is already a scenario called "${name}" in this programme.`, "name");

/**
 * The programme manager changes a scenario. Budget approvals already given keep the figures they
 * approved; the scenario page shows when the scenario no longer matches its approval.
 */
export async function updateScenario(actor: Actor, raw: UpdateScenarioInput, now = new Date()) {
  const input = updateScenarioSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "costs.manage");
  const programmeId = access.programme.id;
  await ensureDefaultPrices(programmeId);
  try {
    return await db.$transaction(async (tx) => {
      // Lock the row: a sponsor approving this scenario waits for the change, then sees it.
      const locked = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "CostScenario" WHERE id = ${input.scenarioId}::uuid AND "programmeId" = ${programmeId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new NotFoundError("Scenario not found.");
      const before = await tx.costScenario.findUniqueOrThrow({ where: { id: input.scenarioId }, select: scenarioSelect });
      const prices = await loadPriceTable(tx, programmeId, now);
      assertModelsPriced(input.modelMix, prices.pricedModels);
      if (
        await tx.costScenario.findFirst({ where: { programmeId, name: input.name, id: { not: input.scenarioId } }, select: { id: true } })
      )
        throw nameTaken(input.name);
      const data = scenarioData(input);
      // A change answers a sponsor's send-back: the mark is cleared.
      const updated = await tx.costScenario.update({
        where: { id: input.scenarioId },
        data: { ...data, sentBackAt: null, sentBackBy: null, sentBackReason: null },
        select: { id: true, name: true },
      });
      const { id: _i, createdAt: _c, updatedAt: _u, ...old } = before;
      await appendAudit(tx, {
        programmeId,
        actor: auditActor(actor),
        action: "scenario.update",
        entityType: "CostScenario",
        entityId: updated.id,
        before: { ...old, monthlyTotal: scenarioCost(toScenarioInput(before), prices.current).monthlyTotal },
        after: { ...data, monthlyTotal: scenarioCost(input, prices.current).monthlyTotal },
      });
      return updated;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(input.name);
    throw e;
  }
}
