import { type ConsoleMessage, type Page } from "@playwright/test";

import { BASE_URL } from "../../playwright.config";
import { expect, test } from "./fixtures";
import { ACME, signIn } from "./helpers";

/** Security headers (decision record 019), checked against `next start`. */

const gatePath = `/programmes/${ACME.slug}/gates/architecture-review`;

/** Console messages about a Content-Security-Policy violation, and the violation events, on this page. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m: ConsoleMessage) => {
    if (/Content.Security.Policy|Refused to (execute|load|apply|frame)/i.test(m.text())) violations.push(m.text());
  });
  page.on("pageerror", (e) => violations.push(`pageerror: ${e.message}`));
  return violations;
}

test("a gate sign-off page cannot be framed, carries a nonce policy, and works with no policy violation", async ({ page }) => {
  const violations = watchCsp(page);
  await signIn(page, "security@acme.test");
  const response = await page.goto(gatePath);
  expect(response?.status()).toBe(200);
  const h = response!.headers();
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const csp = h["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // Served over plain HTTP here: no HSTS.
  expect(h["strict-transport-security"]).toBeUndefined();
  // The page is live (its scripts ran under the policy): the sign-off form answers.
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("each page gets its own nonce, and another site's frame of the gate page stays empty", async ({ page }) => {
  const a = (await page.request.get("/signin")).headers()["content-security-policy"];
  const b = (await page.request.get("/signin")).headers()["content-security-policy"];
  expect(a).toBeTruthy();
  expect(a).not.toBe(b);

  // A page that is not Gatehouse (about:blank) tries to embed the gate page: the browser refuses to
  // render it (frame-ancestors 'none', X-Frame-Options DENY), so the frame never shows Gatehouse.
  const refused = page.waitForEvent("requestfinished", { predicate: (r) => r.url().endsWith(gatePath) });
  await page.setContent(`<iframe id="f" src="${BASE_URL}${gatePath}" width="400" height="300"></iframe>`);
  await refused;
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame).toBeDefined();
  await expect(page.frameLocator("#f").getByText("Gatehouse")).toHaveCount(0);
  await expect(page.frameLocator("#f").getByRole("button", { name: "Sign in" })).toHaveCount(0);
});

test("API answers carry nosniff and the referrer policy too", async ({ request }) => {
  const r = await request.get("/api/auth/providers");
  expect(r.headers()["x-content-type-options"]).toBe("nosniff");
  expect(r.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("pages rendered without a session (forgot password) run their scripts under the policy", async ({ page }) => {
  const violations = watchCsp(page);
  const response = await page.goto("/forgot-password");
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // The page is dynamic, so Next puts this response's nonce on its scripts: the form hydrates.
  const nonce = /'nonce-([^']+)'/.exec(response?.headers()["content-security-policy"] ?? "")?.[1];
  await expect(page.locator(`script[nonce]`).first()).toBeAttached();
  expect(await page.locator("script[src]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce))).toContain(nonce);
  expect(violations).toEqual([]);
});
