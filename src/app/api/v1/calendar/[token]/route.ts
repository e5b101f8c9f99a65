import { NextResponse } from "next/server";

import { renderCalendarFeed } from "@/features/calendar/server/render-calendar-feed";
import { withPublicRoute } from "@/server/api/with-public-route";

/** GET /api/v1/calendar/{token}.ics — the secret token in the URL is the credential (calendar apps send no other); the feed's operation checks it. */
export const GET = withPublicRoute<{ token: string }>(async ({ request, params }) => {
  const { ics, slug } = await renderCalendarFeed(params.token.replace(/\.ics$/, ""), request.nextUrl.origin);
  return new NextResponse(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `inline; filename="${slug}.ics"`,
      "cache-control": "private, max-age=300",
    },
  });
});
