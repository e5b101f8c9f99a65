import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    uid?: string;
    authAt?: number;
    authMethod?: string;
    /** The account's session version when this session signed in (a password change raises it; src/server/auth/session.ts). */
    sv?: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    authAt?: number;
    authMethod?: string;
    sv?: number;
  }
}
