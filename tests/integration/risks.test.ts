import { describe, expect, it } from "vitest";

import { isoDateDaysAgo, makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { createRisk } from "@/features/risks/server/create-risk";
import { getRisk } from "@/features/risks/server/get-risk";
import { listRisks } from "@/features/risks/server/list-risks";
import { riskSummary } from "@/features/risks/server/risk-summary";
import { updateRisk } from "@/features/risks/server/update-risk";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError, RuleError } from "@/server/errors";

async function setup() {
  const pm = await makeUser();
  const p = await makeProgramme(pm);
  const { id: ownerId } = await db.membership.findFirstOrThrow({ where: { programmeId: p.id, userId: pm.id }, select: { id: true } });
  return { pm, p, slug: p.slug, ownerId };
}

const newRisk = (actor: Actor, slug: string, over: Record<string, unknown> = {}) =>
  createRisk(actor, {
    programmeSlug: slug,
    title: "Claims data classified Restricted reaches the pilot",
    probability: "LOW",
    impact: "LOW",
    consequence: "Pilot paused for a data review",
    mitigation: "DLP rule on the connector",
    ownerId: null,
    status: "OPEN",
    reviewDate: "",
    ...over,
  });

const edit = (
  actor: Actor,
  slug: string,
  risk: {
    id: string;
    title: string;
    probability: string;
    impact: string;
    consequence: string;
    mitigation: string;
    ownerId: string | null;
    status: string;
  },
  over: Record<string, unknown> = {},
) =>
  updateRisk(actor, {
    programmeSlug: slug,
    riskId: risk.id,
    title: risk.title,
    probability: risk.probability as never,
    impact: risk.impact as never,
    consequence: risk.consequence,
    mitigation: risk.mitigation,
    ownerId: risk.ownerId,
    status: risk.status as never,
    reviewDate: null,
    ...over,
  });

const counts = (map: Awaited<ReturnType<typeof listRisks>>["heatMap"]) => map.map((row) => row.cells.map((c) => c.count));
const auditCount = (programmeId: string) => db.auditEvent.count({ where: { programmeId } });

