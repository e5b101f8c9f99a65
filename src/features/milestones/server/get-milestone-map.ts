import "server-only";

import { daysLate, isSlipped, projectProductionDate } from "@/domain/milestones";
import { utcDateOf } from "@/domain/template";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

/** Weeks 1–13 of the plan, each milestone with owner, due date and status; slips and the projected production date. */
export async function getMilestoneMap(actor: Actor, programmeSlug: string, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  const today = utcDateOf(now);
  const [milestones, rollout, members] = await Promise.all([
    db.milestone.findMany({
      where: { programmeId },
      orderBy: [{ week: "asc" }, { dueDate: "asc" }, { title: "asc" }],
      select: {
        id: true,
        week: true,
        phase: true,
        title: true,
        deliverable: true,
        dueDate: true,
        status: true,
        completedAt: true,
        ownerId: true,
        owner: { select: { user: { select: { name: true } } } },
      },
    }),
    db.phase.findFirst({ where: { programmeId, key: "ROLLOUT" }, select: { plannedEnd: true } }),
    db.membership.findMany({
      where: { programmeId },
      select: { id: true, user: { select: { name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  const rows = milestones.map(({ owner, ...m }) => ({
    ...m,
    ownerName: owner?.user.name ?? null,
    slipped: isSlipped(m, today),
    daysLate: daysLate(m, today),
  }));
  const weeks = Array.from({ length: 13 }, (_, i) => ({ week: i + 1, milestones: rows.filter((m) => m.week === i + 1) }));
  const production = rollout?.plannedEnd
    ? { planned: rollout.plannedEnd, ...projectProductionDate(milestones, rollout.plannedEnd, today) }
    : null;
  return {
    access,
    weeks,
    production,
    slipped: rows.filter((m) => m.slipped).length,
    unowned: rows.filter((m) => m.status !== "DONE" && !m.ownerId).length,
    members: members.map((m) => ({ id: m.id, name: m.user.name })),
    canEdit: access.can("programme.update"),
    hasCalendarLink: (await db.membership.count({ where: { id: access.membership.id, calendarTokenHash: { not: null } } })) > 0,
  };
}
