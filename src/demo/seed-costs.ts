/**
 * The demo programmes' cost models. Acme Financial (500 Claude apps/Cowork seats and an API document
 * pipeline for KYC and credit files, in its pilot): a pilot and a full-rollout scenario, the rollout
 * budget approved by the sponsor in Phase 1, three department budgets. Globex Health (1,200 seats,
 * clinical-letter and prior-authorisation pipelines and Claude Code, launched): a production scenario
 * (approved), a Claude Code scenario, three department budgets.
 *
 * Seat prices and people costs are demo figures, not published prices; token prices come from the
 * programme's price table (Anthropic's published prices).
 */
import { scenarioCost, type ScenarioInput } from "@/domain/costs";
import { roundCents } from "@/domain/money";
import { currentPrices } from "@/domain/prices";
import { seedDefaultPrices } from "@/features/costs/server/seed-default-prices";
import { appendAudit, type AuditActor } from "@/server/audit";
import type { Tx } from "@/server/db";

import type { DemoSeedContext } from "./context";

const SEED_ACTOR: AuditActor = { id: null, label: "demo seed" };

interface DemoScenario extends ScenarioInput {
  name: string;
  tokensMeasuredWith?: string;
}

interface DemoCostModel {
  scenarios: DemoScenario[];
  /** The scenario the sponsor approved, on which programme day, with what note. */
  approval: { scenario: string; day: number; note: string };
  /** A scenario the sponsor sent back to the programme manager, with the reason. */
  sentBack?: { scenario: string; day: number; reason: string };
  departments: { department: string; monthlyAmount: number; owner: string | null }[];
}

const ACME: DemoCostModel = {
  scenarios: [
    {
      name: "Pilot — 50 seats, KYC pipeline at 10% of files",
      users: 8,
      tasksPerUserPerDay: 25,
      workingDaysPerMonth: 21,
      inputTokensPerTask: 18_000,
      outputTokensPerTask: 1_200,
      cacheHitRate: 0.5,
      modelMix: [{ model: "claude-sonnet-4-6", share: 1 }],
      batchShare: 0,
      seats: 50,
      seatPricePerMonth: 30,
      engineeringCostPerMonth: 16_000,
      changeMgmtCostPerMonth: 3_000,
      supportCostPerMonth: 1_500,
      tokensMeasuredWith: "Anthropic token counting (claude-sonnet-4-6) on a sample KYC file",
    },
    {
      name: "Full rollout — 500 seats and the document pipeline",
      users: 60,
      tasksPerUserPerDay: 25,
      workingDaysPerMonth: 21,
      inputTokensPerTask: 18_000,
      outputTokensPerTask: 1_200,
      cacheHitRate: 0.6,
      modelMix: [
        { model: "claude-sonnet-4-6", share: 0.7 },
        { model: "claude-haiku-4-5", share: 0.2 },
        { model: "claude-opus-4-7", share: 0.1 },
      ],
      batchShare: 0.3,
      seats: 500,
      seatPricePerMonth: 30,
      engineeringCostPerMonth: 16_000,
      changeMgmtCostPerMonth: 6_000,
      supportCostPerMonth: 4_500,
      tokensMeasuredWith: "Anthropic token counting (claude-sonnet-4-6) on a sample KYC file",
    },
  ],
  approval: {
    scenario: "Full rollout — 500 seats and the document pipeline",
    day: 24,
    note: "Approved at the steering committee for the 90 days; reviewed monthly against actual usage.",
  },
  departments: [
    { department: "Commercial lending", monthlyAmount: 14_000, owner: "owner@acme.test" },
    { department: "Compliance (KYC pipeline)", monthlyAmount: 12_000, owner: "legal@acme.test" },
    { department: "Retail operations", monthlyAmount: 10_000, owner: "pm@acme.test" },
  ],
};

