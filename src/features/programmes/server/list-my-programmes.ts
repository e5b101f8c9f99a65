import "server-only";

import { describeDay } from "@/domain/overview";
import { CURRENT_TEMPLATE, programmeDay, utcDateOf } from "@/domain/template";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";

/** The programmes the user is a member of, with their role there. Membership is the only way in. */
export async function listMyProgrammes(actor: Actor, now = new Date()) {
  const memberships = await db.membership.findMany({
    where: { userId: actor.id },
    select: {
      roles: true,
      functions: true,
      programme: {
        select: {
          id: true,
          slug: true,
          name: true,
          organisation: true,
          startDate: true,
          currentPhase: true,
          status: true,
          licensedSeats: true,
          deploymentKind: true,
        },
      },
    },
    orderBy: { programme: { name: "asc" } },
  });
  return memberships.map((m) => {
    const day = programmeDay(m.programme.startDate, utcDateOf(now));
    return { ...m.programme, roles: m.roles, functions: m.functions, day, dayLabel: describeDay(day, CURRENT_TEMPLATE.totalDays) };
  });
}
