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

/** An issuer as stored: no trailing slash, so "https://idp.example/" and "https://idp.example" are one issuer (decision record 019). */
export const normaliseIssuer = (issuer: string) => issuer.trim().replace(/\/+$/, "");

/** Accounts linked before issuers were normalised may carry the trailing slash. */
const issuerVariants = (issuer: string) => {
  const n = normaliseIssuer(issuer);
  return [n, `${n}/`];
};

export function findSsoUser(issuer: string, subject: string) {
  return db.user.findFirst({
    where: { ssoIssuer: { in: issuerVariants(issuer) }, ssoSubject: subject },
    select: { id: true, sessionVersion: true },
  });
}

export const SSO_EMAIL_NOT_VERIFIED =
  "Your identity provider has not verified your email address, so it cannot create or link a Gatehouse account.";

/**
 * Single sign-on: the identity provider's (issuer, subject) is the key. Only an ID token whose email is
 * verified creates an account, or links to an existing account with the same email (decision record
 * 019); an account already linked to (issuer, subject) signs in either way.
 */
export async function upsertSsoUser(input: { issuer: string; subject: string; email: string; emailVerified: boolean; name: string }) {
  const email = normaliseEmail(input.email);
  const issuer = normaliseIssuer(input.issuer);
  return db.$transaction(async (tx) => {
    await lockEmail(tx, email); // as invitations and add-member do: one account per email, no deadlock between them
    const existing = await tx.user.findFirst({ where: { ssoIssuer: { in: issuerVariants(issuer) }, ssoSubject: input.subject } });
    if (existing) {
      return tx.user.update({
        where: { id: existing.id },
        data: { ssoIssuer: issuer, lastSignInAt: new Date() },
        select: { id: true },
      });
    }
    if (!input.emailVerified) throw new ConflictError(SSO_EMAIL_NOT_VERIFIED);
    const byEmail = await tx.user.findUnique({ where: { email } });
    if (byEmail) {
      if (byEmail.ssoSubject) throw new ConflictError("An account with this email already exists and cannot be linked to this sign-in.");
      const linked = await tx.user.update({
        where: { id: byEmail.id },
        data: { ssoIssuer: issuer, ssoSubject: input.subject, lastSignInAt: new Date() },
        select: { id: true, email: true },
      });
      await appendAudit(tx, {
        programmeId: null,
        actor: { id: linked.id, label: email },
        action: "user.link_sso",
        entityType: "User",
        entityId: linked.id,
        after: { email, ssoIssuer: issuer },
      });
      await joinInvitedProgrammes(tx, linked);
      return linked;
    }
    const created = await tx.user.create({
      data: { email, name: input.name, ssoIssuer: issuer, ssoSubject: input.subject, lastSignInAt: new Date() },
      select: { id: true, email: true, name: true },
    });
    await appendAudit(tx, {
      programmeId: null,
      actor: { id: created.id, label: email },
      action: "user.create_sso",
      entityType: "User",
      entityId: created.id,
      after: { email, name: input.name, ssoIssuer: issuer },
    });
    // Pending invitations go only to an email the provider verified (docs/decisions/016): always, now.
    await joinInvitedProgrammes(tx, created);
    return created;
  });
}
