import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
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
