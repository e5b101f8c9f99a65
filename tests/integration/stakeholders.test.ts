import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { STAKEHOLDER_ROLES } from "@/domain/enums";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { listStakeholders } from "@/features/stakeholders/server/list-stakeholders";
import { stakeholderFlags } from "@/features/stakeholders/server/stakeholder-flags";
import { updateStakeholder } from "@/features/stakeholders/server/update-stakeholder";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError, RuleError } from "@/server/errors";

async function setup(day = 1) {
  const pm = await makeUser();
  const p = await makeProgramme(pm, { day });
  const pmMembership = await db.membership.findFirstOrThrow({ where: { programmeId: p.id, userId: pm.id }, select: { id: true } });
  const card = (role: string) => db.stakeholder.findFirstOrThrow({ where: { programmeId: p.id, role: role as never } });
  return { pm, p, slug: p.slug, ownerId: pmMembership.id, card };
}

const fill = (actor: Actor, slug: string, stakeholderId: string, over: Record<string, unknown> = {}) =>
  updateStakeholder(actor, {
    programmeSlug: slug,
    stakeholderId,
    personName: "Ravi Patel",
    personTitle: "Vendor management lead",
    relationshipOwnerId: null,
    concerns: "Onboarding backlog",
    engagementPlan: "Start vendor onboarding in week 1",
    stance: "ENGAGED",
    engageByWeek: 1,
    ...over,
  });

const auditCount = (programmeId: string) => db.auditEvent.count({ where: { programmeId } });

describe("stakeholder map", () => {
  it("a new programme has one card per role, in the playbook's order, each unowned", async () => {
    const { pm, slug } = await setup();
    const map = await listStakeholders(pm, slug);
    expect(map.stakeholders.map((s) => s.role)).toEqual([...STAKEHOLDER_ROLES]);
    expect(map.stakeholders.every((s) => s.stance === "NOT_ENGAGED" && s.ownerName === null && s.concerns.length > 0)).toBe(true);
    expect(map.flags.filter((f) => f.kind === "UNOWNED")).toHaveLength(7);
    expect(map.canManage).toBe(true);
  });

  it("the programme manager fills a card; the change is stored and audited with before and after", async () => {
    const { pm, p, slug, ownerId, card } = await setup();
    const procurement = await card("PROCUREMENT");
    await fill(pm, slug, procurement.id, { relationshipOwnerId: ownerId, stance: "SUPPORTIVE", engageByWeek: "2", personTitle: "  " });
    expect(await db.stakeholder.findUniqueOrThrow({ where: { id: procurement.id } })).toMatchObject({
      personName: "Ravi Patel",
      personTitle: null,
      relationshipOwnerId: ownerId,
      stance: "SUPPORTIVE",
      engageByWeek: 2,
      engagementPlan: "Start vendor onboarding in week 1",
    });
    const last = await db.auditEvent.findFirstOrThrow({ where: { programmeId: p.id }, orderBy: { seq: "desc" } });
    expect(last).toMatchObject({
      action: "stakeholder.update",
      entityType: "Stakeholder",
      entityId: procurement.id,
      actorId: pm.id,
      before: expect.objectContaining({ stance: "NOT_ENGAGED", personName: null, relationshipOwnerId: null }),
      after: expect.objectContaining({ stance: "SUPPORTIVE", personName: "Ravi Patel", relationshipOwnerId: ownerId }),
    });
    const map = await listStakeholders(pm, slug);
    expect(map.stakeholders.find((s) => s.id === procurement.id)).toMatchObject({ ownerName: pm.name, flags: [] });
    expect(await verifyAuditChain(p.id)).toMatchObject({ ok: true });
  });

  it("refuses a relationship owner who is not a member, and bad input, writing nothing", async () => {
    const { pm, p, slug, card } = await setup();
    const other = await setup();
    const hr = await card("HR");
    const events = await auditCount(p.id);
    await expect(fill(pm, slug, hr.id, { relationshipOwnerId: other.ownerId })).rejects.toThrow(
      new RuleError("The relationship owner must be a member of this programme.", "relationshipOwnerId"),
    );
    await expect(fill(pm, slug, hr.id, { engageByWeek: 14 })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["engageByWeek"], message: "Week 13 at the latest: the plan has 13 weeks." })],
    });
    await expect(fill(pm, slug, hr.id, { stance: "HOSTILE" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["stance"] })],
    });
    expect(await auditCount(p.id)).toBe(events);
    expect(await db.stakeholder.findUniqueOrThrow({ where: { id: hr.id } })).toMatchObject({ personName: null, stance: "NOT_ENGAGED" });
  });
});

