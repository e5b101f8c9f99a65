import { describe, expect, it } from "vitest";

import { makeUser, uniqueSuffix } from "@/demo/factories";
import { signInErrorMessage, ssoProviderErrorMessage } from "@/features/auth/messages";
import { providerErrorRedirect } from "@/server/auth/provider-error";
import { findSsoUser, SSO_EMAIL_NOT_VERIFIED, upsertSsoUser } from "@/server/auth/users";
import { db } from "@/server/db";
import { ConflictError } from "@/server/errors";

const issuer = `http://idp-${uniqueSuffix()}.test`;
const person = (overrides: Partial<Parameters<typeof upsertSsoUser>[0]> = {}) => ({
  issuer,
  subject: `sub-${uniqueSuffix()}`,
  email: `sso-${uniqueSuffix()}@example.test`,
  emailVerified: true,
  name: "Sso Person",
  ...overrides,
});

describe("single sign-on: only a verified email creates or links an account", () => {
  it("an ID token without a verified email creates no account and links to none", async () => {
    const p = person({ emailVerified: false });
    await expect(upsertSsoUser(p)).rejects.toThrow(SSO_EMAIL_NOT_VERIFIED);
    expect(await db.user.count({ where: { email: p.email } })).toBe(0);

    const existing = await makeUser({ password: null });
    await expect(upsertSsoUser(person({ email: existing.email, emailVerified: false }))).rejects.toBeInstanceOf(ConflictError);
    expect(await db.user.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ ssoSubject: null });
  });

  it("an account already linked to the subject still signs in if a later token lacks the claim", async () => {
    const p = person();
    const first = await upsertSsoUser(p);
    await expect(upsertSsoUser({ ...p, emailVerified: false })).resolves.toMatchObject({ id: first.id });
  });
});

describe("single sign-on: the issuer is normalised", () => {
  it("with and without a trailing slash, one issuer: a linked user is found either way", async () => {
    const p = person({ issuer: `${issuer}/` });
    const created = await upsertSsoUser(p);
    expect(await db.user.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ ssoIssuer: issuer });
    await expect(upsertSsoUser({ ...p, issuer })).resolves.toMatchObject({ id: created.id });
    expect(await findSsoUser(`${issuer}/`, p.subject)).toMatchObject({ id: created.id });
    expect(await findSsoUser(issuer, p.subject)).toMatchObject({ id: created.id });
  });

  it("a user linked before normalisation (stored with the slash) is not locked out, and is stored normalised after", async () => {
    const u = await makeUser({ password: null });
    const subject = `legacy-${uniqueSuffix()}`;
    await db.user.update({ where: { id: u.id }, data: { ssoIssuer: `${issuer}/`, ssoSubject: subject } });
    expect(await findSsoUser(issuer, subject)).toMatchObject({ id: u.id });
    await expect(upsertSsoUser(person({ subject, email: u.email }))).resolves.toMatchObject({ id: u.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: u.id } })).toMatchObject({ ssoIssuer: issuer });
  });
});

describe("single sign-on: the provider's error is shown in its own words", () => {
  it("a refusal on the callback goes to the sign-in page with the description, on one line and bounded", () => {
    const r = providerErrorRedirect(
      new Request(
        `http://localhost:3000/api/auth/callback/oidc?error=access_denied&error_description=${encodeURIComponent("Your account is disabled.\r\nCall IT")}&state=x`,
      ),
      "oidc",
    );
    expect(r?.status).toBe(302);
    const to = new URL(r!.headers.get("location")!);
    expect(to.pathname).toBe("/signin");
    expect(to.searchParams.get("error")).toBe("SsoProviderError");
    expect(to.searchParams.get("code")).toBe("access_denied");
    expect(to.searchParams.get("description")).toBe("Your account is disabled. Call IT");
    const long = providerErrorRedirect(
      new Request(`http://localhost:3000/api/auth/callback/oidc?error=x&error_description=${"a".repeat(5000)}`),
      "oidc",
    );
    expect(new URL(long!.headers.get("location")!).searchParams.get("description")).toHaveLength(300);
  });

  it("other requests are left to next-auth", () => {
    expect(providerErrorRedirect(new Request("http://localhost:3000/api/auth/callback/oidc?code=abc&state=x"), "oidc")).toBeNull();
    expect(providerErrorRedirect(new Request("http://localhost:3000/api/auth/signin?error=x"), "oidc")).toBeNull();
  });

  it("the sign-in page's words", () => {
    expect(ssoProviderErrorMessage("access_denied", "Your account is disabled.")).toBe(
      "Your identity provider refused the sign-in: Your account is disabled.",
    );
    expect(ssoProviderErrorMessage("login_required", undefined)).toBe("Your identity provider refused the sign-in: login_required");
    expect(signInErrorMessage("SsoEmailNotVerified")).toMatch(/has not verified your email address/);
  });
});
