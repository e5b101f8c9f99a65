import { type Request } from "@playwright/test";

import { expect, test } from "./fixtures";
import { ACME, createProgramme, GLOBEX, memberRow, membersList, signedInContext, signIn, uniqueSuffix } from "./helpers";

const acmeMembers = `/programmes/${ACME.slug}/members`;

test.describe("a viewer can read but not change", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "viewer@acme.test");
  });

  test("the members page shows the members without any controls to change them", async ({ page }) => {
    await page.goto(acmeMembers);
    await expect(page.getByRole("heading", { level: 1, name: ACME.name })).toBeVisible();
    await expect(page.getByText("You: Viewer")).toBeVisible();

    await expect(memberRow(page, "pm@acme.test")).toContainText("Priya Shah");
    await expect(memberRow(page, "pm@acme.test")).toContainText("Programme manager");
    await expect(memberRow(page, "security@acme.test")).toContainText("Security");
    await expect(memberRow(page, "viewer@acme.test")).toContainText("(you)");

    await expect(page.getByText("Only a programme manager can add or remove members and change roles.")).toBeVisible();
    await expect(page.getByRole("button", { name: /Change roles/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Add member" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Add a member" })).toHaveCount(0);
  });

  test("the server refuses a viewer's forged 'Add member' action", async ({ page: viewerPage, browser }) => {
    const pmEmail = `pm-draft-${uniqueSuffix()}@example.test`;
    const forgedEmail = `forged-${uniqueSuffix()}@example.test`;
    const { context: pmContext, page: pmPage } = await signedInContext(browser, "pm@acme.test");
    try {
      await pmPage.goto(acmeMembers);
      await expect(pmPage.getByRole("heading", { level: 1, name: ACME.name })).toBeVisible();

      // Capture the programme manager's "Add member" server action, and stop it before it reaches
      // the server: nothing is written.
      let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
      const isAction = (r: Request) => r.method() === "POST" && r.headers()["next-action"] !== undefined;
      await pmPage.route(
        (url) => url.pathname === acmeMembers,
        async (route) => {
          const request = route.request();
          if (!isAction(request)) return route.fallback();
          captured = { url: request.url(), headers: await request.allHeaders(), body: request.postData() ?? "" };
          await route.abort();
        },
      );
      const form = pmPage.getByRole("form", { name: "Add member" });
      await form.getByLabel("Email", { exact: true }).fill(pmEmail);
      await Promise.all([pmPage.waitForEvent("requestfailed", isAction), form.getByRole("button", { name: "Add member" }).click()]);
      await pmPage.unrouteAll();

      expect(captured, "the Add member form sends a server action").toBeDefined();
      const { url, headers, body } = captured!;
      expect(headers["next-action"]).toMatch(/^[0-9a-f]{20,}$/);
      expect(body).toContain(pmEmail);
      expect(body).toContain(`"programmeSlug":"${ACME.slug}"`);

      // Replay exactly that request, for another address, with the viewer's session cookie.
      const replayHeaders = Object.fromEntries(
        Object.entries(headers).filter(
          ([name]) => !["cookie", "content-length", "host", "connection"].includes(name) && !name.startsWith(":"),
        ),
      );
      const response = await viewerPage.request.post(url, { headers: replayHeaders, data: body.replaceAll(pmEmail, forgedEmail) });
      const text = await response.text();
      expect(text).toContain("Only a programme manager can do that in this programme.");
      expect(text).not.toContain(forgedEmail);

      // Neither address was added.
      await pmPage.goto(acmeMembers);
      await expect(membersList(pmPage)).toBeVisible();
      await expect(memberRow(pmPage, "viewer@acme.test")).toHaveCount(1);
      await expect(memberRow(pmPage, forgedEmail)).toHaveCount(0);
      await expect(memberRow(pmPage, pmEmail)).toHaveCount(0);
    } finally {
      await pmContext.close();
    }
  });

  test("a viewer reads every programme they belong to, and nothing else", async ({ page, browser }) => {
    // Member of both demo programmes.
    await expect(page.getByRole("list", { name: "Programmes" }).getByRole("heading", { name: GLOBEX.name })).toBeVisible();
    await page.goto(`/programmes/${GLOBEX.slug}/audit`);
    await expect(page.getByRole("heading", { level: 1, name: GLOBEX.name })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Chain intact through event #" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Events, newest first" })).toBeVisible();

    // No such programme.
    await page.goto("/programmes/does-not-exist");
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();

    // A programme that exists, but of which the viewer is not a member: the same answer.
    const suffix = uniqueSuffix();
    const other = { name: `Private ${suffix}`, organisation: `Private Org ${suffix}`, slug: `private-${suffix}` };
    const { context: pmContext, page: pmPage } = await signedInContext(browser, "pm@acme.test");
    await createProgramme(pmPage, other);
    await pmContext.close();

    for (const path of [`/programmes/${other.slug}`, `/programmes/${other.slug}/members`, `/programmes/${other.slug}/audit`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
      await expect(page.getByText(other.name)).toHaveCount(0);
    }
  });
});
