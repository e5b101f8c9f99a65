import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import type { CreateScenarioInput } from "@/features/costs/schemas";
import { approveBudget } from "@/features/costs/server/approve-budget";
import { createScenario } from "@/features/costs/server/create-scenario";
import { getCostModel } from "@/features/costs/server/get-cost-model";
import { getScenario } from "@/features/costs/server/get-scenario";
import { revokeBudget } from "@/features/costs/server/revoke-budget";
import { sendBackScenario } from "@/features/costs/server/send-back-scenario";
import { updateScenario } from "@/features/costs/server/update-scenario";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/server/errors";

async function setup() {
  const pm = await makeUser();
  const p = await makeProgramme(pm, { licensedSeats: 500 });
  const sponsor = await makeUser();
  const viewer = await makeUser();
  await makeMember(pm, p.slug, sponsor, ["SPONSOR"]);
  await makeMember(pm, p.slug, viewer, ["VIEWER"]);
  const full = await createScenario(pm, scenario(p.slug, { name: "Full rollout" }));
  const pilot = await createScenario(pm, scenario(p.slug, { name: "Pilot", users: 30, seats: 30, engineeringCostPerMonth: 2_000 }));
  return { pm, sponsor, viewer, p, slug: p.slug, full: full.id, pilot: pilot.id };
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
  modelMix: [{ model: "claude-sonnet-4-6", share: 1 }],
  batchShare: 0,
  seats: 500,
  seatPricePerMonth: 30,
  engineeringCostPerMonth: 12_000,
  changeMgmtCostPerMonth: 4_000,
  supportCostPerMonth: 2_500,
  tokensMeasuredWith: null,
  ...over,
});

/** What the sponsor sees on the scenario page, and the request the confirm step sends. */
async function shown(actor: Actor, slug: string, scenarioId: string) {
  const v = await getScenario(actor, slug, scenarioId);
  return {
    monthly: v.result.monthlyTotal,
    request: { programmeSlug: slug, scenarioId, expectedMonthly: v.result.monthlyTotal, supersedes: v.activeApproval?.id ?? null },
  };
}

const approvals = (programmeId: string) =>
  db.budgetApproval.findMany({
    where: { programmeId },
    orderBy: { approvedAt: "asc" },
    select: {
      id: true,
      scenarioId: true,
      status: true,
      activeProgrammeId: true,
      supersededById: true,
      endReason: true,
      monthlyAmount: true,
    },
  });
const auditOf = (programmeId: string, action: string) =>
  db.auditEvent.findMany({ where: { programmeId, action }, orderBy: { seq: "asc" }, select: { before: true, after: true, actorId: true } });

