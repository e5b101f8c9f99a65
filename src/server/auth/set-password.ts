import { z } from "zod";

import { appendAudit, type AuditActor } from "../audit";
import { db } from "../db";
import { hashPassword } from "./password";
import { normaliseEmail } from "./users";

export const setPasswordSchema = z.object({
  email: z.string().trim().email("Enter a valid email address."),
  name: z.string().trim().min(1).max(120).optional(),
  password: z.string().min(10, "Use a password of at least 10 characters.").max(200, "Use a password of at most 200 characters."),
});

/** Operator command: sets a local password, creating the account if there is none. */
export async function setPassword(actor: AuditActor, raw: z.input<typeof setPasswordSchema>) {
  const input = setPasswordSchema.parse(raw);
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
    const u = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { passwordHash }, select: { id: true, email: true } })
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
