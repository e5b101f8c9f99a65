import "server-only";

import { z } from "zod";

import { baseLabel } from "@/domain/costs";
import { selectableModels } from "@/domain/prices";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { claudeConfigured } from "@/server/claude/client";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { loadPriceTable, scenarioSelect, toScenarioInput } from "./cost-data";
import { ensureDefaultPrices } from "./seed-default-prices";

/**
 * What the scenario form needs: the models it may use, today's prices (for the live estimate), whether
 * token counting is available, and the scenario being edited (null for a new one).
 */
export async function getScenarioEditor(actor: Actor, programmeSlug: string, scenarioId: string | null, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  await ensureDefaultPrices(programmeId);
  const prices = await loadPriceTable(db, programmeId, now);
  let scenario = null;
  if (scenarioId !== null) {
    if (!z.string().uuid().safeParse(scenarioId).success) throw new NotFoundError("Scenario not found.");
    const row = await db.costScenario.findFirst({ where: { id: scenarioId, programmeId }, select: scenarioSelect });
    if (!row) throw new NotFoundError("Scenario not found.");
    scenario = { id: row.id, name: row.name, tokensMeasuredWith: row.tokensMeasuredWith, ...toScenarioInput(row) };
  }
  const toPlain = ({ id: _i, updatedAt: _u, effectiveFrom: _e, ...p }: (typeof prices.rows)[number]) => p;
  return {
    access,
    canManage: access.can("costs.manage"),
    models: selectableModels(prices.current).map((p) => ({ model: p.model, label: baseLabel(p.label) })),
    /** Every price in force (tier rows included), for the form's live estimate. */
    prices: [...prices.current.values()].map(toPlain),
    claudeConfigured: claudeConfigured(),
    scenario,
  };
}
