import { expect, test } from "./fixtures";
import { GLOBEX, signIn, uniqueSuffix, whenHydrated } from "./helpers";

// Globex is in post-launch governance, so a new cohort after its live Full rollout may go live once its thresholds hold.
const suffix = uniqueSuffix();
const cohort = `Night wards ${suffix}`;
const base = `/programmes/${GLOBEX.slug}`;
const isoToday = () => new Date().toISOString().slice(0, 10);

test("the PM sets thresholds and a trigger, breaching usage arrives, the alert is shown and notified, the PM rolls the cohort back", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "pm@acme.test");

  await test.step("the PM adds a cohort, sets an entry threshold, takes it live and sets a rollback trigger", async () => {
    await page.goto(`${base}/cohorts`);
    const add = page.locator("section").filter({ has: page.getByRole("heading", { name: "Add a cohort" }) });
    await whenHydrated(page.getByRole("button", { name: "Add cohort" }));
    await add.getByLabel("Cohort name").fill(cohort);
    await add.getByLabel("Planned seats").fill("40");
    await page.getByRole("button", { name: "Add cohort" }).click();
    const card = page.locator("section").filter({ has: page.getByRole("heading", { name: new RegExp(cohort) }) });
    await expect(card).toBeVisible();

    // A threshold the Full rollout cannot meet: going live is refused, naming the measured value and the target.
    await card.getByLabel("Entry threshold").selectOption("DAYS_LIVE");
    await card.getByLabel("Target (in days)").fill("9999");
    await card.getByRole("button", { name: "Set threshold" }).click();
    await expect(card.getByRole("table", { name: `Entry thresholds of ${cohort}` })).toContainText("Not met");
    await card.getByRole("button", { name: `Go live ${cohort}` }).click();
    await expect(card.getByRole("alert")).toContainText(/Days the previous cohort has been live is \d+ days \(target at least 9999 days\)/);

    // One it meets: it goes live.
    await card.getByLabel("Target (in days)").fill("7");
    await card.getByRole("button", { name: "Set threshold" }).click();
    await expect(card.getByRole("table", { name: `Entry thresholds of ${cohort}` })).toContainText("Met");
    await card.getByRole("button", { name: `Go live ${cohort}` }).click();
    await expect(card.getByText("Live", { exact: true })).toBeVisible();

    await card.getByLabel("Rollback trigger").selectOption("ERROR_RATE_DAY");
    await card.getByLabel("Limit (in percent)").fill("10");
    await card.getByRole("button", { name: "Set trigger" }).click();
    await expect(card.getByText("Error rate above the limit over a day: 10%")).toBeVisible();
  });

  let token = "";
  await test.step("a pipeline token is created", async () => {
    await page.goto(`${base}/tokens`);
    const form = page.getByRole("form", { name: "New API token" });
    await whenHydrated(form.getByRole("button", { name: /Create/ }));
    await form.getByLabel("Token name").fill(`night-wards-${suffix}`);
    await form.getByRole("button", { name: /Create/ }).click();
    token = await page.getByRole("textbox", { name: "API token" }).inputValue();
    expect(token).toMatch(/^gh_/);
  });

  await test.step("usage naming the cohort arrives with 40% errors today", async () => {
    const events = Array.from({ length: 4 }, (_, i) => ({
      externalId: `night-${suffix}-${i}`,
      day: isoToday(),
      user: `night-${suffix}-${i}`,
      cohort: cohort.toUpperCase(), // matched case-insensitively
      tasks: 5,
      errors: 2,
      costUsd: 0.05,
    }));
    const res = await page.request.post(`${base.replace("/programmes", "/api/v1/programmes")}/usage-events`, {
      headers: { authorization: `Bearer ${token}` },
      data: { events },
    });
    expect(res.status()).toBe(200);
  });

  await test.step("the alert appears on the cohort, with its measured value and the data it rests on", async () => {
    const alert = page.getByRole("region", { name: `Rollback alert on ${cohort}` });
    await expect(async () => {
      await page.goto(`${base}/cohorts`);
      await expect(alert).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(alert).toContainText("Error rate above the limit over a day: 40% (limit 10%)");
    await expect(alert).toContainText("tasks 20, errors 8");
  });

  await test.step("the PM, who has rollback authority, is notified", async () => {
    await page.goto("/inbox");
    await expect(page.getByRole("list", { name: "Notifications" })).toContainText(`Rollback trigger on ${cohort}`);
  });

  await test.step("the PM rolls the cohort back; the dashboard shows it rolled back", async () => {
    await page.goto(`${base}/cohorts`);
    const alert = page.getByRole("region", { name: `Rollback alert on ${cohort}` });
    await whenHydrated(alert.getByRole("button", { name: `Roll back ${cohort}` }));
    await alert.getByLabel("Reason").fill("Error rate four times the limit on the first night");
    await alert.getByRole("button", { name: `Roll back ${cohort}` }).click();
    await expect(alert).toHaveCount(0);
    await page.goto(`${base}/dashboard`);
    const row = page.getByRole("table", { name: "Adoption per cohort" }).getByRole("row").filter({ hasText: cohort });
    await expect(row).toContainText("Rolled back");
  });

  await test.step("at phone width the cohorts page still reads", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/cohorts`);
    await expect(page.getByRole("heading", { level: 2, name: "Cohorts and rollback" })).toBeVisible();
  });
});
