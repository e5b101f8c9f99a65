import { expect, test } from "@playwright/test";

import { IDP_PORT } from "../../playwright.config";
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
