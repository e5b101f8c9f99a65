import { NextResponse } from "next/server";

import { markNotificationRead } from "@/features/notifications/server/inbox";
import { withSession } from "@/server/api/with-session";

/** Opening a notification from the inbox: marks it read (the person's own only) and goes on to its page. */
export const GET = withSession<{ id: string }>(async ({ user, params, request }) => {
  const { link } = await markNotificationRead(user, { notificationId: params.id });
  return NextResponse.redirect(new URL(link, request.url), 303);
});
