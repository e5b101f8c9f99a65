import "server-only";

import { appendAudit } from "@/server/audit";
import { appUrl, passwordResetPath } from "@/server/auth/links";
import { newOneTimeToken } from "@/server/auth/one-time-token";
import { consumePasswordResetAllowance } from "@/server/auth/rate-limit";
import { db } from "@/server/db";

import { forgotPasswordSchema, PASSWORD_RESET_SENT, type ForgotPasswordInput } from "../schemas";
import { sendPasswordResetEmail } from "./password-reset-email";

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/** Runs work now (default) or after the response has gone (the route passes Next's `after`). */
export type Defer = (work: () => Promise<void>) => void | Promise<void>;
const now: Defer = (work) => work();

/**
 * "Forgot password?" (docs/decisions/016). The answer is the same whether or not the email has an
 * account, and so is the work done before answering: the rate limits (per address, then per email)
 * are counted for every request; looking the account up, making the link and queuing the email run
 * after the response has gone (`defer`), so its timing cannot tell them apart either.
 * Throws RateLimitedError only for an address that asked too often.
 */
export async function requestPasswordReset(raw: ForgotPasswordInput, address: string, defer: Defer = now) {
  const input = forgotPasswordSchema.parse(raw);
  const allowed = await consumePasswordResetAllowance(input.email, address);
  if (allowed)
    await defer(async () => {
      await issuePasswordReset(input.email, address);
    });
  return { message: PASSWORD_RESET_SENT };
}

/** Makes a reset link for the account with this email, if there is one, and queues its email; returns the link (tests read it). */
export async function issuePasswordReset(email: string, address: string): Promise<{ link: string } | null> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (!user) return null;
  const { token, hash } = newOneTimeToken();
  const link = appUrl(passwordResetPath(token));
  await db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.create({
      data: { userId: user.id, tokenHash: hash, expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS) },
      select: { id: true },
    });
    await appendAudit(tx, {
      programmeId: null,
      actor: { id: null, label: `password reset request from ${address}` },
      action: "user.password_reset_request",
      entityType: "User",
      entityId: user.id,
      after: { email: user.email, passwordResetId: reset.id },
    });
    await sendPasswordResetEmail(tx, { userId: user.id, to: user.email, name: user.name, link });
  });
  return { link };
}
