import "server-only";

import { sameAmount, scenarioCost } from "@/domain/costs";
import { roundCents } from "@/domain/money";
import { formatUsd } from "@/lib/format";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { approveBudgetSchema, type ApproveBudgetInput } from "../schemas";
import { loadPriceTable, scenarioSelect, toScenarioInput } from "./cost-data";
import { ensureDefaultPrices } from "./seed-default-prices";

/**
 * The sponsor approves the budget of a scenario: the monthly and 90-day amounts are computed here,
 * from the scenario and the price table at this moment, never taken from the browser. The sponsor
 * confirms the monthly amount they saw; if the scenario or the prices changed since, the approval is
 * refused so nobody approves a figure they did not see. Only the sponsor role holds budget.approve.
 */
export async function approveBudget(actor: Actor, raw: ApproveBudgetInput, now = new Date()) {
  const input = approveBudgetSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "budget.approve");
  const programmeId = access.programme.id;
  await ensureDefaultPrices(programmeId);
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "CostScenario" WHERE id = ${input.scenarioId}::uuid AND "programmeId" = ${programmeId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError("Scenario not found.");
    const scenario = await tx.costScenario.findUniqueOrThrow({ where: { id: input.scenarioId }, select: scenarioSelect });
    const prices = await loadPriceTable(tx, programmeId, now);
    const result = scenarioCost(toScenarioInput(scenario), prices.current);
    if (result.unpricedModels.length > 0)
      throw new RuleError(
        `"${scenario.name}" uses models without a price in the price table (${result.unpricedModels.join(", ")}); the programme manager must fix that before the budget can be approved.`,
      );
    if (!sameAmount(result.monthlyTotal, input.expectedMonthly))
      throw new RuleError(
        `"${scenario.name}" changed since you opened it: it now costs ${formatUsd(result.monthlyTotal)} a month. Review it and approve again.`,
      );
    const approval = await tx.budgetApproval.create({
      data: {
        programmeId,
        scenarioId: scenario.id,
        monthlyAmount: roundCents(result.monthlyTotal),
        ninetyDayAmount: roundCents(result.ninetyDayTotal),
        approvedBy: `${actor.name} <${actor.email}>`,
        approverId: actor.id,
        approvedAt: now,
        note: input.note,
      },
      select: { id: true, monthlyAmount: true, ninetyDayAmount: true, approvedBy: true, approvedAt: true, note: true },
    });
    const { id: _i, createdAt: _c, updatedAt: _u, ...figures } = scenario;
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "budget.approve",
      entityType: "BudgetApproval",
      entityId: approval.id,
      after: {
        scenarioId: scenario.id,
        scenario: scenario.name,
        monthlyAmount: approval.monthlyAmount,
        ninetyDayAmount: approval.ninetyDayAmount,
        note: approval.note,
        figures,
      },
    });
    return approval;
  });
}
