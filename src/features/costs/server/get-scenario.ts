import "server-only";

import { z } from "zod";

import { baseLabel, compareModels, costBreakdown, sameAmount, scenarioCost } from "@/domain/costs";
import { selectableModels } from "@/domain/prices";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { loadPriceTable, scenarioSelect, toScenarioInput } from "./cost-data";
import { approvalSelect } from "./get-cost-model";
import { ensureDefaultPrices } from "./seed-default-prices";

/** At most this many models side by side. */
export const MAX_COMPARED_MODELS = 6;

/**
 * One scenario: its results (monthly, 90-day, per task, per model, by component), its approvals, and
 * the same scenario priced as if every task ran on each of `compare` (models in the price table).
 */
export async function getScenario(
  actor: Actor,
  programmeSlug: string,
  scenarioId: string,
  compare: readonly string[] = [],
  now = new Date(),
) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  if (!z.string().uuid().safeParse(scenarioId).success) throw new NotFoundError("Scenario not found.");
  await ensureDefaultPrices(programmeId);
  const [scenario, prices, approvals, active] = await Promise.all([
    db.costScenario.findFirst({
      where: { id: scenarioId, programmeId },
      select: { ...scenarioSelect, sentBackAt: true, sentBackBy: true, sentBackReason: true },
    }),
    loadPriceTable(db, programmeId, now),
    db.budgetApproval.findMany({ where: { programmeId, scenarioId }, select: approvalSelect, orderBy: { approvedAt: "desc" } }),
    db.budgetApproval.findUnique({ where: { activeProgrammeId: programmeId }, select: approvalSelect }),
  ]);
  if (!scenario) throw new NotFoundError("Scenario not found.");
  const input = toScenarioInput(scenario);
  const result = scenarioCost(input, prices.current);
  const models = selectableModels(prices.current).map((p) => ({ model: p.model, label: baseLabel(p.label) }));
  const selectable = new Set(models.map((m) => m.model));
  const compared = [...new Set(compare)].filter((m) => selectable.has(m)).slice(0, MAX_COMPARED_MODELS);
  const latest = approvals[0] ?? null;
  const { sentBackAt, sentBackBy, sentBackReason, ...figures } = scenario;
  return {
    access,
    canManage: access.can("costs.manage"),
    canApprove: access.can("budget.approve"),
    scenario: { ...figures, modelMix: input.modelMix },
    sentBack: sentBackAt ? { at: sentBackAt, by: sentBackBy ?? "", reason: sentBackReason ?? "" } : null,
    /** The programme's approved budget (any scenario), which approving this one would supersede. */
    activeApproval: active ? { ...active, scenarioName: active.scenario.name, isThisScenario: active.scenarioId === scenario.id } : null,
    /** This scenario is the approved budget at the figure it costs now: approving again would change nothing. */
    approvedAsIs: active?.scenarioId === scenario.id && sameAmount(active.monthlyAmount, result.monthlyTotal),
    result,
    breakdown: costBreakdown(result),
    models,
    compared,
    comparison: compareModels(input, compared, prices.current),
    approvals: approvals.map(({ scenario: s, ...a }) => ({ ...a, scenarioName: s.name })),
    latestApprovalMatches: latest ? sameAmount(latest.monthlyAmount, result.monthlyTotal) : null,
  };
}
