import "server-only";

import { hashOneTimeToken, isOneTimeToken } from "@/server/auth/one-time-token";
import { db } from "@/server/db";

export type PasswordResetLinkState = "open" | "unknown" | "expired" | "used";

export const PASSWORD_RESET_LINK_MESSAGES: Record<Exclude<PasswordResetLinkState, "open">, string> = {
  unknown: "This password reset link is not valid. Ask for a new one.",
  expired: "This password reset link has expired (links work for one hour). Ask for a new one.",
  used: "This password reset link has already been used. Ask for a new one if you still need it.",
};

/** Whether a reset link can still be used, for the page to say so before anyone types a password. Changes nothing. */
export async function findPasswordResetByLink(token: string): Promise<{ state: PasswordResetLinkState; email?: string }> {
  if (!isOneTimeToken(token)) return { state: "unknown" };
  const row = await db.passwordReset.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!row) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt.getTime() <= Date.now()) return { state: "expired" };
  return { state: "open", email: row.user.email };
}
