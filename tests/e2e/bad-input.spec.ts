import { expect, test } from "./fixtures";
import { ACME, DEMO_PASSWORD, openSignIn, signIn, submitSignIn } from "./helpers";

// Decision record 018, against the production build: the HTTP status a browser, a crawler or a monitor sees.

test("a page for a record that does not exist answers HTTP 404, and bad segments and queries never a 500", async ({ page }) => {
  await signIn(page, "pm@acme.test");
  const base = `/programmes/${ACME.slug}`;
  for (const path of [
    `${base}/risks/not-a-uuid`,
    `${base}/risks/00000000-0000-0000-0000-000000000000`,
    `${base}/policy/versions/99999999999999999999`,
    `${base}/gates/architecture-review/record?round=99999999999999999999`,
    `${base}/gates/architecture-review/record?round=abc`,
    `${base}/workflows/no-such-workflow`,
    `${base}/decisions/abc`,
    `${base}/costs/scenarios/%00`,
    `/programmes/%00/risks`,
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  // A bad date range is not an error: the dashboard shows the last 28 days and says why.
  const dashboard = await page.goto(`${base}/dashboard?from=0000-01-01&to=2026-13-01`);
  expect(dashboard?.status()).toBe(200);
  await expect(page.getByText(/That range was not valid/)).toBeVisible();
  const csv = await page.request.get(`${base}/dashboard/export?from=abc&to=%00`);
  expect(csv.status()).toBe(400);
});

test("a server action posted from another site is refused with 403, not a 500", async ({ request }) => {
  for (const origin of ["https://evil.test", "null"]) {
    const res = await request.post(`/programmes/${ACME.slug}/risks`, {
      headers: { origin, "next-action": "0123456789abcdef", "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(res.status(), origin).toBe(403);
  }
});

test("a callbackUrl with CR/LF or a look-alike path signs in to My programmes", async ({ page }) => {
  for (const callbackUrl of ["/programmes%0D%0ASet-Cookie:%20x=y", "//evil.test/x", "/%5C/evil.test/x"]) {
    await page.context().clearCookies();
    await openSignIn(page, `/signin?callbackUrl=${callbackUrl}`);
    await submitSignIn(page, "pm@acme.test", DEMO_PASSWORD);
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/programmes$/);
  }
});
