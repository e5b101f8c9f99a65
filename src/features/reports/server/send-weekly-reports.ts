import "server-only";

import type { DueScanScope } from "@/domain/due-dates";
import { programmeDay, utcDateOf, weekOfDay } from "@/domain/template";
import { db } from "@/server/db";
import { notify } from "@/server/notifications/notify";

import { weeklyReportReadyKind } from "../notifications";
import { getWeeklyReport } from "./get-weekly-report";
import { renderWeeklyReportPdf } from "./render-weekly-report-pdf";

/**
 * The weekly report, to each sponsor (a daily job): on the first day after a programme week ends, every
 * sponsor of an active programme gets "the weekly report is ready" with the report as a PDF, rendered
 * as that sponsor sees it. Once per programme week and sponsor, however often the job runs.
 */
export async function sendWeeklyReports(now = new Date(), scope: DueScanScope = {}): Promise<number> {
  const today = utcDateOf(now);
  const programmes = await db.programme.findMany({
    where: { status: "ACTIVE", startDate: { lte: today }, ...(scope.programmeIds ? { id: { in: scope.programmeIds } } : {}) },
    select: {
      id: true,
      slug: true,
      name: true,
      startDate: true,
      memberships: { where: { roles: { has: "SPONSOR" } }, select: { user: { select: { id: true, email: true, name: true } } } },
    },
  });
  let sent = 0;
  for (const p of programmes) {
    const week = weekOfDay(programmeDay(p.startDate, today)) - 1; // the last complete week
    if (week < 1) continue;
    const dedupeKey = `weekly-report:${week}`;
    for (const { user } of p.memberships) {
      const already = await db.notification.findFirst({ where: { userId: user.id, programmeId: p.id, dedupeKey }, select: { id: true } });
      if (already) continue;
      const report = await getWeeklyReport(user, p.slug, week, now);
      const pdf = await renderWeeklyReportPdf(report, now);
      const r = await db.$transaction((tx) =>
        notify(tx, {
          kind: weeklyReportReadyKind,
          programmeId: p.id,
          recipientIds: [user.id],
          subject: `The weekly report for week ${week} is ready`,
          text: `${p.name}, week ${week} (${report.range.from} to ${report.range.to}): gates, top risks, milestones, adoption and cost. The PDF is attached.`,
          link: `/programmes/${p.slug}/reports/weekly?week=${week}`,
          dedupeKey,
          attachments: [{ filename: `${p.slug}-weekly-report-week-${week}.pdf`, contentType: "application/pdf", content: pdf }],
        }),
      );
      sent += r.notified.length;
    }
  }
  return sent;
}
