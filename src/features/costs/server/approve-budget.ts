import "server-only";

import { randomUUID } from "node:crypto";

import { confirmedAgainst, planApproval, type ActiveApproval } from "@/domain/budget-approvals";
import { sameAmount, scenarioCost } from "@/domain/costs";
import { roundCents } from "@/domain/money";
import { formatUsd } from "@/lib/format";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db, type Tx } from "@/server/db";
import { ConflictError, isUniqueViolation, NotFoundError, RuleError } from "@/server/errors";

import { approveBudgetSchema, type ApproveBudgetInput } from "../schemas";
import { loadPriceTable, scenarioSelect, toScenarioInput } from "./cost-data";
import { ensureDefaultPrices } from "./seed-default-prices";

const approvalResult = { id: true, monthlyAmount: true, ninetyDayAmount: true, approvedBy: true, approvedAt: true, note: true } as const;

/** Serializes every approval change of one programme (approve, revoke, send back): a row lock on the programme. */
export async function lockProgrammeBudget(tx: Tx, programmeId: string) {
  await tx.$queryRaw`SELECT id FROM "Programme" WHERE id = ${programmeId}::uuid FOR NO KEY UPDATE`;
}

/** The programme's approved budget, if any (call after lockProgrammeBudget). */
export async function activeApproval(tx: Tx, programmeId: string): Promise<ActiveApproval | null> {
  const a = await tx.budgetApproval.findUnique({
    where: { activeProgrammeId: programmeId },
    select: { id: true, scenarioId: true, monthlyAmount: true, scenario: { select: { name: true } } },
  });
  return a ? { id: a.id, scenarioId: a.scenarioId, monthlyAmount: a.monthlyAmount, scenarioName: a.scenario.name } : null;
}

/**
 * The sponsor approves the budget of a scenario: the monthly and 90-day amounts are computed here,
 * from the scenario and the price table at this moment, never taken from the browser. The sponsor
 * confirms the monthly amount they saw and the approved budget it replaces (`supersedes`); if either
 * changed since, the approval is refused so nobody approves a figure, or replaces a budget, they did not
 * see. Approving the approved scenario at the same figure changes nothing (outcome "unchanged").
 * Settled in the database: the programme row is locked for the transaction and at most one approval
 * per programme holds the unique active key. Only the sponsor role holds budget.approve.
 */
export async function approveBudget(actor: Actor, raw: ApproveBudgetInput, now = new Date()) {
  const input = approveBudgetSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "budget.approve");
  const programmeId = access.programme.id;
  await ensureDefaultPrices(programmeId);
  try {
    return await db.$transaction(async (tx) => {
      await lockProgrammeBudget(tx, programmeId);
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
      const active = await activeApproval(tx, programmeId);
      const plan = planApproval(active, scenario.id, result.monthlyTotal);
      if (plan.kind === "unchanged") {
        const approval = await tx.budgetApproval.findUniqueOrThrow({ where: { id: plan.active.id }, select: approvalResult });
        return { ...approval, outcome: "unchanged" as const, superseded: null };
      }
      if (!confirmedAgainst(active, input.supersedes))
        throw new ConflictError(
          active
            ? `The approved budget changed since you opened this page: "${active.scenarioName}" at ${formatUsd(active.monthlyAmount)} a month is approved now. Review what your approval would replace and confirm again.`
            : "The approved budget was revoked since you opened this page: nothing is approved now. Review and confirm again.",
        );
      const id = randomUUID();
      const approvedBy = `${actor.name} <${actor.email}>`;
      if (plan.kind === "supersede")
        await tx.budgetApproval.update({
          where: { id: plan.active.id },
          data: {
            status: "SUPERSEDED",
            activeProgrammeId: null,
            endedAt: now,
            endedBy: approvedBy,
            endedById: actor.id,
            endReason: `Superseded by the approval of "${scenario.name}".`,
            supersededById: id,
          },
        });
      const approval = await tx.budgetApproval.create({
        data: {
          id,
          programmeId,
          scenarioId: scenario.id,
          monthlyAmount: roundCents(result.monthlyTotal),
          ninetyDayAmount: roundCents(result.ninetyDayTotal),
          approvedBy,
          approverId: actor.id,
          approvedAt: now,
          note: input.note,
          status: "ACTIVE",
          activeProgrammeId: programmeId,
        },
        select: approvalResult,
      });
      await tx.costScenario.update({ where: { id: scenario.id }, data: { sentBackAt: null, sentBackBy: null, sentBackReason: null } });
      const { id: _i, createdAt: _c, updatedAt: _u, ...figures } = scenario;
      const superseded =
        plan.kind === "supersede"
          ? { approvalId: plan.active.id, scenario: plan.active.scenarioName, monthlyAmount: plan.active.monthlyAmount }
          : null;
      await appendAudit(tx, {
        programmeId,
        actor: auditActor(actor),
        action: "budget.approve",
        entityType: "BudgetApproval",
        entityId: approval.id,
        before: superseded ? { approvedBudget: superseded } : undefined,
        after: {
          scenarioId: scenario.id,
          scenario: scenario.name,
          monthlyAmount: approval.monthlyAmount,
          ninetyDayAmount: approval.ninetyDayAmount,
          note: approval.note,
          supersedes: superseded?.approvalId ?? null,
          figures,
        },
      });
      return { ...approval, outcome: "approved" as const, superseded };
    });
  } catch (e) {
    // The unique active key is the backstop if two approvals ever got past the row lock.
    if (isUniqueViolation(e))
      throw new ConflictError("Another approval was recorded at the same moment. Reload the page and confirm again.");
    throw e;
  }
}
