import { expect, test } from "./fixtures";
import { createProgramme, memberRow, signedInContext, signIn, uniqueSuffix, whenHydrated } from "./helpers";

// A programme of this file's own: opening its gate notifies its reviewer.
const suffix = uniqueSuffix();
const programme = { name: `Notifications test ${suffix}`, organisation: `Wayne ${suffix}`, slug: `notify-${suffix}` };
const gatePath = `/programmes/${programme.slug}/gates/architecture-review`;
const SUBJECT = "Architecture Review is open for your Security sign-off";

test("a reviewer is told a gate is open for their sign-off, follows it to the gate; the PM reads the email in the Outbox", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);

  await test.step("the PM creates a programme, adds a Security reviewer and opens the Architecture Review", async () => {
    await signIn(page, "pm@acme.test");
    await createProgramme(page, programme);
    await page.getByRole("navigation", { name: "Programme" }).getByRole("link", { name: "Members" }).click();
    const form = page.getByRole("form", { name: "Add member" });
    await whenHydrated(form.getByRole("button", { name: "Add member" }));
    await form.getByLabel("Email", { exact: true }).fill("security@acme.test");
    await form.getByRole("checkbox", { name: "Viewer", exact: true }).uncheck();
    await form.getByRole("checkbox", { name: "Gate reviewer", exact: true }).check();
    await form.getByRole("group", { name: "Review functions" }).getByRole("checkbox", { name: "Security", exact: true }).check();
    await form.getByRole("button", { name: "Add member" }).click();
    await expect(memberRow(page, "security@acme.test").getByText("Security", { exact: true })).toBeVisible();
    await page.goto(gatePath);
    await (await whenHydrated(page.getByRole("button", { name: "Open for review" }))).click();
    await expect(page.getByRole("button", { name: "Open for review" })).toHaveCount(0);
  });

  const reviewer = await signedInContext(browser, "security@acme.test");
  await test.step("the reviewer's bell counts it; the inbox shows it unread and leads to the gate", async () => {
    const r = reviewer.page;
    const bell = r.getByRole("link", { name: /^Notifications, \d+ unread$/ });
    await expect(bell).toBeVisible();
    await bell.click();
    await expect(r).toHaveURL("/inbox");
    const item = r
      .getByRole("list", { name: "Notifications" })
      .getByRole("link", { name: `Unread: ${SUBJECT}` })
      .first();
    await expect(item).toBeVisible();
    const unreadBefore = Number((await bell.getAttribute("aria-label"))!.match(/(\d+) unread/)![1]);
    await item.focus();
    await r.keyboard.press("Enter");
    await expect(r).toHaveURL(gatePath);
    await expect(r.getByRole("form", { name: "Sign off" })).toContainText("You sign as Security reviewer.");
    const after = unreadBefore - 1;
    await expect(
      r.getByRole("link", { name: after === 0 ? "Notifications, none unread" : `Notifications, ${after} unread` }),
    ).toBeVisible();
  });

  await test.step("the reviewer turns these emails into a daily digest", async () => {
    const r = reviewer.page;
    await r.goto("/settings/notifications");
    const group = r.getByRole("group", { name: "A gate is open for your sign-off" });
    await whenHydrated(group.getByRole("radio", { name: "In the daily digest" }));
    await group.getByRole("radio", { name: "In the daily digest" }).check();
    await expect(r.getByRole("status").filter({ hasText: "Saved:" })).toBeVisible();
    await r.reload();
    await expect(
      r.getByRole("group", { name: "A gate is open for your sign-off" }).getByRole("radio", { name: "In the daily digest" }),
    ).toBeChecked();
  });
  await reviewer.context.close();

  await test.step("the PM reads the email that would have been sent (no SMTP in the demo)", async () => {
    await page.getByRole("navigation", { name: "Programme" }).getByRole("link", { name: "Outbox" }).click();
    const row = page.getByRole("table", { name: "Emails" }).getByRole("row").filter({ hasText: SUBJECT });
    await expect(row).toContainText("security@acme.test");
    await expect(row).toContainText("Not sent (no SMTP)");
    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { name: "Plain-text part" })).toBeVisible();
    await expect(page.locator("pre")).toContainText(`Open it: `);
    await expect(page.locator("pre")).toContainText(gatePath);
    await expect(page.frameLocator('iframe[title="HTML part of the email"]').getByRole("heading", { name: SUBJECT })).toBeVisible();
  });
});
