import NextAuth from "next-auth";

import { authOptions } from "@/server/auth/options";

// The one route handler outside the wrappers (docs/decisions/014-route-handler-wrappers.md): NextAuth
// owns its requests, responses, redirects and CSRF tokens, and answers its own errors.
const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => NextAuth(req as never, ctx as never, authOptions());

export { handler as GET, handler as POST };
