import "server-only";

import { z } from "zod";

import { MILESTONE_STATUSES, PHASE_KEYS } from "@/domain/enums";
import {
  daysLate,
  isSlipped,
  matchesMilestoneFilter,
  projectProductionDate,
  weekOfDueDate,
  type MilestoneFilter,
} from "@/domain/milestones";
import { utcDateOf } from "@/domain/template";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

/** The plan's filters from the query string; an unknown value is no filter. */
const filterSchema = z.object({
  phase: z.enum(PHASE_KEYS).optional().catch(undefined),
  owner: z
    .union([z.literal("none"), z.string().uuid()])
    .optional()
    .catch(undefined),
  status: z
    .enum([...MILESTONE_STATUSES, "SLIPPED"])
    .optional()
    .catch(undefined),
});

/** The plan: every milestone with owner, due date and status (filtered), slips and the projected production date. */
export async function getMilestoneMap(
  actor: Actor,
  programmeSlug: string,
  rawFilter: Record<string, string | undefined> = {},
  now = new Date(),
) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  const today = utcDateOf(now);
  const filter: MilestoneFilter = filterSchema.parse(rawFilter);
  const [milestones, rollout, members] = await Promise.all([
    db.milestone.findMany({
      where: { programmeId },
      orderBy: [{ dueDate: "asc" }, { week: "asc" }, { title: "asc" }],
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
        custom: true,
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
  const all = milestones.map(({ owner, ...m }) => ({
    ...m,
    ownerName: owner?.user.name ?? null,
    slipped: isSlipped(m, today),
    daysLate: daysLate(m, today),
  }));
  const rows = all.filter((m) => matchesMilestoneFilter(m, filter, today));
  const lastWeek = Math.max(13, ...all.map((m) => m.week));
  const weeks = Array.from({ length: lastWeek }, (_, i) => ({ week: i + 1, milestones: rows.filter((m) => m.week === i + 1) }));
  const production = rollout?.plannedEnd
    ? { planned: rollout.plannedEnd, ...projectProductionDate(milestones, rollout.plannedEnd, today) }
    : null;
  return {
    access,
    filter,
    filtered: Object.values(filter).some(Boolean),
    total: all.length,
    rows,
    weeks,
    todayWeek: today < access.programme.startDate ? 0 : weekOfDueDate(access.programme.startDate, today),
    production,
    slipped: all.filter((m) => m.slipped).length,
    unowned: all.filter((m) => m.status !== "DONE" && !m.ownerId).length,
    members: members.map((m) => ({ id: m.id, name: m.user.name })),
    canEdit: access.can("programme.update"),
    hasCalendarLink: (await db.membership.count({ where: { id: access.membership.id, calendarTokenHash: { not: null } } })) > 0,
  };
}
