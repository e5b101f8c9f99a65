import { NextResponse, type NextRequest } from "next/server";

import { renderCalendarFeed } from "@/features/calendar/server/render-calendar-feed";
import { apiError } from "@/server/api/respond";

/** GET /api/v1/calendar/{token}.ics — the secret token in the URL is the credential (calendar apps send no other). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await params;
    const { ics, slug } = await renderCalendarFeed(token.replace(/\.ics$/, ""), request.nextUrl.origin);
    return new NextResponse(ics, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `inline; filename="${slug}.ics"`,
        "cache-control": "private, max-age=300",
      },
    });
  } catch (e) {
    return apiError(e);
  }
}
