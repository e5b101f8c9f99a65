import { z } from "zod";

import { appendAudit, type AuditActor } from "../audit";
import { db, type Tx } from "../db";
import { hashPassword } from "./password";
import { newPasswordSchema } from "./password-schema";
import { normaliseEmail } from "./users";

export const setPasswordSchema = z.object({
  email: z.string().trim().email("Enter a valid email address."),
  name: z.string().trim().min(1).max(120).optional(),
  password: newPasswordSchema,
});

/**
 * Stores a new password hash and raises the account's session version, so every session signed in
 * before this moment stops working on its next request (src/server/auth/session.ts). Every change of
 * an existing account's password goes through here.
 */
export function replacePasswordHash(tx: Tx, userId: string, passwordHash: string) {
  return tx.user.update({
    where: { id: userId },
    data: { passwordHash, sessionVersion: { increment: 1 } },
    select: { id: true, email: true, sessionVersion: true },
  });
}

/** Operator command: sets a local password, creating the account if there is none. */
export async function setPassword(actor: AuditActor, raw: z.input<typeof setPasswordSchema>) {
  const input = setPasswordSchema.parse(raw);
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    const u = existing
      ? await replacePasswordHash(tx, existing.id, passwordHash)
      : await tx.user.create({
          data: { email, name: input.name ?? email.split("@")[0]!, passwordHash },
          select: { id: true, email: true },
        });
    await appendAudit(tx, {
      programmeId: null,
      actor,
      action: existing ? "user.set_password" : "user.create",
      entityType: "User",
      entityId: u.id,
      after: { email },
    });
    return { email: u.email, created: !existing };
  });
}
