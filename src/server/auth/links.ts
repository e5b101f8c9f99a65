import { env } from "../env";

/** An absolute link into the app (for email and links a person copies), from NEXTAUTH_URL (npm start always sets it). */
export function appUrl(path: string): string {
  const base = (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}

export const invitationPath = (token: string) => `/invitations/${token}`;
export const passwordResetPath = (token: string) => `/reset-password/${token}`;