describe("risk register", () => {
  it("starts with the playbook's ten risks on the heat map, all open and unowned", async () => {
    const { pm, slug } = await setup();
    const r = await listRisks(pm, slug);
    expect(r.total).toBe(10);
    expect(r.risks.every((x) => x.fromPlaybook && x.unowned && !x.overdue)).toBe(true);
    // Rows: probability high, medium, low; columns: impact low, medium, high.
    expect(counts(r.heatMap)).toEqual([
      [0, 2, 3],
      [0, 2, 2],
      [0, 0, 1],
    ]);
    expect(r.counts).toEqual({ open: 10, openHigh: 7, unowned: 10, overdue: 0 });
    // Highest score first.
    expect(r.risks[0]!.score).toBe(9);
  });

  it("adds the programme's own risk, audited, and it appears on the heat map", async () => {
    const { pm, p, slug, ownerId } = await setup();
    const created = await newRisk(pm, slug, { ownerId, reviewDate: isoDateDaysAgo(-14) });
    expect(created).toMatchObject({ fromPlaybook: false, status: "OPEN", ownerId, probability: "LOW", impact: "LOW" });
    const last = await db.auditEvent.findFirstOrThrow({ where: { programmeId: p.id }, orderBy: { seq: "desc" } });
    expect(last).toMatchObject({
      action: "risk.create",
      entityType: "Risk",
      entityId: created.id,
      after: expect.objectContaining({ title: created.title, ownerId }),
    });
    const r = await listRisks(pm, slug);
    expect(r.total).toBe(11);
    expect(r.heatMap[2]!.cells[0]).toMatchObject({ probability: "LOW", impact: "LOW", count: 1 });
    expect(r.risks.find((x) => x.id === created.id)).toMatchObject({ ownerName: pm.name, unowned: false, overdue: false });
    // Narrowed to its cell.
    const cell = await listRisks(pm, slug, { probability: "LOW", impact: "LOW" });
    expect(cell.risks.map((x) => x.id)).toEqual([created.id]);
    expect(cell.filter).toEqual({ cell: { probability: "LOW", impact: "LOW" }, flag: null });
    // Nonsense filters are ignored.
    expect((await listRisks(pm, slug, { probability: "HUGE", flag: "x" })).risks).toHaveLength(11);
  });

  it("edits a risk: reassessing moves it on the heat map; closing takes it off; before and after are audited", async () => {
    const { pm, p, slug, ownerId } = await setup();
    const procurement = await db.risk.findFirstOrThrow({
      where: { programmeId: p.id, title: "Procurement delays exceeding planned timeline" },
    });
    await edit(pm, slug, procurement, {
      probability: "MEDIUM",
      ownerId,
      status: "MITIGATING",
      mitigation: "Vendor onboarding started in week 1",
    });
    let r = await listRisks(pm, slug);
    expect(counts(r.heatMap)).toEqual([
      [0, 2, 2],
      [0, 2, 3],
      [0, 0, 1],
    ]);
    const last = await db.auditEvent.findFirstOrThrow({ where: { programmeId: p.id }, orderBy: { seq: "desc" } });
    expect(last).toMatchObject({
      action: "risk.update",
      entityId: procurement.id,
      before: expect.objectContaining({ probability: "HIGH", ownerId: null, status: "OPEN" }),
      after: expect.objectContaining({
        probability: "MEDIUM",
        ownerId,
        status: "MITIGATING",
        mitigation: "Vendor onboarding started in week 1",
      }),
    });
    await edit(pm, slug, { ...procurement, ownerId }, { status: "CLOSED", probability: "MEDIUM" });
    r = await listRisks(pm, slug);
    expect(r.heatMap[1]!.cells[2]!.count).toBe(2);
    expect(r.counts.open).toBe(9);
    expect(await verifyAuditChain(p.id)).toMatchObject({ ok: true });
  });

  it("flags open risks past their review date and open risks without an owner", async () => {
    const { pm, p, slug, ownerId } = await setup();
    const now = new Date();
    const late = await newRisk(pm, slug, { title: "Late review", ownerId, reviewDate: isoDateDaysAgo(1, now) });
    await newRisk(pm, slug, { title: "Due today", ownerId, reviewDate: isoDateDaysAgo(0, now) });
    await newRisk(pm, slug, { title: "Closed and late", status: "CLOSED", reviewDate: isoDateDaysAgo(30, now) });
    await newRisk(pm, slug, { title: "Accepted, nobody owns it", status: "ACCEPTED" });
    const r = await listRisks(pm, slug, {}, now);
    expect(r.counts).toMatchObject({ overdue: 1, unowned: 10 });
    expect((await listRisks(pm, slug, { flag: "overdue" }, now)).risks.map((x) => x.title)).toEqual(["Late review"]);
    expect((await listRisks(pm, slug, { flag: "unowned" }, now)).risks.every((x) => x.fromPlaybook)).toBe(true);
    expect(await riskSummary(p.id, now)).toEqual({ open: 12, openHigh: 7, unowned: 10, overdue: 1 });
    // Its own page shows the flag; mitigating it with a new review date clears it.
    expect((await getRisk(pm, slug, late.id, now)).risk).toMatchObject({ overdue: true, ownerName: pm.name });
    await edit(pm, slug, late, { reviewDate: isoDateDaysAgo(-7, now) });
    expect((await listRisks(pm, slug, {}, now)).counts.overdue).toBe(0);
  });

  it("refuses bad input and an owner from another programme, writing nothing", async () => {
    const { pm, p, slug } = await setup();
    const other = await setup();
    const events = await auditCount(p.id);
    await expect(newRisk(pm, slug, { ownerId: other.ownerId })).rejects.toThrow(
      new RuleError("The owner must be a member of this programme.", "ownerId"),
    );
    await expect(newRisk(pm, slug, { reviewDate: "2026-02-30" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["reviewDate"], message: "Enter a real date." })],
    });
    await expect(newRisk(pm, slug, { title: "x", impact: "SEVERE" })).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ["title"] }), expect.objectContaining({ path: ["impact"] })]),
    });
    expect(await auditCount(p.id)).toBe(events);
    expect(await db.risk.count({ where: { programmeId: p.id } })).toBe(10);
  });
});

describe("denied paths", () => {
  it("a viewer, sponsor or reviewer reads the register but cannot add or change a risk", async () => {
    const { pm, p, slug } = await setup();
    const risk = await db.risk.findFirstOrThrow({ where: { programmeId: p.id } });
    for (const [roles, functions] of [
      [["VIEWER"], []],
      [["SPONSOR"], []],
      [["GATE_REVIEWER"], ["SECURITY"]],
    ] as const) {
      const user = await makeUser();
      await makeMember(pm, slug, user, [...roles], [...functions]);
      const events = await auditCount(p.id);
      await expect(newRisk(user, slug)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(edit(user, slug, risk, { status: "CLOSED" })).rejects.toThrow("Only a programme manager can do that in this programme.");
      expect(await auditCount(p.id)).toBe(events);
      await expect(listRisks(user, slug)).resolves.toMatchObject({ canManage: false, total: 10 });
      await expect(getRisk(user, slug, risk.id)).resolves.toMatchObject({ canManage: false });
    }
    expect(await db.risk.findUniqueOrThrow({ where: { id: risk.id } })).toMatchObject({ status: "OPEN" });
  });

  it("a non-member gets 'not found'; another programme's risk is not found, by id or through its page", async () => {
    const a = await setup();
    const b = await setup();
    const outsider = await makeUser();
    const bRisk = await db.risk.findFirstOrThrow({ where: { programmeId: b.p.id } });
    await expect(listRisks(outsider, a.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(newRisk(outsider, a.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(edit(a.pm, a.slug, bRisk, { status: "CLOSED" })).rejects.toThrow(new NotFoundError("Risk not found."));
    await expect(getRisk(a.pm, a.slug, bRisk.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRisk(a.pm, a.slug, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRisk(a.pm, b.slug, bRisk.id)).rejects.toThrow(new NotFoundError("Programme not found."));
    expect(await db.risk.findUniqueOrThrow({ where: { id: bRisk.id } })).toMatchObject({ status: "OPEN" });
  });
});
