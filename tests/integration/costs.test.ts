import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { scenarioCost } from "@/domain/costs";
import { currentPrices, PUBLISHED_PRICES } from "@/domain/prices";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { createScenarioSchema, type CreateScenarioInput } from "@/features/costs/schemas";
import { addPrice } from "@/features/costs/server/add-price";
import { approveBudget } from "@/features/costs/server/approve-budget";
import { createScenario } from "@/features/costs/server/create-scenario";
import { deleteDepartmentBudget } from "@/features/costs/server/delete-department-budget";
import { deleteScenario } from "@/features/costs/server/delete-scenario";
import { getCostModel } from "@/features/costs/server/get-cost-model";
import { getPriceTable } from "@/features/costs/server/get-price-table";
import { getScenario } from "@/features/costs/server/get-scenario";
import { measureTokens } from "@/features/costs/server/measure-tokens";
import { saveDepartmentBudget } from "@/features/costs/server/save-department-budget";
import { updatePrice } from "@/features/costs/server/update-price";
import { updateScenario } from "@/features/costs/server/update-scenario";
import type { Actor } from "@/server/auth/actor";
import { ClaudeRequestError, NO_API_KEY_MESSAGE } from "@/server/claude/client";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError, RateLimitedError, RuleError } from "@/server/errors";

import { fakeTokenCount, startFakeAnthropic, type FakeAnthropic } from "../support/fake-anthropic";

async function setup() {
  const pm = await makeUser();
  const p = await makeProgramme(pm, { licensedSeats: 500 });
  const sponsor = await makeUser();
  const viewer = await makeUser();
  await makeMember(pm, p.slug, sponsor, ["SPONSOR"]);
  const viewerMembership = await makeMember(pm, p.slug, viewer, ["VIEWER"]);
  return { pm, sponsor, viewer, viewerMembershipId: viewerMembership.membershipId, p, slug: p.slug };
}

const scenario = (slug: string, over: Partial<CreateScenarioInput> = {}): CreateScenarioInput => ({
  programmeSlug: slug,
  name: "Full rollout",
  users: 400,
  tasksPerUserPerDay: 6,
  workingDaysPerMonth: 21,
  inputTokensPerTask: 4_000,
  outputTokensPerTask: 700,
  cacheHitRate: 0.5,
  modelMix: [
    { model: "claude-sonnet-4-6", share: 0.7 },
    { model: "claude-haiku-4-5", share: 0.3 },
  ],
  batchShare: 0.2,
  seats: 500,
  seatPricePerMonth: 30,
  engineeringCostPerMonth: 12_000,
  changeMgmtCostPerMonth: 4_000,
  supportCostPerMonth: 2_500,
  tokensMeasuredWith: null,
  ...over,
});

const auditCount = (programmeId: string) => db.auditEvent.count({ where: { programmeId } });
const actions = async (programmeId: string) =>
  (await db.auditEvent.findMany({ where: { programmeId }, orderBy: { seq: "asc" }, select: { action: true } })).map((e) => e.action);

/** What the sponsor sees on the scenario page before approving. */
async function shownMonthly(actor: Actor, slug: string, scenarioId: string) {
  return (await getScenario(actor, slug, scenarioId)).result.monthlyTotal;
}

