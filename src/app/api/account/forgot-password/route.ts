import { after, NextResponse } from "next/server";

import { forgotPasswordSchema } from "@/features/auth/schemas";
import { requestPasswordReset } from "@/features/auth/server/request-password-reset";
import { withPublicRoute } from "@/server/api/with-public-route";
import { clientAddress } from "@/server/auth/options";

/** "Forgot password?": one answer for every email; the link is made and mailed after the response has gone. */
export const POST = withPublicRoute(
  async ({ request, body }) => {
    const r = await requestPasswordReset(body, clientAddress(request.headers), (work) => after(work));
    return NextResponse.json(r);
  },
  { body: forgotPasswordSchema, maxBodyBytes: 4096 },
);
