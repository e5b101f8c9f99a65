import "server-only";

import { departmentAllocation, sameAmount, scenarioCost } from "@/domain/costs";
import { PUBLISHED_PRICES_EFFECTIVE } from "@/domain/prices";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { claudeConfigured } from "@/server/claude/client";
import { db } from "@/server/db";

import { loadPriceTable, scenarioSelect, toScenarioInput } from "./cost-data";
import { ensureDefaultPrices } from "./seed-default-prices";

export const approvalSelect = {
  id: true,
  scenarioId: true,
  monthlyAmount: true,
  ninetyDayAmount: true,
  approvedBy: true,
  approvedAt: true,
  note: true,
  status: true,
  endedAt: true,
  endedBy: true,
  endReason: true,
  scenario: { select: { name: true } },
} as const;

/** The cost model page: scenarios with their results, the approved budget and its history, department budgets. */
export async function getCostModel(actor: Actor, programmeSlug: string, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  await ensureDefaultPrices(programmeId);
  const [prices, scenarios, approvals, budgets, members] = await Promise.all([
    loadPriceTable(db, programmeId, now),
    db.costScenario.findMany({ where: { programmeId }, select: { ...scenarioSelect, sentBackAt: true }, orderBy: { name: "asc" } }),
    db.budgetApproval.findMany({ where: { programmeId }, select: approvalSelect, orderBy: { approvedAt: "desc" } }),
    db.departmentBudget.findMany({
      where: { programmeId },
      select: { id: true, department: true, monthlyAmount: true, ownerId: true, owner: { select: { user: { select: { name: true } } } } },
      orderBy: { department: "asc" },
    }),
    db.membership.findMany({
      where: { programmeId },
      select: { id: true, user: { select: { name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  // The approved budget is the active approval (decision record 023); the others are its history.
  const latestApproval = approvals.find((a) => a.status === "ACTIVE") ?? null;
  const rows = scenarios.map((s) => {
    const r = scenarioCost(toScenarioInput(s), prices.current);
    const approval = approvals.find((a) => a.scenarioId === s.id) ?? null;
    return {
      id: s.id,
      name: s.name,
      users: s.users,
      seats: s.seats,
      tasksPerMonth: r.tasksPerMonth,
      tokenCost: r.tokenCost,
      seatCost: r.seatCost,
      peopleCost: r.peopleCost.total,
      monthlyTotal: r.monthlyTotal,
      ninetyDayTotal: r.ninetyDayTotal,
      costPerTask: r.costPerTask,
      unpricedModels: r.unpricedModels,
      isApprovedBudget: latestApproval?.scenarioId === s.id,
      sentBack: s.sentBackAt !== null,
      lastApproval: approval
        ? {
            approvedAt: approval.approvedAt,
            monthlyAmount: approval.monthlyAmount,
            stillMatches: sameAmount(approval.monthlyAmount, r.monthlyTotal),
          }
        : null,
    };
  });
  const departmentBudgets = budgets.map(({ owner, ...b }) => ({ ...b, ownerName: owner?.user.name ?? null }));
  const effectiveDates = [...prices.current.values()].map((p) => p.effectiveFrom.getTime());
  return {
    access,
    canManage: access.can("costs.manage"),
    canApprove: access.can("budget.approve"),
    scenarios: rows,
    approvals: approvals.map(({ scenario, ...a }) => ({ ...a, scenarioName: scenario.name })),
    latestApproval: latestApproval ? { ...latestApproval, scenarioName: latestApproval.scenario.name } : null,
    departmentBudgets,
    unownedBudgets: departmentBudgets.filter((b) => !b.ownerId).length,
    allocation: departmentAllocation(
      budgets.map((b) => b.monthlyAmount),
      latestApproval?.monthlyAmount ?? null,
    ),
    members: members.map((m) => ({ id: m.id, name: m.user.name })),
    prices: {
      models: prices.current.size,
      latestEffective:
        effectiveDates.length > 0 ? new Date(Math.max(...effectiveDates)) : new Date(`${PUBLISHED_PRICES_EFFECTIVE}T00:00:00Z`),
    },
    claudeConfigured: claudeConfigured(),
  };
}
