import { describe, expect, it } from "vitest";

import { makeUser, uniqueSuffix } from "@/demo/factories";
import { signInWithPassword, upsertSsoUser } from "@/server/auth/users";
import { db } from "@/server/db";
import { ConflictError, RateLimitedError } from "@/server/errors";

const PASSWORD = "correct horse battery";
const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${uniqueSuffix()}`;

describe("password sign-in", () => {
  it("accepts the right password (email case-insensitively) and gives one answer for a wrong password or an unknown email", async () => {
    const user = await makeUser();
    const ip = address();
    await expect(signInWithPassword(user.email.toUpperCase(), PASSWORD, ip)).resolves.toMatchObject({ id: user.id });
    await expect(signInWithPassword(user.email, "wrong", ip)).resolves.toBeNull();
    await expect(signInWithPassword(`ghost-${uniqueSuffix()}@example.test`, PASSWORD, ip)).resolves.toBeNull();
    const noPassword = await makeUser({ password: null });
    await expect(signInWithPassword(noPassword.email, "", ip)).resolves.toBeNull();
  });

  it("limits failures per account and address: the 5th failure blocks that pair with a clear message, even for the right password", async () => {
    const user = await makeUser();
    const attacker = address();
    for (let i = 0; i < 4; i++) await expect(signInWithPassword(user.email, "guess", attacker)).resolves.toBeNull();
    await expect(signInWithPassword(user.email, "guess", attacker)).rejects.toThrow(
      /^Too many failed sign-in attempts\. Try again in \d+ minutes\.$/,
    );
    await expect(signInWithPassword(user.email, PASSWORD, attacker)).rejects.toBeInstanceOf(RateLimitedError);
    // The real user, from their own address, is not locked out.
    await expect(signInWithPassword(user.email, PASSWORD, address())).resolves.toMatchObject({ id: user.id });
  });

  it("a success clears the pair's failures", async () => {
    const user = await makeUser();
    const ip = address();
    for (let i = 0; i < 4; i++) await signInWithPassword(user.email, "typo", ip);
    await expect(signInWithPassword(user.email, PASSWORD, ip)).resolves.toMatchObject({ id: user.id });
    for (let i = 0; i < 4; i++) await expect(signInWithPassword(user.email, "typo", ip)).resolves.toBeNull();
  });

  it("one address spraying many accounts, or many addresses hammering one account, is slowed too", async () => {
    const target = await makeUser();
    // 30 failures from 30 addresses block the account briefly (2 minutes), from any address.
    for (let i = 0; i < 29; i++) await signInWithPassword(target.email, "spray", address());
    const err = await signInWithPassword(target.email, "spray", address()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(120);
  });
});

describe("single sign-on accounts", () => {
  const issuer = "http://idp.test";

  it("creates an account on first sign-in and finds it again by issuer and subject", async () => {
    const sub = `sub-${uniqueSuffix()}`;
    const email = `Sso-${uniqueSuffix()}@Example.test`;
    const first = await upsertSsoUser({ issuer, subject: sub, email, emailVerified: true, name: "Sso Person" });
    const again = await upsertSsoUser({ issuer, subject: sub, email: "changed@example.test", emailVerified: true, name: "Sso Person" });
    expect(again.id).toBe(first.id);
    expect(await db.user.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      email: email.toLowerCase(),
      passwordHash: null,
      ssoSubject: sub,
    });
  });

  it("links to an existing account only when the provider verified the email", async () => {
    const invited = await makeUser({ password: null });
    await expect(
      upsertSsoUser({ issuer, subject: `s-${uniqueSuffix()}`, email: invited.email, emailVerified: false, name: "X" }),
    ).rejects.toBeInstanceOf(ConflictError);
    const sub = `s-${uniqueSuffix()}`;
    const linked = await upsertSsoUser({ issuer, subject: sub, email: invited.email, emailVerified: true, name: "X" });
    expect(linked.id).toBe(invited.id);
    expect(await db.user.findUniqueOrThrow({ where: { id: invited.id } })).toMatchObject({ ssoIssuer: issuer, ssoSubject: sub });
  });
});
