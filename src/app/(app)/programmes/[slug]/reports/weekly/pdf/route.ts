import { NextResponse } from "next/server";

import { getWeeklyReport } from "@/features/reports/server/get-weekly-report";
import { renderWeeklyReportPdf } from "@/features/reports/server/render-weekly-report-pdf";
import { withSession } from "@/server/api/with-session";

/** The weekly sponsor report as a PDF download, for a signed-in member. */
export const GET = withSession<{ slug: string }>(async ({ user, params, searchParams }) => {
  const { slug } = params;
  const week = searchParams.get("week");
  const report = await getWeeklyReport(user, slug, week && /^\d{1,3}$/.test(week) ? Number(week) : undefined);
  const pdf = await renderWeeklyReportPdf(report);
  return new NextResponse(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${slug}-weekly-report-week-${report.week}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});
