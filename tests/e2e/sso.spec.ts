import { type Page } from "@playwright/test";

import { IDP_PORT } from "../../playwright.config";
import { expect, test } from "./fixtures";
import { alertWith, openSignIn } from "./helpers";

test("single sign-on through the identity provider, then sign out", async ({ page }) => {
  await openSignIn(page);
  await page.getByRole("button", { name: "Continue with Test IdP" }).click();

  // The identity provider's own login page.
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${IDP_PORT}/interaction/`));
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  const email = page.getByLabel("Email", { exact: true });
  const password = page.getByLabel("Password", { exact: true });
  const submit = page.getByRole("button", { name: "Sign in", exact: true });

  await email.fill("ada@sso.test");
  await password.fill("not-her-password");
  await submit.click();
  await expect(alertWith(page, "Invalid email or password")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${IDP_PORT}/`));

  await email.fill("ada@sso.test");
  await password.fill("sso-password");
  await submit.click();

  // Back in Gatehouse, signed in as Ada, who belongs to no programme.
  await expect(page).toHaveURL("/programmes");
  await expect(page.getByRole("banner").getByText("Ada Lovelace")).toBeVisible();
  await expect(page.getByRole("heading", { name: "No programmes yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create your first programme" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Programmes" })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin(\?|$)/);
  await expect(page.getByRole("button", { name: "Continue with Test IdP" })).toBeVisible();

  // Signed out for real: the app sends her back to sign in.
  await page.goto("/programmes");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprogrammes$/);
});

/** Starts single sign-on and signs in at the test identity provider (which requires a nonce, decision record 019). */
async function signInAtIdp(page: Page, email: string, password: string) {
  await openSignIn(page);
  await page.getByRole("button", { name: "Continue with Test IdP" }).click();
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

for (const [who, email, password] of [
  ["email_verified false", "unverified@sso.test", "sso-password-3"],
  ["no email_verified claim", "noclaim@sso.test", "sso-password-4"],
] as const)
  test(`an ID token with ${who} creates no account and signs nobody in`, async ({ page }) => {
    await signInAtIdp(page, email, password);
    await expect(page).toHaveURL(/\/signin\?/);
    await expect(alertWith(page, /has not verified your email address/)).toBeVisible();
    await page.goto("/programmes");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprogrammes$/);
  });

test("cancelling at the identity provider shows the provider's own words", async ({ page }) => {
  await openSignIn(page);
  await page.getByRole("button", { name: "Continue with Test IdP" }).click();
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/signin\?/);
  await expect(alertWith(page, "Your identity provider refused the sign-in: End-User aborted interaction")).toBeVisible();
});
