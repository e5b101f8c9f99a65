import "server-only";

import { appendAudit } from "@/server/audit";
import { hashOneTimeToken } from "@/server/auth/one-time-token";
import { hashPassword } from "@/server/auth/password";
import { replacePasswordHash } from "@/server/auth/set-password";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { resetPasswordSchema, type ResetPasswordInput } from "../schemas";
import { PASSWORD_RESET_LINK_MESSAGES } from "./find-password-reset";

/**
 * Sets a new password from a reset link. The link is claimed with one conditional update (used
 * once, within its hour); the account's other open reset links are spent with it; the session
 * version goes up, so every session signed in before now ends. A used, expired or unknown link
 * changes nothing and says why.
 */
export async function resetPassword(raw: ResetPasswordInput) {
  const input = resetPasswordSchema.parse(raw);
  const tokenHash = hashOneTimeToken(input.token);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.passwordReset.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const row = await tx.passwordReset.findUnique({ where: { tokenHash }, select: { id: true, userId: true, usedAt: true } });
    if (claimed.count === 0 || !row) {
      const why = !row ? "unknown" : row.usedAt ? "used" : "expired";
      throw new RuleError(PASSWORD_RESET_LINK_MESSAGES[why]);
    }
    const user = await replacePasswordHash(tx, row.userId, passwordHash);
    await tx.passwordReset.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    await appendAudit(tx, {
      programmeId: null,
      actor: { id: user.id, label: `${user.email} (password reset link)` },
      action: "user.reset_password",
      entityType: "User",
      entityId: user.id,
      after: { email: user.email, passwordResetId: row.id },
    });
    return { email: user.email };
  });
}