const GLOBEX: DemoCostModel = {
  scenarios: [
    {
      name: "Production — 1,200 seats, clinical letters and prior authorisation",
      users: 300,
      tasksPerUserPerDay: 12,
      workingDaysPerMonth: 21,
      inputTokensPerTask: 9_000,
      outputTokensPerTask: 1_500,
      cacheHitRate: 0.7,
      modelMix: [
        { model: "claude-sonnet-4-6", share: 0.6 },
        { model: "claude-haiku-4-5", share: 0.3 },
        { model: "claude-opus-4-7", share: 0.1 },
      ],
      batchShare: 0.25,
      seats: 1_200,
      seatPricePerMonth: 30,
      engineeringCostPerMonth: 22_000,
      changeMgmtCostPerMonth: 5_000,
      supportCostPerMonth: 9_000,
    },
    {
      name: "Claude Code for 80 engineers",
      users: 80,
      tasksPerUserPerDay: 30,
      workingDaysPerMonth: 21,
      inputTokensPerTask: 40_000,
      outputTokensPerTask: 3_000,
      cacheHitRate: 0.8,
      modelMix: [
        { model: "claude-sonnet-4-6", share: 0.8 },
        { model: "claude-opus-4-7", share: 0.2 },
      ],
      batchShare: 0,
      seats: 0,
      seatPricePerMonth: 0,
      engineeringCostPerMonth: 0,
      changeMgmtCostPerMonth: 0,
      supportCostPerMonth: 1_000,
    },
  ],
  approval: {
    scenario: "Production — 1,200 seats, clinical letters and prior authorisation",
    day: 22,
    note: "Approved with the Architecture Review pack. Clinical pipelines charged to Outpatients and Revenue cycle.",
  },
  sentBack: {
    scenario: "Claude Code for 80 engineers",
    day: 23,
    reason:
      "Seat price is the list price: bring the figure procurement negotiated, and the engineering cost after the platform team's estimate.",
  },
  departments: [
    { department: "Outpatients", monthlyAmount: 30_000, owner: "owner@acme.test" },
    { department: "Revenue cycle", monthlyAmount: 22_000, owner: "pm@acme.test" },
    { department: "Engineering (Claude Code)", monthlyAmount: 8_000, owner: "engineering@acme.test" },
  ],
};

export async function seedCosts(tx: Tx, ctx: DemoSeedContext): Promise<void> {
  const spec = ctx.slug === "acme" ? ACME : GLOBEX;
  const programmeId = ctx.programmeId;
  await seedDefaultPrices(tx, programmeId, SEED_ACTOR); // the table exists when the programme was created with it; idempotent
  const prices = currentPrices(await tx.modelPrice.findMany({ where: { programmeId } }), ctx.dayDate(ctx.day));

  const scenarioIds = new Map<string, string>();
  for (const { name, tokensMeasuredWith, ...input } of spec.scenarios) {
    const created = await tx.costScenario.create({
      data: {
        programmeId,
        name,
        ...input,
        modelMix: input.modelMix.map((m) => ({ ...m })),
        tokensMeasuredWith: tokensMeasuredWith ?? null,
        createdAt: ctx.dayDate(10),
      },
      select: { id: true },
    });
    scenarioIds.set(name, created.id);
    const r = scenarioCost(input, prices);
    await appendAudit(tx, {
      programmeId,
      actor: SEED_ACTOR,
      action: "scenario.create",
      entityType: "CostScenario",
      entityId: created.id,
      after: { name, ...input, monthlyTotal: r.monthlyTotal },
    });
  }

  const approved = spec.scenarios.find((s) => s.name === spec.approval.scenario)!;
  const sponsorMembership = ctx.member.get("sponsor@acme.test")!;
  const sponsor = await tx.membership.findUniqueOrThrow({
    where: { id: sponsorMembership },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  const r = scenarioCost(approved, prices);
  const approval = await tx.budgetApproval.create({
    data: {
      programmeId,
      scenarioId: scenarioIds.get(approved.name)!,
      monthlyAmount: roundCents(r.monthlyTotal),
      ninetyDayAmount: roundCents(r.ninetyDayTotal),
      approvedBy: `${sponsor.user.name} <${sponsor.user.email}>`,
      approverId: sponsor.user.id,
      approvedAt: new Date(ctx.dayDate(spec.approval.day).getTime() + 15.5 * 3600_000),
      note: spec.approval.note,
      status: "ACTIVE",
      activeProgrammeId: programmeId,
    },
    select: { id: true, monthlyAmount: true, ninetyDayAmount: true, approvedBy: true, note: true },
  });
  await appendAudit(tx, {
    programmeId,
    actor: SEED_ACTOR,
    action: "budget.approve",
    entityType: "BudgetApproval",
    entityId: approval.id,
    after: { scenario: approved.name, ...approval },
  });
  if (spec.sentBack) {
    const { scenario, day, reason } = spec.sentBack;
    const sentBackBy = `${sponsor.user.name} <${sponsor.user.email}>`;
    const id = scenarioIds.get(scenario)!;
    await tx.costScenario.update({
      where: { id },
      data: { sentBackAt: new Date(ctx.dayDate(day).getTime() + 10 * 3600_000), sentBackBy, sentBackReason: reason },
    });
    await appendAudit(tx, {
      programmeId,
      actor: SEED_ACTOR,
      action: "scenario.send-back",
      entityType: "CostScenario",
      entityId: id,
      before: { sentBack: false },
      after: { sentBack: true, scenario, reason },
    });
  }

  for (const d of spec.departments) {
    const budget = await tx.departmentBudget.create({
      data: { programmeId, department: d.department, monthlyAmount: d.monthlyAmount, ownerId: d.owner ? ctx.member.get(d.owner)! : null },
      select: { id: true, department: true, monthlyAmount: true, ownerId: true },
    });
    await appendAudit(tx, {
      programmeId,
      actor: SEED_ACTOR,
      action: "department-budget.create",
      entityType: "DepartmentBudget",
      entityId: budget.id,
      after: budget,
    });
  }
}
