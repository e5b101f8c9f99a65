import { expect, test } from "./fixtures";
import { GLOBEX, signIn } from "./helpers";

const isoDaysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test("the sponsor reads Globex's dashboard, changes the date range and downloads the figures", async ({ page }) => {
  await signIn(page, "sponsor@acme.test");
  await page.goto(`/programmes/${GLOBEX.slug}/dashboard`);

  const signals = page.getByRole("list", { name: "Health signals" });
  await expect(signals.getByRole("listitem").filter({ hasText: "Active users against licensed seats (28-day)" })).toContainText(
    /\d+(\.\d)?% of licensed seats active/,
  );
  await expect(signals.getByRole("listitem").filter({ hasText: "Sponsor reviews happening" })).toContainText("On track");
  await expect(signals.getByRole("listitem").filter({ hasText: "Support tickets without an owner" })).toContainText("Not tracked yet");

  // Adoption rose to about 55% of 2,000 seats; each figure says how it was measured.
  const adoption = page.getByText("Active users (28 days)").locator("xpath=ancestor::div[contains(@class,'rounded-lg')][1]");
  await expect(adoption).toContainText("Measured");
  const pct = Number((await adoption.locator("p.text-2xl").innerText()).replace("%", ""));
  expect(pct).toBeGreaterThan(45);
  expect(pct).toBeLessThan(65);
  await expect(page.getByText("Minutes saved").locator("xpath=ancestor::div[contains(@class,'rounded-lg')][1]")).toContainText(
    /measured · .* self-reported · .* estimated/,
  );

  // Finance lags the other departments.
  // (Events naming no department, such as another journey's pipeline batch, are listed as "(none)".)
  const byDepartment = page.getByRole("table", { name: "Figures by department" });
  const departments = byDepartment.getByRole("row").filter({ hasNotText: "(none)" });
  await expect(departments).toHaveCount(6);
  await expect(departments.last()).toContainText("Finance");

  // A chart's numbers are in a table under it.
  await page.getByText("Show the numbers").first().click();
  await expect(page.getByRole("table", { name: "Active users per day" }).getByRole("row")).toHaveCount(29);

  // A wider range: 90 days.
  await page.getByLabel("From").fill(isoDaysAgo(89));
  await page.getByLabel("To", { exact: true }).fill(isoDaysAgo(0));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${isoDaysAgo(89)}`));
  await page.getByText("Show the numbers").first().click();
  await expect(page.getByRole("table", { name: "Active users per day" }).getByRole("row")).toHaveCount(91);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`globex-usage-${isoDaysAgo(89)}-to-${isoDaysAgo(0)}.csv`);
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv as Buffer[]).toString("utf8");
  expect(text.split(/\r?\n/)[0]).toBe(
    "day,active_that_day,active_7_days,active_28_days,active_28_days_pct_of_seats,tasks,errors,minutes_saved_measured,minutes_saved_self_reported,minutes_saved_estimated,cost_usd,cost_per_task_usd",
  );
  expect(text.trim().split(/\r?\n/)).toHaveLength(91);
});

test("a range that makes no sense is refused with a message, and the last 28 days are shown", async ({ page }) => {
  await signIn(page, "viewer@acme.test");
  await page.goto(`/programmes/${GLOBEX.slug}/dashboard?from=${isoDaysAgo(1)}&to=${isoDaysAgo(10)}`);
  await expect(page.getByRole("alert").filter({ hasText: "That range was not valid" })).toContainText("from must not be after to");
  await expect(page.getByLabel("From")).toHaveValue(isoDaysAgo(27));
});

test("the sponsor opens this week's report, downloads it as a PDF and marks it reviewed", async ({ page }) => {
  await signIn(page, "sponsor@acme.test");
  await page.goto(`/programmes/${GLOBEX.slug}/dashboard`);
  await page.getByRole("link", { name: "Weekly report" }).click();
  await expect(page.getByRole("heading", { name: /Weekly report · week \d+/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Metrics of the week" })).toContainText("Tasks completed");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^globex-weekly-report-week-\d+\.pdf$/);
  const bytes = Buffer.concat((await (await file.createReadStream()).toArray()) as Buffer[]);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  // The report opens on the last complete week; the demo sponsor reviewed the weeks before it.
  await page.getByLabel("Note (optional)").fill("Read at the Monday steering meeting.");
  await page.getByRole("button", { name: /Mark week \d+ reviewed/ }).click();
  // The page refreshes with the review listed and no button left.
  await expect(page.getByText(/Reviewed by Daniel Okafor.*Read at the Monday steering meeting/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Reviewed by Daniel Okafor.*Read at the Monday steering meeting/)).toBeVisible();
  await expect(page.getByRole("button", { name: /Mark week \d+ reviewed/ })).toHaveCount(0);
});
