import { NextResponse } from "next/server";

import { resetPasswordSchema } from "@/features/auth/schemas";
import { resetPassword } from "@/features/auth/server/reset-password";
import { withPublicRoute } from "@/server/api/with-public-route";

/** Sets a new password from a one-time reset link (the token in the body is the credential). */
export const POST = withPublicRoute(
  async ({ body }) => {
    const r = await resetPassword(body);
    return NextResponse.json(r);
  },
  { body: resetPasswordSchema, maxBodyBytes: 4096, sensitive: true },
);
