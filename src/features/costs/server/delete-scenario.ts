import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { deleteScenarioSchema, type DeleteScenarioInput } from "../schemas";
import { scenarioSelect } from "./cost-data";

/** The programme manager deletes a scenario, unless a budget was approved on it (the approval keeps its scenario). */
export async function deleteScenario(actor: Actor, raw: DeleteScenarioInput) {
  const input = deleteScenarioSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "costs.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "CostScenario" WHERE id = ${input.scenarioId}::uuid AND "programmeId" = ${programmeId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError("Scenario not found.");
    const before = await tx.costScenario.findUniqueOrThrow({ where: { id: input.scenarioId }, select: scenarioSelect });
    if ((await tx.budgetApproval.count({ where: { scenarioId: before.id } })) > 0)
      throw new RuleError(
        `The sponsor approved a budget on "${before.name}"; it stays as the record of that approval. Create a new scenario instead.`,
      );
    await tx.costScenario.delete({ where: { id: before.id } });
    const { id: _i, createdAt: _c, updatedAt: _u, ...old } = before;
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "scenario.delete",
      entityType: "CostScenario",
      entityId: before.id,
      before: old,
    });
    return { deleted: before.id };
  });
}
