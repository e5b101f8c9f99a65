import "server-only";

import { describeDay } from "@/domain/overview";
import { getTemplate, programmeDay, utcDateOf } from "@/domain/template";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";

export async function getProgrammeHeader(actor: Actor, programmeSlug: string, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const day = programmeDay(access.programme.startDate, utcDateOf(now));
  return {
    ...access.programme,
    roles: access.membership.roles,
    dayLabel: describeDay(day, getTemplate(access.programme.templateVersion).totalDays),
  };
}
