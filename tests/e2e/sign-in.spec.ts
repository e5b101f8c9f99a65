import { expect, test } from "./fixtures";
import { ACME, alertWith, DEMO_PASSWORD, openSignIn, randomClientAddress, signInForm, submitSignIn, uniqueSuffix } from "./helpers";

test.describe("sign-in with email and password", () => {
  test("an empty form shows what is missing beside each field and sends nothing", async ({ page }) => {
    await openSignIn(page);
    const form = signInForm(page);
    let credentialPosts = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname.startsWith("/api/auth/callback/")) credentialPosts += 1;
    });

    await form.submit.click();

    await expect(alertWith(page, "Enter your email address.")).toBeVisible();
    await expect(alertWith(page, "Enter your password.")).toBeVisible();
    await expect(form.email).toHaveAttribute("aria-invalid", "true");
    await expect(form.email).toHaveAccessibleDescription("Enter your email address.");
    await expect(form.password).toHaveAccessibleDescription("Enter your password.");
    await expect(page).toHaveURL(/\/signin$/);
    expect(credentialPosts).toBe(0);
  });

  test.describe("failed attempts", () => {
    // Failed sign-ins count against the source (the browser's device cookie, or the address when a
    // trusted proxy vouches for it, decision record 019) and the account. X-Forwarded-For is believed
    // only from TRUSTED_PROXIES; an address of their own keeps these tests apart if the suite sets it.
    test.use({ extraHTTPHeaders: { "x-forwarded-for": randomClientAddress() } });

    test("a wrong password says so without saying which part was wrong", async ({ page }) => {
      await openSignIn(page);
      // One wrong attempt for a demo account in the whole suite: far below its limits.
      await submitSignIn(page, "pm@acme.test", "not-the-password");

      await expect(alertWith(page, "Wrong email or password.")).toBeVisible();
      await expect(page).toHaveURL(/\/signin$/);
      const form = signInForm(page);
      await expect(form.password).toHaveValue("");
      await expect(form.password).toBeFocused();
    });

    test("an unknown email gets the same answer as a wrong password", async ({ page }) => {
      await openSignIn(page);
      await submitSignIn(page, `nobody-${uniqueSuffix()}@acme.test`, DEMO_PASSWORD);
      await expect(alertWith(page, "Wrong email or password.")).toBeVisible();
      await expect(page).toHaveURL(/\/signin$/);
    });

    test("the fifth failure for the same account blocks further attempts", async ({ page }) => {
      const email = `nobody-${uniqueSuffix()}@acme.test`;
      await openSignIn(page);
      for (let attempt = 1; attempt <= 4; attempt++) {
        await submitSignIn(page, email, `wrong-${attempt}`);
        await expect(alertWith(page, "Wrong email or password.")).toBeVisible();
      }

      await submitSignIn(page, email, "wrong-5");
      const blocked = alertWith(page, /^Too many failed sign-in attempts\. Try again in \d+ (minutes|seconds)\.$/);
      await expect(blocked).toBeVisible();
      await expect(alertWith(page, "Wrong email or password.")).toHaveCount(0);

      // Still blocked on the next attempt: refused before the password is even checked.
      await submitSignIn(page, email, "wrong-6");
      await expect(blocked).toBeVisible();
      await expect(page).toHaveURL(/\/signin$/);
    });
  });

  test("a signed-out visitor to a programme is sent to sign in, then back to that programme", async ({ page }) => {
    await page.goto(`/programmes/${ACME.slug}`);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprogrammes%2Facme$/);
    await expect(page.getByRole("heading", { name: "Sign in to run your Claude deployment programme" })).toBeVisible();
    await expect(signInForm(page).email).toBeFocused();

    await submitSignIn(page, "pm@acme.test", DEMO_PASSWORD);

    await expect(page).toHaveURL(`/programmes/${ACME.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: ACME.name })).toBeVisible();
    await expect(page.getByRole("banner").getByText("Priya Shah")).toBeVisible();
  });

  test("the form can be completed with the keyboard alone", async ({ page }) => {
    await page.goto("/signin");
    const form = signInForm(page);
    // The email field has focus as soon as the page opens.
    await expect(form.email).toBeFocused();
    await page.keyboard.type("viewer@acme.test");
    await page.keyboard.press("Tab");
    await expect(form.password).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/programmes$/);
    await expect(page.getByRole("heading", { level: 1, name: "My programmes" })).toBeVisible();
    await expect(page.getByRole("banner").getByText("Grace Kim")).toBeVisible();
  });

  test("submitting before the page's scripts have loaded never puts the password in the URL", async ({ page }) => {
    // A slow connection, or a password manager filling the form and pressing Enter at once: the
    // browser submits the form itself. It must not send the password in a query string (browser
    // history, server and proxy logs).
    const password = `secret-${uniqueSuffix()}`;
    await page.route(/\/_next\/static\/.*\.js(\?.*)?$/, (route) => route.abort());
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    await page.goto("/signin");

    const form = signInForm(page);
    await form.email.fill(`nobody-${uniqueSuffix()}@acme.test`);
    await form.password.fill(password);
    // Enter submits natively here (no script to intercept it); press() waits for the navigation it starts.
    await form.password.press("Enter");
    await page.waitForLoadState("load");

    expect(page.url()).not.toContain(password);
    expect(urls.filter((u) => u.includes(password))).toEqual([]);
  });
});