describe("the price table", () => {
  it("a new programme starts with Anthropic's published prices, effective 2026-10-08", async () => {
    const { p } = await setup();
    const rows = await db.modelPrice.findMany({ where: { programmeId: p.id } });
    expect(rows).toHaveLength(PUBLISHED_PRICES.length);
    const sonnet = rows.find((r) => r.model === "claude-sonnet-4-6")!;
    expect(sonnet).toMatchObject({
      inputPerMTok: 3,
      cacheWrite5mPerMTok: 3.75,
      cacheWrite1hPerMTok: 6,
      cacheReadPerMTok: 0.3,
      outputPerMTok: 15,
      batchDiscountPct: 50,
    });
    expect(sonnet.effectiveFrom.toISOString()).toBe("2026-10-08T00:00:00.000Z");
  });

  it("a programme created before the cost model gets the table on first use, once, even when two requests race", async () => {
    const { pm, viewer, p, slug } = await setup();
    await db.modelPrice.deleteMany({ where: { programmeId: p.id } }); // as if created before this feature
    const before = await auditCount(p.id);
    await Promise.all([getCostModel(viewer, slug), getCostModel(pm, slug), getPriceTable(pm, slug)]);
    expect(await db.modelPrice.count({ where: { programmeId: p.id } })).toBe(PUBLISHED_PRICES.length);
    expect(await auditCount(p.id)).toBe(before + 1);
    const seeded = await db.auditEvent.findFirstOrThrow({ where: { programmeId: p.id, action: "price.seed" } });
    expect(seeded).toMatchObject({ actorId: null, actorLabel: "system (default price table)" });
    await getCostModel(pm, slug);
    expect(await auditCount(p.id)).toBe(before + 1);
  });

  it("the programme manager corrects a price and adds an effective-dated one; both are audited; others are refused", async () => {
    const { pm, sponsor, viewer, p, slug } = await setup();
    const sonnet = await db.modelPrice.findFirstOrThrow({ where: { programmeId: p.id, model: "claude-sonnet-4-6" } });
    const edit = {
      programmeSlug: slug,
      priceId: sonnet.id,
      label: "Claude Sonnet 4.6 (negotiated)",
      inputPerMTok: 2.7,
      cacheWrite5mPerMTok: 3.375,
      cacheWrite1hPerMTok: 5.4,
      cacheReadPerMTok: 0.27,
      outputPerMTok: 13.5,
      batchDiscountPct: 50,
    };
    await expect(updatePrice(viewer, edit)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updatePrice(sponsor, edit)).rejects.toThrow("Only a programme manager can do that in this programme.");
    await updatePrice(pm, edit);
    expect(await db.modelPrice.findUniqueOrThrow({ where: { id: sonnet.id } })).toMatchObject({
      label: "Claude Sonnet 4.6 (negotiated)",
      inputPerMTok: 2.7,
      outputPerMTok: 13.5,
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { programmeId: p.id, action: "price.update" } });
    expect(event.before).toMatchObject({ model: "claude-sonnet-4-6", inputPerMTok: 3, outputPerMTok: 15 });
    expect(event.after).toMatchObject({ model: "claude-sonnet-4-6", inputPerMTok: 2.7, outputPerMTok: 13.5 });

    // A price change from a date: yesterday's row is in force today, a future one is scheduled.
    const today = new Date();
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const yesterday = iso(new Date(today.getTime() - 86_400_000));
    const nextYear = iso(new Date(today.getTime() + 365 * 86_400_000));
    const add = {
      programmeSlug: slug,
      model: "claude-haiku-4-5",
      label: "Claude Haiku 4.5",
      inputPerMTok: 0.8,
      cacheWrite5mPerMTok: 1,
      cacheWrite1hPerMTok: 1.6,
      cacheReadPerMTok: 0.08,
      outputPerMTok: 4,
      batchDiscountPct: 50,
    };
    await addPrice(pm, { ...add, effectiveFrom: yesterday });
    await addPrice(pm, { ...add, inputPerMTok: 0.5, effectiveFrom: nextYear });
    await expect(addPrice(pm, { ...add, effectiveFrom: yesterday })).rejects.toMatchObject({
      field: "effectiveFrom",
      message: `claude-haiku-4-5 already has a price effective from ${yesterday}; edit that row instead.`,
    });
    await expect(addPrice(viewer, { ...add, effectiveFrom: nextYear })).rejects.toBeInstanceOf(ForbiddenError);
    const table = await getPriceTable(viewer, slug);
    expect(table.canManage).toBe(false);
    expect(table.rows.filter((r) => r.model === "claude-haiku-4-5").map((r) => [r.inputPerMTok, r.status])).toEqual([
      [0.5, "SCHEDULED"],
      [0.8, "CURRENT"],
      [1, "SUPERSEDED"],
    ]);
    // A model the table did not have.
    await addPrice(pm, { ...add, model: "claude-sonnet-6", label: "Claude Sonnet 6", effectiveFrom: yesterday });
    expect((await actions(p.id)).filter((a) => a.startsWith("price."))).toEqual(["price.update", "price.add", "price.add", "price.add"]);
  });
});