describe("stakeholder flags", () => {
  it("Procurement and Security not engaged are flagged on day 8, not on day 7", async () => {
    const day7 = await setup(7);
    const day8 = await setup(8);
    const week1 = (flags: { kind: string; message: string }[]) =>
      flags.filter((f) => f.kind === "NOT_ENGAGED_WEEK_1").map((f) => f.message);
    expect(week1(await stakeholderFlags(day7.p.id))).toEqual([]);
    expect(week1(await stakeholderFlags(day8.p.id))).toEqual([
      "IT Security / CISO not engaged by the end of week 1: a late security review blocks API key provisioning and the pilot.",
      "Procurement not engaged by the end of week 1: vendor onboarding takes 3–12 weeks.",
    ]);
    // Engaging them and naming an owner clears their flags.
    for (const role of ["PROCUREMENT", "CISO_SECURITY"])
      await fill(day8.pm, day8.slug, (await day8.card(role)).id, { relationshipOwnerId: day8.ownerId });
    const after = await stakeholderFlags(day8.p.id);
    expect(week1(after)).toEqual([]);
    expect(after.filter((f) => f.kind === "UNOWNED").map((f) => f.role)).toEqual([
      "CIO_CTO",
      "LEGAL_PRIVACY",
      "BUSINESS_UNIT_LEADER",
      "ENGINEERING_LEAD",
      "HR",
    ]);
  });

  it("flags blocking stakeholders with their person, and takes `now`", async () => {
    const { pm, p, slug, ownerId, card } = await setup();
    await fill(pm, slug, (await card("LEGAL_PRIVACY")).id, { personName: "Elena Rossi", stance: "BLOCKING", relationshipOwnerId: ownerId });
    const flags = await stakeholderFlags(p.id);
    expect(flags.filter((f) => f.kind === "BLOCKING")).toEqual([
      expect.objectContaining({
        role: "LEGAL_PRIVACY",
        tone: "danger",
        message: "Legal / Privacy (Elena Rossi) is blocking the deployment: escalate through the CIO / CTO.",
      }),
    ]);
    const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000);
    expect((await stakeholderFlags(p.id, inTwoWeeks)).filter((f) => f.kind === "NOT_ENGAGED_WEEK_1")).toHaveLength(2);
    expect(await stakeholderFlags("00000000-0000-4000-8000-000000000000")).toEqual([]);
  });
});

describe("denied paths", () => {
  it("a member who is not the programme manager can read the map but not change it", async () => {
    const { pm, p, slug, card } = await setup();
    const cio = await card("CIO_CTO");
    for (const [roles, functions] of [
      [["VIEWER"], []],
      [["SPONSOR"], []],
      [["GATE_REVIEWER"], ["SECURITY"]],
    ] as const) {
      const user = await makeUser();
      await makeMember(pm, slug, user, [...roles], [...functions]);
      const events = await auditCount(p.id);
      await expect(fill(user, slug, cio.id)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await auditCount(p.id)).toBe(events);
      await expect(listStakeholders(user, slug)).resolves.toMatchObject({ canManage: false });
    }
    expect(await db.stakeholder.findUniqueOrThrow({ where: { id: cio.id } })).toMatchObject({ personName: null });
  });

  it("someone who is not a member gets 'not found'; another programme's card is not found", async () => {
    const a = await setup();
    const b = await setup();
    const outsider = await makeUser();
    const bCard = await b.card("HR");
    await expect(listStakeholders(outsider, a.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(fill(outsider, a.slug, (await a.card("HR")).id)).rejects.toBeInstanceOf(NotFoundError);
    // a's manager names b's card through a's programme, and b's programme directly.
    await expect(fill(a.pm, a.slug, bCard.id)).rejects.toThrow(new NotFoundError("Stakeholder not found."));
    await expect(fill(a.pm, b.slug, bCard.id)).rejects.toThrow(new NotFoundError("Programme not found."));
    expect(await db.stakeholder.findUniqueOrThrow({ where: { id: bCard.id } })).toMatchObject({ personName: null });
  });
});