describe("budget approvals a sponsor can trust", () => {
  it("approving a second scenario supersedes the first, naming both figures; the dashboard's budget is the new one", async () => {
    const { sponsor, viewer, p, slug, full, pilot } = await setup();
    const first = await shown(sponsor, slug, full);
    const a = await approveBudget(sponsor, first.request);
    expect(a.outcome).toBe("approved");
    expect(a.superseded).toBeNull();

    const second = await shown(sponsor, slug, pilot);
    expect(second.request.supersedes).toBe(a.id);
    expect(second.monthly).toBeLessThan(first.monthly);
    const b = await approveBudget(sponsor, { ...second.request, note: "Start small" });
    expect(b.outcome).toBe("approved");
    expect(b.superseded).toMatchObject({ approvalId: a.id, scenario: "Full rollout" });
    expect(b.superseded!.monthlyAmount).toBeCloseTo(first.monthly, 2);

    const rows = await approvals(p.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: a.id, status: "SUPERSEDED", activeProgrammeId: null, supersededById: b.id });
    expect(rows[0]!.endReason).toContain('"Pilot"');
    expect(rows[1]).toMatchObject({ id: b.id, status: "ACTIVE", activeProgrammeId: p.id });

    const model = await getCostModel(viewer, slug);
    expect(model.latestApproval).toMatchObject({ id: b.id, scenarioName: "Pilot" });
    expect(model.scenarios.find((s) => s.id === pilot)!.isApprovedBudget).toBe(true);
    expect(model.scenarios.find((s) => s.id === full)!.isApprovedBudget).toBe(false);

    const [, event] = await auditOf(p.id, "budget.approve");
    expect(event!.before).toMatchObject({ approvedBudget: { approvalId: a.id, scenario: "Full rollout" } });
    expect(event!.after).toMatchObject({ scenario: "Pilot", supersedes: a.id, note: "Start small" });
    expect(await verifyAuditChain(p.id)).toMatchObject({ ok: true });
  });

  it("a sponsor who confirmed against another approved budget (or none) is refused, and nothing is written", async () => {
    const { sponsor, p, slug, full, pilot } = await setup();
    const seenPilot = await shown(sponsor, slug, pilot); // sees: nothing approved
    await approveBudget(sponsor, (await shown(sponsor, slug, full)).request);
    const before = await db.auditEvent.count({ where: { programmeId: p.id } });
    await expect(approveBudget(sponsor, seenPilot.request)).rejects.toThrow(
      /The approved budget changed since you opened this page: "Full rollout" at \$[\d,]+\.\d\d a month is approved now\./,
    );
    await expect(approveBudget(sponsor, seenPilot.request)).rejects.toBeInstanceOf(ConflictError);
    expect(await db.auditEvent.count({ where: { programmeId: p.id } })).toBe(before);
    expect((await approvals(p.id)).map((a) => a.status)).toEqual(["ACTIVE"]);
  });

  it("approving the approved scenario again changes nothing and says so", async () => {
    const { sponsor, p, slug, full } = await setup();
    const { request } = await shown(sponsor, slug, full);
    const a = await approveBudget(sponsor, request);
    const events = await db.auditEvent.count({ where: { programmeId: p.id } });
    const again = await approveBudget(sponsor, request); // a double click: supersedes still says none
    expect(again).toMatchObject({ outcome: "unchanged", id: a.id, superseded: null });
    const third = await approveBudget(sponsor, (await shown(sponsor, slug, full)).request);
    expect(third).toMatchObject({ outcome: "unchanged", id: a.id });
    expect(await approvals(p.id)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { programmeId: p.id } })).toBe(events);
    expect((await getScenario(sponsor, slug, full)).approvedAsIs).toBe(true);
  });

  it("a scenario changed after its approval is approved again as a new figure, superseding its own old approval", async () => {
    const { pm, sponsor, p, slug, full } = await setup();
    const a = await approveBudget(sponsor, (await shown(sponsor, slug, full)).request);
    await updateScenario(pm, { ...scenario(slug, { users: 450 }), scenarioId: full });
    expect((await getScenario(sponsor, slug, full)).approvedAsIs).toBe(false);
    const b = await approveBudget(sponsor, (await shown(sponsor, slug, full)).request);
    expect(b).toMatchObject({ outcome: "approved", superseded: { approvalId: a.id, scenario: "Full rollout" } });
    expect((await approvals(p.id)).map((x) => x.status)).toEqual(["SUPERSEDED", "ACTIVE"]);
  });

  it("the sponsor revokes the approved budget with a reason: no budget is approved until they approve again", async () => {
    const { sponsor, viewer, p, slug, full, pilot } = await setup();
    const a = await approveBudget(sponsor, (await shown(sponsor, slug, full)).request);
    const b = await approveBudget(sponsor, (await shown(sponsor, slug, pilot)).request);

    await expect(revokeBudget(sponsor, { programmeSlug: slug, approvalId: b.id, reason: "" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["reason"], message: "Give the reason for revoking the approval." })],
    });
    await expect(revokeBudget(sponsor, { programmeSlug: slug, approvalId: a.id, reason: "Wrong one" })).rejects.toThrow(
      "This approval was already superseded by a later one; nothing changed.",
    );
    const revoked = await revokeBudget(sponsor, { programmeSlug: slug, approvalId: b.id, reason: "The board cut the pilot budget" });
    expect(revoked).toMatchObject({ status: "REVOKED", endReason: "The board cut the pilot budget" });
    await expect(revokeBudget(sponsor, { programmeSlug: slug, approvalId: b.id, reason: "Again" })).rejects.toBeInstanceOf(RuleError);

    // The superseded approval does not come back by itself.
    expect((await approvals(p.id)).map((x) => x.status)).toEqual(["SUPERSEDED", "REVOKED"]);
    const model = await getCostModel(viewer, slug);
    expect(model.latestApproval).toBeNull();
    expect(model.allocation.approved).toBeNull();
    const [event] = await auditOf(p.id, "budget.revoke");
    expect(event).toMatchObject({
      actorId: sponsor.id,
      before: { status: "ACTIVE", scenario: "Pilot" },
      after: { status: "REVOKED", reason: "The board cut the pilot budget" },
    });

    // Approving after a revocation supersedes nothing.
    const { request } = await shown(sponsor, slug, full);
    expect(request.supersedes).toBeNull();
    expect(await approveBudget(sponsor, request)).toMatchObject({ outcome: "approved", superseded: null });
    expect(await verifyAuditChain(p.id)).toMatchObject({ ok: true });
  });

  it("the sponsor sends a scenario back with a reason; the programme manager's change clears it; the approved one must be revoked first", async () => {
    const { pm, sponsor, p, slug, full, pilot } = await setup();
    await expect(sendBackScenario(sponsor, { programmeSlug: slug, scenarioId: pilot, reason: " " })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["reason"] })],
    });
    const sent = await sendBackScenario(sponsor, { programmeSlug: slug, scenarioId: pilot, reason: "Use the negotiated seat price" });
    expect(sent).toMatchObject({ sentBackReason: "Use the negotiated seat price", sentBackBy: `${sponsor.name} <${sponsor.email}>` });
    expect((await getScenario(pm, slug, pilot)).sentBack).toMatchObject({ reason: "Use the negotiated seat price" });
    expect((await getCostModel(pm, slug)).scenarios.find((s) => s.id === pilot)!.sentBack).toBe(true);
    const [event] = await auditOf(p.id, "scenario.send-back");
    expect(event).toMatchObject({
      actorId: sponsor.id,
      after: { sentBack: true, scenario: "Pilot", reason: "Use the negotiated seat price" },
    });

    await updateScenario(pm, { ...scenario(slug, { name: "Pilot", users: 30, seats: 30, seatPricePerMonth: 25 }), scenarioId: pilot });
    expect((await getScenario(pm, slug, pilot)).sentBack).toBeNull();

    await approveBudget(sponsor, (await shown(sponsor, slug, full)).request);
    await expect(sendBackScenario(sponsor, { programmeSlug: slug, scenarioId: full, reason: "Too big" })).rejects.toThrow(
      '"Full rollout" is the approved budget: revoke the approval first, then send it back.',
    );
  });

  it("concurrent approvals of different scenarios: exactly one wins, the other is told what is approved now", async () => {
    const { sponsor, p, slug, full, pilot } = await setup();
    const seen = await Promise.all([shown(sponsor, slug, full), shown(sponsor, slug, pilot)]);
    const results = await Promise.allSettled(seen.map((s) => approveBudget(sponsor, s.request)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    const rows = await approvals(p.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("ACTIVE");
    expect(await db.auditEvent.count({ where: { programmeId: p.id, action: "budget.approve" } })).toBe(1);
  });

  it("concurrent approvals of the same scenario (a double submit) record one approval", async () => {
    const { sponsor, p, slug, full } = await setup();
    const { request } = await shown(sponsor, slug, full);
    const results = await Promise.all(Array.from({ length: 4 }, () => approveBudget(sponsor, request)));
    expect(results.filter((r) => r.outcome === "approved")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "unchanged")).toHaveLength(3);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await approvals(p.id)).toHaveLength(1);
  });

  it("the database holds one active approval per programme, whatever the code does", async () => {
    const { sponsor, p, slug, full, pilot } = await setup();
    const a = await approveBudget(sponsor, (await shown(sponsor, slug, full)).request);
    const base = { programmeId: p.id, scenarioId: pilot, monthlyAmount: 1, ninetyDayAmount: 3, approvedBy: "x", approverId: sponsor.id };
    await expect(db.budgetApproval.create({ data: { ...base, status: "ACTIVE", activeProgrammeId: p.id } })).rejects.toThrow();
    // An active row without its key, or an ended one with it, is refused by the check.
    await expect(db.budgetApproval.create({ data: { ...base, status: "ACTIVE" } })).rejects.toThrow();
    await expect(db.budgetApproval.update({ where: { id: a.id }, data: { status: "REVOKED" } })).rejects.toThrow();
    expect(await approvals(p.id)).toHaveLength(1);
  });

  it("denied paths: the programme manager, a viewer, another programme's sponsor, another programme's approval", async () => {
    const { pm, viewer, sponsor, p, slug, full, pilot } = await setup();
    const other = await setup();
    const { request } = await shown(sponsor, slug, full);
    await expect(approveBudget(pm, request)).rejects.toThrow("Only a sponsor can do that in this programme.");
    await expect(approveBudget(viewer, request)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approveBudget(other.sponsor, request)).rejects.toBeInstanceOf(NotFoundError);
    // Another programme's scenario, through the sponsor's own programme.
    await expect(approveBudget(other.sponsor, { ...request, programmeSlug: other.slug })).rejects.toBeInstanceOf(NotFoundError);
    await expect(sendBackScenario(pm, { programmeSlug: slug, scenarioId: pilot, reason: "Not now" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      sendBackScenario(other.sponsor, { programmeSlug: other.slug, scenarioId: pilot, reason: "Not now" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const a = await approveBudget(sponsor, request);
    await expect(revokeBudget(pm, { programmeSlug: slug, approvalId: a.id, reason: "Not now" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeBudget(viewer, { programmeSlug: slug, approvalId: a.id, reason: "Not now" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeBudget(other.sponsor, { programmeSlug: other.slug, approvalId: a.id, reason: "Not now" })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await approvals(p.id)).map((x) => x.status)).toEqual(["ACTIVE"]);
    expect(await db.auditEvent.count({ where: { programmeId: p.id, action: { in: ["budget.revoke", "scenario.send-back"] } } })).toBe(0);
  });
});
