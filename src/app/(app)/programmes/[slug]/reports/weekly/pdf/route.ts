import { NextResponse, type NextRequest } from "next/server";

import { getWeeklyReport } from "@/features/reports/server/get-weekly-report";
import { renderWeeklyReportPdf } from "@/features/reports/server/render-weekly-report-pdf";
import { apiError } from "@/server/api/respond";
import { currentUser } from "@/server/auth/session";
import { UnauthenticatedError } from "@/server/errors";

/** The weekly sponsor report as a PDF download, for a signed-in member. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    const user = await currentUser();
    if (!user) throw new UnauthenticatedError();
    const week = request.nextUrl.searchParams.get("week");
    const report = await getWeeklyReport(user, slug, week && /^\d+$/.test(week) ? Number(week) : undefined);
    const pdf = await renderWeeklyReportPdf(report);
    return new NextResponse(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${slug}-weekly-report-week-${report.week}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return apiError(e);
  }
}
