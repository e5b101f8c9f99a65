import "server-only";

import { modelMixProblems, type ScenarioInput } from "@/domain/costs";
import { currentPrices, isTierModel } from "@/domain/prices";
import type { Tx } from "@/server/db";
import { RuleError } from "@/server/errors";

import { storedModelMixSchema } from "../schemas";

/** What leaves the server of a price row. */
export const priceSelect = {
  id: true,
  model: true,
  label: true,
  inputPerMTok: true,
  cacheWrite5mPerMTok: true,
  cacheWrite1hPerMTok: true,
  cacheReadPerMTok: true,
  outputPerMTok: true,
  batchDiscountPct: true,
  effectiveFrom: true,
  updatedAt: true,
} as const;

export const scenarioSelect = {
  id: true,
  name: true,
  users: true,
  tasksPerUserPerDay: true,
  workingDaysPerMonth: true,
  inputTokensPerTask: true,
  outputTokensPerTask: true,
  cacheHitRate: true,
  modelMix: true,
  batchShare: true,
  seats: true,
  seatPricePerMonth: true,
  engineeringCostPerMonth: true,
  changeMgmtCostPerMonth: true,
  supportCostPerMonth: true,
  tokensMeasuredWith: true,
  createdAt: true,
  updatedAt: true,
} as const;

type Client = Pick<Tx, "modelPrice">;

/** The programme's price table, every row, and the prices in force on `asOf`. */
export async function loadPriceTable(client: Client, programmeId: string, asOf: Date) {
  const rows = await client.modelPrice.findMany({
    where: { programmeId },
    select: priceSelect,
    orderBy: [{ model: "asc" }, { effectiveFrom: "desc" }],
  });
  const current = currentPrices(rows, asOf);
  return {
    rows,
    current,
    /** Price-table membership for model-mix validation: priced today and not a tier row. */
    pricedModels: { has: (m: string) => current.has(m), selectable: (m: string) => !isTierModel(m) },
  };
}

/** A stored scenario as the cost maths' input; a malformed stored mix reads as empty (and prices nothing). */
export function toScenarioInput(row: {
  users: number;
  tasksPerUserPerDay: number;
  workingDaysPerMonth: number;
  inputTokensPerTask: number;
  outputTokensPerTask: number;
  cacheHitRate: number;
  modelMix: unknown;
  batchShare: number;
  seats: number;
  seatPricePerMonth: number;
  engineeringCostPerMonth: number;
  changeMgmtCostPerMonth: number;
  supportCostPerMonth: number;
}): ScenarioInput {
  const mix = storedModelMixSchema.safeParse(row.modelMix);
  return {
    users: row.users,
    tasksPerUserPerDay: row.tasksPerUserPerDay,
    workingDaysPerMonth: row.workingDaysPerMonth,
    inputTokensPerTask: row.inputTokensPerTask,
    outputTokensPerTask: row.outputTokensPerTask,
    cacheHitRate: row.cacheHitRate,
    modelMix: mix.success ? mix.data : [],
    batchShare: row.batchShare,
    seats: row.seats,
    seatPricePerMonth: row.seatPricePerMonth,
    engineeringCostPerMonth: row.engineeringCostPerMonth,
    changeMgmtCostPerMonth: row.changeMgmtCostPerMonth,
    supportCostPerMonth: row.supportCostPerMonth,
  };
}

/** The scenario's columns from validated input (create and update). */
export function scenarioData(v: ScenarioInput & { name: string; tokensMeasuredWith: string | null }) {
  return {
    name: v.name,
    users: v.users,
    tasksPerUserPerDay: v.tasksPerUserPerDay,
    workingDaysPerMonth: v.workingDaysPerMonth,
    inputTokensPerTask: v.inputTokensPerTask,
    outputTokensPerTask: v.outputTokensPerTask,
    cacheHitRate: v.cacheHitRate,
    modelMix: v.modelMix.map((m) => ({ model: m.model, share: m.share })),
    batchShare: v.batchShare,
    seats: v.seats,
    seatPricePerMonth: v.seatPricePerMonth,
    engineeringCostPerMonth: v.engineeringCostPerMonth,
    changeMgmtCostPerMonth: v.changeMgmtCostPerMonth,
    supportCostPerMonth: v.supportCostPerMonth,
    tokensMeasuredWith: v.tokensMeasuredWith,
  };
}

/** Refuses a model mix with models that are not in the programme's price table (or are tier rows). */
export function assertModelsPriced(mix: readonly { model: string; share: number }[], priced: Parameters<typeof modelMixProblems>[1]) {
  const problems = modelMixProblems(mix, priced);
  if (problems.length > 0) throw new RuleError(problems.map((p) => p.message).join(" "), "modelMix");
}
