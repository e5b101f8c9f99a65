import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { createMilestone } from "@/features/milestones/server/create-milestone";
import { deleteMilestone } from "@/features/milestones/server/delete-milestone";
import { getMilestoneMap } from "@/features/milestones/server/get-milestone-map";
import { updateMilestone } from "@/features/milestones/server/update-milestone";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError, RuleError } from "@/server/errors";

describe("the milestone map", () => {
  it("shows weeks 1–13, flags slips and projects the production date from phase-1 slips", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm, { day: 20 });
    const map = await getMilestoneMap(pm, p.slug);
    expect(map.weeks.map((w) => w.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    // Day 20: weeks 1 and 2 are over and nothing is done, so their milestones slipped.
    const week1 = map.weeks[0]!.milestones;
    expect(week1.every((m) => m.slipped && m.daysLate === 13)).toBe(true);
    expect(map.slipped).toBe(map.weeks[0]!.milestones.length + map.weeks[1]!.milestones.length);
    expect(map.production!.shiftDays).toBe(13);
  });

  it("the programme manager marks a milestone done and gives it an owner; others cannot; other programmes' milestones are not found", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm, { day: 20 });
    const viewer = await makeUser();
    await makeMember(pm, p.slug, viewer, ["VIEWER"]);
    const m = await db.milestone.findFirstOrThrow({ where: { programmeId: p.id, week: 1 } });
    const pmMembership = await db.membership.findFirstOrThrow({ where: { programmeId: p.id, userId: pm.id } });
    const done = await updateMilestone(pm, { programmeSlug: p.slug, milestoneId: m.id, status: "DONE", ownerId: pmMembership.id });
    expect(done.completedAt).not.toBeNull();
    await expect(
      updateMilestone(viewer, { programmeSlug: p.slug, milestoneId: m.id, status: "BLOCKED", ownerId: null }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const other = await makeProgramme(await makeUser());
    await expect(
      updateMilestone(pm, {
        programmeSlug: p.slug,
        milestoneId: (await db.milestone.findFirstOrThrow({ where: { programmeId: other.id } })).id,
        status: "DONE",
        ownerId: null,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const outsiderMembership = await db.membership.findFirstOrThrow({ where: { programmeId: other.id } });
    await expect(
      updateMilestone(pm, { programmeSlug: p.slug, milestoneId: m.id, status: "DONE", ownerId: outsiderMembership.id }),
    ).rejects.toBeInstanceOf(RuleError);
    expect((await db.milestone.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("DONE");
    expect(await db.auditEvent.count({ where: { programmeId: p.id, action: "milestone.update" } })).toBe(1);
  });
});

describe("a milestone plan a programme manager can keep", () => {
  it("moves a due date (its week follows) with the calendar-date rules; bad dates are refused and nothing changes", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm, { day: 3 });
    const m = await db.milestone.findFirstOrThrow({ where: { programmeId: p.id, week: 1 } });
    const due = new Date(p.startDate.getTime() + 20 * 86_400_000).toISOString().slice(0, 10); // day 21: week 3
    const moved = await updateMilestone(pm, { programmeSlug: p.slug, milestoneId: m.id, status: m.status, ownerId: null, dueDate: due });
    expect(moved.dueDate.toISOString().slice(0, 10)).toBe(due);
    expect(moved.week).toBe(3);
    for (const bad of ["2026-02-30", "30/11/2026", "1999-12-31", ""])
      await expect(
        updateMilestone(pm, { programmeSlug: p.slug, milestoneId: m.id, status: m.status, ownerId: null, dueDate: bad }),
      ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["dueDate"] })] });
    expect((await db.milestone.findUniqueOrThrow({ where: { id: m.id } })).dueDate.toISOString().slice(0, 10)).toBe(due);
    const [event] = await db.auditEvent.findMany({ where: { programmeId: p.id, action: "milestone.update" } });
    expect(event).toMatchObject({ before: { week: 1 }, after: { week: 3 } });
  });

  it("adds and deletes the programme's own milestones; the playbook's cannot be deleted; denied paths", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm, { day: 10 });
    const viewer = await makeUser();
    await makeMember(pm, p.slug, viewer, ["VIEWER"]);
    const pmMembership = await db.membership.findFirstOrThrow({ where: { programmeId: p.id, userId: pm.id } });
    const input = {
      programmeSlug: p.slug,
      title: "Works council consultation",
      deliverable: "Signed consultation record",
      phase: "PILOT" as const,
      dueDate: new Date(p.startDate.getTime() + 40 * 86_400_000).toISOString().slice(0, 10),
      ownerId: pmMembership.id,
    };
    const created = await createMilestone(pm, input);
    expect(created).toMatchObject({ week: 6, phase: "PILOT", status: "NOT_STARTED" });
    expect((await db.milestone.findUniqueOrThrow({ where: { id: created.id } })).custom).toBe(true);
    await expect(createMilestone(pm, { ...input, title: " " })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["title"] })],
    });
    await expect(createMilestone(pm, { ...input, dueDate: "2026-13-01" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["dueDate"], message: "The due date is not a real day." })],
    });
    await expect(createMilestone(viewer, input)).rejects.toBeInstanceOf(ForbiddenError);
    const other = await makeProgramme(await makeUser());
    const outsiderMembership = await db.membership.findFirstOrThrow({ where: { programmeId: other.id } });
    await expect(createMilestone(pm, { ...input, ownerId: outsiderMembership.id })).rejects.toMatchObject({ field: "ownerId" });

    const map = await getMilestoneMap(viewer, p.slug, { phase: "PILOT", owner: pmMembership.id });
    expect(map.rows.map((r) => r.title)).toContain("Works council consultation");
    expect(map.rows.every((r) => r.phase === "PILOT" && r.ownerId === pmMembership.id)).toBe(true);
    expect(map.rows.length).toBeLessThan(map.total);
    expect((await getMilestoneMap(viewer, p.slug, { status: "SLIPPED" })).rows.every((r) => r.slipped)).toBe(true);
    expect((await getMilestoneMap(viewer, p.slug, { phase: "NOPE" })).filtered).toBe(false);

    const template = await db.milestone.findFirstOrThrow({ where: { programmeId: p.id, custom: false } });
    await expect(deleteMilestone(pm, { programmeSlug: p.slug, milestoneId: template.id })).rejects.toBeInstanceOf(RuleError);
    await expect(deleteMilestone(viewer, { programmeSlug: p.slug, milestoneId: created.id })).rejects.toBeInstanceOf(ForbiddenError);
    const otherPm = await makeUser();
    const q = await makeProgramme(otherPm);
    await expect(deleteMilestone(otherPm, { programmeSlug: q.slug, milestoneId: created.id })).rejects.toBeInstanceOf(NotFoundError);
    await deleteMilestone(pm, { programmeSlug: p.slug, milestoneId: created.id });
    expect(await db.milestone.count({ where: { id: created.id } })).toBe(0);
    const actions = (await db.auditEvent.findMany({ where: { programmeId: p.id, entityId: created.id }, orderBy: { seq: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["milestone.create", "milestone.delete"]);
  });
});
