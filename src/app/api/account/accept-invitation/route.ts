import { NextResponse } from "next/server";

import { acceptInvitationSchema } from "@/features/members/schemas";
import { acceptInvitation } from "@/features/members/server/accept-invitation";
import { withPublicRoute } from "@/server/api/with-public-route";

/** Accepts an invitation from its one-time link (the token in the body is the credential). */
export const POST = withPublicRoute(
  async ({ body }) => {
    const r = await acceptInvitation(body);
    return NextResponse.json(r);
  },
  { body: acceptInvitationSchema, maxBodyBytes: 4096, sensitive: true },
);
