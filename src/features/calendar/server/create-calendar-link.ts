import "server-only";

import type { z } from "zod";

import { generateCalendarToken, hashCalendarToken } from "@/domain/calendar";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { createCalendarLinkSchema } from "../schemas";

/** A member's secret calendar-feed token for one programme; a new one replaces (and disables) the old. */
export async function createCalendarLink(actor: Actor, raw: z.input<typeof createCalendarLinkSchema>) {
  const input = createCalendarLinkSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "programme.read");
  const token = generateCalendarToken();
  await db.$transaction(async (tx) => {
    await tx.membership.update({ where: { id: access.membership.id }, data: { calendarTokenHash: hashCalendarToken(token) } });
    await appendAudit(tx, {
      programmeId: access.programme.id,
      actor: auditActor(actor),
      action: "calendar.link",
      entityType: "Membership",
      entityId: access.membership.id,
      after: { note: "new calendar feed link; any earlier one stops working" },
    });
  });
  return { token };
}