describe("scenarios", () => {
  it("the programme manager creates, edits and deletes a scenario; each change is audited", async () => {
    const { pm, viewer, p, slug } = await setup();
    const { id } = await createScenario(pm, scenario(slug));
    const view = await getScenario(viewer, slug, id, ["claude-opus-4-7", "claude-haiku-4-5", "not-a-model"]);
    const prices = currentPrices(await db.modelPrice.findMany({ where: { programmeId: p.id } }), new Date());
    const expected = scenarioCost(createScenarioSchema.parse(scenario(slug)), prices);
    expect(view.result.monthlyTotal).toBeCloseTo(expected.monthlyTotal, 6);
    expect(view.result.tasksPerMonth).toBe(400 * 6 * 21);
    expect(view.comparison.map((c) => c.model)).toEqual(["claude-opus-4-7", "claude-haiku-4-5"]); // unknown models ignored
    expect(view.comparison[0]!.monthlyTotal).toBeGreaterThan(view.result.monthlyTotal);
    expect(view.comparison[1]!.monthlyTotal).toBeLessThan(view.result.monthlyTotal);
    expect(view.canManage).toBe(false);

    await updateScenario(pm, {
      ...scenario(slug, { name: "Full rollout v2", users: 450, modelMix: [{ model: "claude-opus-4-7", share: 1 }] }),
      scenarioId: id,
    });
    const row = await db.costScenario.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ name: "Full rollout v2", users: 450, modelMix: [{ model: "claude-opus-4-7", share: 1 }] });

    await deleteScenario(pm, { programmeSlug: slug, scenarioId: id });
    expect(await db.costScenario.count({ where: { programmeId: p.id } })).toBe(0);
    expect((await actions(p.id)).filter((a) => a.startsWith("scenario."))).toEqual([
      "scenario.create",
      "scenario.update",
      "scenario.delete",
    ]);
    const created = await db.auditEvent.findFirstOrThrow({ where: { programmeId: p.id, action: "scenario.create" } });
    expect((created.after as { monthlyTotal: number }).monthlyTotal).toBeCloseTo(expected.monthlyTotal, 6);
  });

  it("invalid scenarios are refused and write nothing", async () => {
    const { pm, sponsor, viewer, p, slug } = await setup();
    await createScenario(pm, scenario(slug));
    const rows = await db.costScenario.count({ where: { programmeId: p.id } });
    const events = await auditCount(p.id);

    await expect(
      createScenario(
        pm,
        scenario(slug, {
          modelMix: [
            { model: "claude-sonnet-4-6", share: 0.6 },
            { model: "claude-haiku-4-5", share: 0.3 },
          ],
        }),
      ),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["modelMix"], message: "Model shares add up to 90%; they must add up to 100% (1.0)." })],
    });
    await expect(createScenario(pm, scenario(slug, { name: "Other", cacheHitRate: 1.5 }))).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["cacheHitRate"] })],
    });
    await expect(createScenario(pm, scenario(slug, { name: "Other", batchShare: -0.2 }))).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["batchShare"] })],
    });
    await expect(createScenario(pm, scenario(slug, { name: "Other", modelMix: [{ model: "gpt-5", share: 1 }] }))).rejects.toMatchObject({
      field: "modelMix",
      message: "gpt-5 is not in this programme's price table.",
    });
    await expect(
      createScenario(pm, scenario(slug, { name: "Other", modelMix: [{ model: "claude-haiku-5-5:prompt>100k", share: 1 }] })),
    ).rejects.toBeInstanceOf(RuleError);
    await expect(createScenario(pm, scenario(slug))).rejects.toMatchObject({
      field: "name",
      message: 'There is already a scenario called "Full rollout" in this programme.',
    });
    await expect(createScenario(sponsor, scenario(slug, { name: "Sponsor's" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createScenario(viewer, scenario(slug, { name: "Viewer's" }))).rejects.toBeInstanceOf(ForbiddenError);
    const outsider = await makeUser();
    await expect(createScenario(outsider, scenario(slug, { name: "Outsider's" }))).rejects.toBeInstanceOf(NotFoundError);

    expect(await db.costScenario.count({ where: { programmeId: p.id } })).toBe(rows);
    expect(await auditCount(p.id)).toBe(events);
  });

  it("another programme's scenario is not found, by id or by slug", async () => {
    const a = await setup();
    const b = await setup();
    const { id } = await createScenario(a.pm, scenario(a.slug));
    await expect(getScenario(b.pm, b.slug, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getScenario(b.pm, a.slug, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateScenario(b.pm, { ...scenario(b.slug), scenarioId: id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteScenario(b.pm, { programmeSlug: b.slug, scenarioId: id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getScenario(a.pm, a.slug, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("budget approval", () => {
  it("only the sponsor approves; the amounts come from the scenario; the history keeps each approval", async () => {
    const { pm, sponsor, viewer, p, slug } = await setup();
    const { id } = await createScenario(pm, scenario(slug));
    const monthly = await shownMonthly(sponsor, slug, id);
    const request = {
      programmeSlug: slug,
      scenarioId: id,
      expectedMonthly: monthly,
      supersedes: null,
      note: "Approved at the steering committee",
    };

    await expect(approveBudget(pm, request)).rejects.toThrow("Only a sponsor can do that in this programme.");
    await expect(approveBudget(viewer, request)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approveBudget(await makeUser(), request)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.budgetApproval.count({ where: { programmeId: p.id } })).toBe(0);

    const approval = await approveBudget(sponsor, request);
    expect(approval.monthlyAmount).toBeCloseTo(monthly, 2);
    expect(approval.ninetyDayAmount).toBeCloseTo(monthly * 3, 2);
    const stored = await db.budgetApproval.findUniqueOrThrow({ where: { id: approval.id } });
    expect(stored).toMatchObject({
      approverId: sponsor.id,
      approvedBy: `${sponsor.name} <${sponsor.email}>`,
      note: "Approved at the steering committee",
      scenarioId: id,
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { programmeId: p.id, action: "budget.approve" } });
    expect(event).toMatchObject({ actorId: sponsor.id, entityId: approval.id });
    expect(event.after).toMatchObject({
      scenario: "Full rollout",
      monthlyAmount: approval.monthlyAmount,
      note: "Approved at the steering committee",
    });

    // The scenario changes: an approval of the old figure is refused; the history keeps the first approval.
    await updateScenario(pm, { ...scenario(slug, { users: 500 }), scenarioId: id });
    await expect(approveBudget(sponsor, request)).rejects.toThrow(
      /"Full rollout" changed since you opened it: it now costs \$[\d,]+\.\d\d a month\. Review it and approve again\./,
    );
    const model = await getCostModel(viewer, slug);
    expect(model.approvals).toHaveLength(1);
    expect(model.latestApproval).toMatchObject({ scenarioName: "Full rollout", approvedBy: `${sponsor.name} <${sponsor.email}>` });
    expect(model.scenarios[0]!.lastApproval?.stillMatches).toBe(false);

    await approveBudget(sponsor, {
      ...request,
      expectedMonthly: await shownMonthly(sponsor, slug, id),
      supersedes: approval.id,
      note: null,
    });
    expect((await getCostModel(pm, slug)).approvals).toHaveLength(2);

    // An approved scenario stays as the record of its approvals.
    await expect(deleteScenario(pm, { programmeSlug: slug, scenarioId: id })).rejects.toThrow(
      'The sponsor approved a budget on "Full rollout"; it stays as the record of that approval. Create a new scenario instead.',
    );
    expect(await verifyAuditChain(p.id)).toMatchObject({ ok: true });
  });
});

describe("department budgets", () => {
  it("the programme manager keeps per-department budgets with owners; their sum is shown against the approved budget", async () => {
    const { pm, sponsor, viewer, viewerMembershipId, p, slug } = await setup();
    const { id } = await createScenario(pm, scenario(slug));
    const monthly = await shownMonthly(sponsor, slug, id);
    await approveBudget(sponsor, { programmeSlug: slug, scenarioId: id, expectedMonthly: monthly, supersedes: null });
    const pmMembership = await db.membership.findFirstOrThrow({ where: { programmeId: p.id, userId: pm.id } });

    const lending = await saveDepartmentBudget(pm, {
      programmeSlug: slug,
      department: "Commercial lending",
      monthlyAmount: 10_000,
      ownerId: pmMembership.id,
    });
    await saveDepartmentBudget(pm, { programmeSlug: slug, department: "Compliance", monthlyAmount: 8_000, ownerId: null });
    await expect(
      saveDepartmentBudget(pm, { programmeSlug: slug, department: "compliance", monthlyAmount: 1, ownerId: null }),
    ).rejects.toMatchObject({ field: "department", message: "compliance already has a budget; change that one." });
    const other = await setup();
    const outsiderMembership = await db.membership.findFirstOrThrow({ where: { programmeId: other.p.id } });
    await expect(
      saveDepartmentBudget(pm, { programmeSlug: slug, department: "Operations", monthlyAmount: 1, ownerId: outsiderMembership.id }),
    ).rejects.toMatchObject({
      field: "ownerId",
      message: "The owner must be a member of this programme.",
    });
    await expect(
      saveDepartmentBudget(viewer, { programmeSlug: slug, department: "Operations", monthlyAmount: 1, ownerId: null }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      saveDepartmentBudget(sponsor, { programmeSlug: slug, department: "Operations", monthlyAmount: 1, ownerId: null }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    await saveDepartmentBudget(pm, {
      programmeSlug: slug,
      budgetId: lending.id,
      department: "Commercial lending",
      monthlyAmount: 12_000,
      ownerId: viewerMembershipId,
    });
    const model = await getCostModel(viewer, slug);
    expect(model.departmentBudgets.map((b) => [b.department, b.monthlyAmount, b.ownerName])).toEqual([
      ["Commercial lending", 12_000, viewer.name],
      ["Compliance", 8_000, null],
    ]);
    expect(model.unownedBudgets).toBe(1);
    expect(model.allocation.total).toBe(20_000);
    expect(model.allocation.approved).toBeCloseTo(monthly, 2);
    expect(model.allocation.remaining).toBeCloseTo(monthly - 20_000, 2);

    await expect(deleteDepartmentBudget(other.pm, { programmeSlug: other.slug, budgetId: lending.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await deleteDepartmentBudget(pm, { programmeSlug: slug, budgetId: lending.id });
    expect((await actions(p.id)).filter((a) => a.startsWith("department-budget."))).toEqual([
      "department-budget.create",
      "department-budget.create",
      "department-budget.update",
      "department-budget.delete",
    ]);
    const update = await db.auditEvent.findFirstOrThrow({ where: { programmeId: p.id, action: "department-budget.update" } });
    expect(update.before).toMatchObject({ monthlyAmount: 10_000, ownerId: pmMembership.id });
    expect(update.after).toMatchObject({ monthlyAmount: 12_000, ownerId: viewerMembershipId });
  });
});

describe("token counting through the Anthropic SDK", () => {
  let fake: FakeAnthropic;
  beforeAll(async () => {
    fake = await startFakeAnthropic();
  });
  afterAll(async () => {
    await fake.close();
  });
  const config = () => ({ apiKey: fake.apiKey, baseURL: fake.url });

  it("counts a sample prompt's input tokens and a sample response's tokens with messages.countTokens", async () => {
    const { pm, slug } = await setup();
    const system = "You are a credit analyst at Acme Financial. Write in the bank's house style.";
    const prompt = "Summarise the attached borrower file for the credit committee: ".repeat(20);
    const sampleResponse = "The borrower is a mid-sized manufacturer with stable cash flows.";
    const before = fake.requests.length;
    const r = await measureTokens(pm, { programmeSlug: slug, model: "claude-sonnet-4-6", system, prompt, sampleResponse }, config());
    expect(r.inputTokens).toBe(fakeTokenCount({ system, messages: [{ content: prompt }] }));
    expect(r.inputTokens).toBe(Math.ceil((system.length + prompt.length) / 4));
    expect(r.outputTokens).toBe(Math.ceil(sampleResponse.length / 4));
    expect(r.measuredWith).toMatch(/^Anthropic token counting \(claude-sonnet-4-6\) on a sample, /);
    expect(JSON.stringify(r)).not.toContain(fake.apiKey);

    const sent = fake.requests.slice(before);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({
      method: "POST",
      path: "/v1/messages/count_tokens",
      body: { model: "claude-sonnet-4-6", system, messages: [{ role: "user", content: prompt }] },
    });
    expect(sent[0]!.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(sent[0]!.headers["anthropic-version"]).toBeTruthy();
  });

  it("a rejected key is a clear error that never contains the key; only the programme manager may measure", async () => {
    const { pm, viewer, slug } = await setup();
    const wrongKey = "sk-ant-wrong-key-do-not-leak-42";
    const request = { programmeSlug: slug, model: "claude-sonnet-4-6", prompt: "Hello" };
    const e = await measureTokens(pm, request, { apiKey: wrongKey, baseURL: fake.url }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ClaudeRequestError);
    expect(e).toMatchObject({
      anthropicStatus: 401,
      anthropicType: "authentication_error",
      requestId: expect.stringMatching(/^req_fake_/),
    });
    expect((e as Error).message).toBe(
      "Anthropic did not accept the configured API key (401 authentication_error). An administrator should check ANTHROPIC_API_KEY; meanwhile, enter tokens by hand.",
    );
    expect(JSON.stringify(e)).not.toContain(wrongKey);
    expect(String((e as Error).stack)).not.toContain(wrongKey);

    await expect(measureTokens(viewer, request, config())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(measureTokens(pm, { ...request, model: "gpt-5" }, config())).rejects.toMatchObject({
      field: "model",
      message: "gpt-5 is not in this programme's price table.",
    });
  });

  it("a rate limit is retried by the SDK, and reported with its wait when it persists", async () => {
    const { pm, slug } = await setup();
    const request = { programmeSlug: slug, model: "claude-haiku-4-5", prompt: "x".repeat(400) };
    fake.failNext({ status: 429 });
    expect((await measureTokens(pm, request, config())).inputTokens).toBe(100);

    fake.failNext({ status: 429, retryAfterSeconds: 30 }, 3); // the first try and the SDK's two retries
    const e = await measureTokens(pm, request, config()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RateLimitedError);
    expect(e).toMatchObject({ retryAfterSeconds: 30 });
    expect((e as Error).message).toBe(
      "Anthropic's rate limit was reached (429 rate_limit_error: Number of request tokens has exceeded your per-minute rate limit). Try again in 30 seconds, or enter tokens by hand.",
    );

    fake.failNext({ status: 529 }, 3);
    await expect(measureTokens(pm, request, config())).rejects.toThrow(
      "Anthropic could not count the tokens (529 overloaded_error: Overloaded).",
    );
  });

  it("without an API key it says to enter tokens by hand", async () => {
    const { pm, slug } = await setup();
    await expect(measureTokens(pm, { programmeSlug: slug, model: "claude-sonnet-4-6", prompt: "Hello" }, null)).rejects.toThrow(
      NO_API_KEY_MESSAGE,
    );
    const model = await getCostModel(pm, slug);
    expect(model.claudeConfigured).toBe(Boolean(process.env.ANTHROPIC_API_KEY));
  });
});
