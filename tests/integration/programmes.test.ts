import { describe, expect, it } from "vitest";

import { makeProgramme, makeUser, uniqueSuffix } from "@/demo/factories";
import { CURRENT_TEMPLATE } from "@/domain/template";
import { createProgramme } from "@/features/programmes/server/create-programme";
import { getProgrammeOverview } from "@/features/programmes/server/get-programme-overview";
import { listMyProgrammes } from "@/features/programmes/server/list-my-programmes";
import { db } from "@/server/db";
import { ConflictError } from "@/server/errors";

describe("creating a programme from the 90-day template", () => {
  it("lays out phases, gates with criteria and sign-off functions, milestones, risks and stakeholder slots, and makes the creator its manager", async () => {
    const pm = await makeUser();
    const slug = `tpl-${uniqueSuffix()}`;
    const p = await createProgramme(pm, {
      name: "Template check",
      organisation: "Initech",
      slug,
      startDate: "2026-01-05",
      licensedSeats: 500,
      deploymentKind: "API",
    });
    const programmeId = p.id;

    const phases = await db.phase.findMany({ where: { programmeId }, orderBy: { ordinal: "asc" } });
    expect(phases.map((x) => [x.key, x.plannedStart.toISOString().slice(0, 10), x.plannedEnd?.toISOString().slice(0, 10) ?? null])).toEqual(
      [
        ["DISCOVERY", "2026-01-05", "2026-02-03"],
        ["PILOT", "2026-02-04", "2026-03-05"],
        ["ROLLOUT", "2026-03-06", "2026-04-04"],
        ["GOVERNANCE", "2026-04-05", null],
      ],
    );
    expect(phases[0]!.actualStart?.toISOString().slice(0, 10)).toBe("2026-01-05");
    expect(phases.slice(1).every((x) => x.actualStart === null)).toBe(true);

    const gates = await db.gate.findMany({ where: { programmeId }, orderBy: { ordinal: "asc" }, include: { criteria: true } });
    expect(gates.map((g) => g.name)).toEqual([
      "Architecture Review",
      "Pilot Debrief",
      "Production Readiness Review",
      "30-Day Post-Launch Review",
    ]);
    expect(gates.every((g) => g.status === "NOT_STARTED" && g.criteria.length > 0 && g.requiredFunctions.length > 0)).toBe(true);
    expect(gates[0]!.requiredFunctions).toEqual(expect.arrayContaining(["ENGINEERING", "SECURITY", "LEGAL_PRIVACY", "BUSINESS"]));
    expect(gates[0]!.criteria.map((c) => c.title)).toContain("Architecture Decision Record accepted");
    expect(gates[0]!.plannedDate.toISOString().slice(0, 10)).toBe("2026-02-03");

    const milestones = await db.milestone.findMany({ where: { programmeId } });
    expect(new Set(milestones.map((m) => m.week))).toEqual(new Set(Array.from({ length: 13 }, (_, i) => i + 1)));
    expect(milestones.length).toBe(CURRENT_TEMPLATE.milestones.length);

    const risks = await db.risk.findMany({ where: { programmeId } });
    expect(risks).toHaveLength(10);
    expect(risks.every((r) => r.fromPlaybook && r.ownerId === null)).toBe(true);
    expect(risks.map((r) => r.title)).toContain("Procurement delays exceeding planned timeline");

    const stakeholders = await db.stakeholder.findMany({ where: { programmeId } });
    expect(stakeholders.map((s) => s.role).sort()).toEqual([
      "BUSINESS_UNIT_LEADER",
      "CIO_CTO",
      "CISO_SECURITY",
      "ENGINEERING_LEAD",
      "HR",
      "LEGAL_PRIVACY",
      "PROCUREMENT",
    ]);
    expect(stakeholders.every((s) => s.personName === null)).toBe(true);

    const members = await db.membership.findMany({ where: { programmeId } });
    expect(members).toEqual([expect.objectContaining({ userId: pm.id, roles: ["PROGRAMME_MANAGER"] })]);

    const events = await db.auditEvent.findMany({ where: { programmeId }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["programme.create", "member.add"]);
    expect(events[0]!.actorId).toBe(pm.id);
  });

  it("refuses a taken slug with a field error and writes nothing", async () => {
    const pm = await makeUser();
    const first = await makeProgramme(pm);
    const before = await db.programme.count();
    const attempt = makeProgramme(pm, { slug: first.slug });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ field: "slug", message: "This address is already taken; choose another." });
    expect(await db.programme.count()).toBe(before);
  });

  it("rejects bad input with a message per field and writes nothing", async () => {
    const pm = await makeUser();
    const before = await db.programme.count();
    const attempt = createProgramme(pm, {
      name: "",
      organisation: "X",
      slug: "Not A Slug",
      startDate: "2026-02-30",
      licensedSeats: 0,
      deploymentKind: "ROBOTS" as never,
    });
    await expect(attempt).rejects.toMatchObject({ name: "ZodError" });
    const err = (await attempt.catch((e: unknown) => e)) as { issues: { path: string[]; message: string }[] };
    const fields = new Set(err.issues.map((i) => i.path[0]));
    expect(fields).toEqual(new Set(["name", "organisation", "slug", "startDate", "licensedSeats", "deploymentKind"]));
    expect(await db.programme.count()).toBe(before);
  });

  it("lists only the programmes the user is a member of, with their role and day", async () => {
    const alice = await makeUser();
    const bob = await makeUser();
    const a = await makeProgramme(alice, { day: 45 });
    await makeProgramme(bob);
    const mine = await listMyProgrammes(alice);
    expect(mine.map((p) => p.slug)).toEqual([a.slug]);
    expect(mine[0]).toMatchObject({ roles: ["PROGRAMME_MANAGER"], day: 45, dayLabel: "Day 45 of 90" });
  });

  it("summarises the overview: day, phase timeline, gates, next milestones, open high risks and unowned items", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm, { day: 10 });
    const { summary } = await getProgrammeOverview(pm, p.slug);
    expect(summary.dayLabel).toBe("Day 10 of 90");
    expect(summary.phases.map((x) => x.state)).toEqual(["current", "upcoming", "upcoming", "upcoming"]);
    expect(summary.gates).toHaveLength(4);
    expect(summary.nextMilestones.length).toBeGreaterThan(0);
    expect(summary.slippedMilestones).toBeGreaterThan(0); // week 1 ended on day 7 and nothing is done yet
    expect(summary.openHighRisks).toBe(7); // the playbook's high-probability or high-impact risks that are at least medium on the other axis
    expect(summary.unowned.risks).toBe(10);
    expect(summary.unowned.stakeholders).toBe(7);
  });
});
