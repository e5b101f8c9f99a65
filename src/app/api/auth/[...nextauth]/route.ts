import NextAuth from "next-auth";

import { authOptions, OIDC_PROVIDER_ID } from "@/server/auth/options";
import { providerErrorRedirect } from "@/server/auth/provider-error";

// The one route handler outside the wrappers (docs/decisions/014-route-handler-wrappers.md): NextAuth
// owns its requests, responses, redirects and CSRF tokens, and answers its own errors. An identity
// provider's refusal is sent to the sign-in page with its description first (decision record 019).
const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) =>
  providerErrorRedirect(req, OIDC_PROVIDER_ID) ?? NextAuth(req as never, ctx as never, authOptions());

export { handler as GET, handler as POST };
