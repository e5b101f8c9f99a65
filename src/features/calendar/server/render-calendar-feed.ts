import "server-only";

import ical from "ical-generator";

import { CALENDAR_TOKEN_PATTERN, hashCalendarToken } from "@/domain/calendar";
import { toSingleLine } from "@/domain/input";
import { addUtcDays } from "@/domain/template";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

/**
 * The ICS feed behind a member's secret URL: gate dates and milestone due dates as all-day events.
 * The token is the credential; it stops working when the member leaves or makes a new link.
 */
export async function renderCalendarFeed(token: string, baseUrl: string) {
  if (!CALENDAR_TOKEN_PATTERN.test(token)) throw new NotFoundError("No such calendar.");
  const membership = await db.membership.findUnique({
    where: { calendarTokenHash: hashCalendarToken(token) },
    select: { programme: { select: { id: true, slug: true, name: true } } },
  });
  if (!membership) throw new NotFoundError("No such calendar.");
  const { programme } = membership;
  const [gates, milestones] = await Promise.all([
    db.gate.findMany({
      where: { programmeId: programme.id },
      orderBy: { ordinal: "asc" },
      select: { id: true, key: true, name: true, plannedDate: true, status: true, requiredFunctions: true },
    }),
    db.milestone.findMany({
      where: { programmeId: programme.id },
      orderBy: { dueDate: "asc" },
      select: { id: true, week: true, title: true, deliverable: true, dueDate: true, status: true },
    }),
  ]);
  // ical-generator escapes an event's text but writes the calendar's NAME and X-WR-CALNAME as given: a
  // line break there would start new lines (new events) in the feed. Names go in as one line (decision record 018).
  const cal = ical({
    name: `${toSingleLine(programme.name)} — Gatehouse`,
    prodId: { company: "Gatehouse", product: "programme-calendar" },
    ttl: 3600,
  });
  for (const g of gates) {
    cal.createEvent({
      id: `gate-${g.id}@gatehouse`,
      start: g.plannedDate,
      end: addUtcDays(g.plannedDate, 1),
      allDay: true,
      summary: `Gate: ${toSingleLine(g.name)}${g.status === "APPROVED" ? " (approved)" : ""}`,
      description: `Sign-off by: ${g.requiredFunctions.join(", ")}. Status: ${g.status}.`,
      url: `${baseUrl}/programmes/${programme.slug}/gates/${g.key.toLowerCase().replace(/_/g, "-")}`,
    });
  }
  for (const m of milestones) {
    cal.createEvent({
      id: `milestone-${m.id}@gatehouse`,
      start: m.dueDate,
      end: addUtcDays(m.dueDate, 1),
      allDay: true,
      summary: `Week ${m.week}: ${toSingleLine(m.title)}${m.status === "DONE" ? " (done)" : ""}`,
      description: m.deliverable,
      url: `${baseUrl}/programmes/${programme.slug}/milestones`,
    });
  }
  return { ics: cal.toString(), slug: programme.slug };
}
