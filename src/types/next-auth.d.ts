import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    uid?: string;
    authAt?: number;
    authMethod?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    authAt?: number;
    authMethod?: string;
  }
}
