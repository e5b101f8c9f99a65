import { appendAudit } from "../audit";
import { db } from "../db";
import { ConflictError } from "../errors";
import { joinInvitedProgrammes, lockEmail } from "./invitations";
import { burnPasswordCheck, verifyPassword } from "./password";
import { assertSignInAllowed, recordSignInFailure, recordSignInSuccess, type SignInSource } from "./rate-limit";

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Checks an email and password. Returns the user, or null for a wrong email or password (the same
 * answer for both). Throws RateLimitedError when a limit that applies to this source is used up
 * (decision records 003 and 019); a string source is a trusted address.
 */
export async function signInWithPassword(emailInput: string, password: string, source: SignInSource | string) {
  const email = normaliseEmail(emailInput);
  await assertSignInAllowed(email, source);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : (await burnPasswordCheck(password), false);
  if (!user || !ok) {
    await recordSignInFailure(email, source);
    return null;
  }
  await recordSignInSuccess(email, source);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export function findSsoUser(issuer: string, subject: string) {
  return db.user.findUnique({
    where: { ssoIssuer_ssoSubject: { ssoIssuer: issuer, ssoSubject: subject } },
    select: { id: true, sessionVersion: true },
  });
}

/**
 * Single sign-on: the identity provider's (issuer, subject) is the key. A first sign-in links to an
 * existing account with the same email only when the provider says the email is verified; otherwise
 * it creates a new account.
 */
export async function upsertSsoUser(input: { issuer: string; subject: string; email: string; emailVerified: boolean; name: string }) {
  const email = normaliseEmail(input.email);
  return db.$transaction(async (tx) => {
    await lockEmail(tx, email); // as invitations and add-member do: one account per email, no deadlock between them
    const existing = await tx.user.findUnique({ where: { ssoIssuer_ssoSubject: { ssoIssuer: input.issuer, ssoSubject: input.subject } } });
    if (existing) {
      return tx.user.update({ where: { id: existing.id }, data: { lastSignInAt: new Date() }, select: { id: true } });
    }
    const byEmail = await tx.user.findUnique({ where: { email } });
    if (byEmail) {
      if (!input.emailVerified || byEmail.ssoSubject)
        throw new ConflictError("An account with this email already exists and cannot be linked to this sign-in.");
      const linked = await tx.user.update({
        where: { id: byEmail.id },
        data: { ssoIssuer: input.issuer, ssoSubject: input.subject, lastSignInAt: new Date() },
        select: { id: true, email: true },
      });
      await appendAudit(tx, {
        programmeId: null,
        actor: { id: linked.id, label: email },
        action: "user.link_sso",
        entityType: "User",
        entityId: linked.id,
        after: { email, ssoIssuer: input.issuer },
      });
      await joinInvitedProgrammes(tx, linked);
      return linked;
    }
    const created = await tx.user.create({
      data: { email, name: input.name, ssoIssuer: input.issuer, ssoSubject: input.subject, lastSignInAt: new Date() },
      select: { id: true, email: true, name: true },
    });
    await appendAudit(tx, {
      programmeId: null,
      actor: { id: created.id, label: email },
      action: "user.create_sso",
      entityType: "User",
      entityId: created.id,
      after: { email, name: input.name, ssoIssuer: input.issuer },
    });
    // Pending invitations go only to an email the provider verified (docs/decisions/016).
    if (input.emailVerified) await joinInvitedProgrammes(tx, created);
    return created;
  });
}
