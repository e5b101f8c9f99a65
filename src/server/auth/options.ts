import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { env, sessionSecret } from "../env";
import { ConflictError, isAppError } from "../errors";
import { deviceId, trustedClientAddress } from "./client-address";
import { sameOriginRedirect } from "./redirect";
import { signInSchema } from "./sign-in-schema";
import { findSsoUser, normaliseIssuer, signInWithPassword, SSO_EMAIL_NOT_VERIFIED, upsertSsoUser } from "./users";

export { clientAddress, trustedClientAddress } from "./client-address";

export const OIDC_PROVIDER_ID = "oidc";

function providers(): NextAuthOptions["providers"] {
  const e = env();
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        try {
          const user = await signInWithPassword(parsed.data.email, parsed.data.password, {
            address: trustedClientAddress(req?.headers),
            device: deviceId(req?.headers),
          });
          return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
        } catch (e) {
          // next-auth passes the message of an error thrown here to the sign-in page.
          if (isAppError(e)) throw new Error(e.message);
          console.error("Sign-in failed unexpectedly", e);
          throw new Error("Sign-in is unavailable right now. Try again in a minute.");
        }
      },
    }),
  ];
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    const issuer = normaliseIssuer(e.OIDC_ISSUER);
    list.push({
      id: OIDC_PROVIDER_ID,
      name: e.OIDC_NAME,
      type: "oauth",
      wellKnown: `${issuer}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      // A nonce as well: many conforming providers require one, and it binds the ID token to this sign-in.
      checks: ["pkce", "state", "nonce"],
      profile(p: { sub: string; email?: string; name?: string }) {
        return { id: p.sub, email: p.email ?? null, name: p.name ?? p.email ?? null };
      },
    });
  }
  return list;
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  cached = {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: providers(),
    callbacks: {
      redirect: ({ url, baseUrl }) => Promise.resolve(sameOriginRedirect(url, baseUrl)),
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const p = profile as { sub?: string; email?: string; email_verified?: boolean; name?: string } | undefined;
        if (!p?.sub || !p.email) return "/signin?error=SsoProfileIncomplete";
        try {
          await upsertSsoUser({
            issuer: env().OIDC_ISSUER!,
            subject: p.sub,
            email: p.email,
            // Only a literal true: a missing claim or the string "true" is not a verification.
            emailVerified: p.email_verified === true,
            name: p.name ?? p.email,
          });
        } catch (error) {
          if (error instanceof ConflictError)
            return `/signin?error=${error.message === SSO_EMAIL_NOT_VERIFIED ? "SsoEmailNotVerified" : "OAuthAccountNotLinked"}`;
          throw error;
        }
        return true;
      },
      async jwt({ token, user, account }) {
        if (account && user) {
          // Our user id, whichever way they signed in. Roles are never put in the token: they are
          // read from the database on every request.
          if (account.provider === OIDC_PROVIDER_ID) {
            const u = await findSsoUser(env().OIDC_ISSUER!, account.providerAccountId);
            token.uid = u?.id;
            token.sv = u?.sessionVersion;
          } else {
            token.uid = user.id;
            token.sv = user.sessionVersion;
          }
          token.authAt = Date.now();
          token.authMethod = account.provider;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, authAt: token.authAt, authMethod: token.authMethod, sv: token.sv };
      },
    },
  };
  return cached;
}
