import { expect, test } from "./fixtures";
import { ACME, GLOBEX, signIn } from "./helpers";

const MONEY = /\$[\d,]+\.\d{2}/;

test("a sponsor reads ROI on the dashboard, the weekly report and the Pilot Debrief", async ({ page }) => {
  await signIn(page, "sponsor@acme.test");
  await page.goto(`/programmes/${GLOBEX.slug}/dashboard`);

  // Value against cost, every estimated figure labelled so; the hourly costs and the seat cost say where they come from.
  const value = page.getByTestId("value-summary");
  await expect(value.getByTestId("roi")).toContainText(/ROI\s*Estimated\s*-?[\d,]+%/);
  await expect(value.getByTestId("value")).toContainText(MONEY);
  await expect(value.getByTestId("value")).toContainText("Estimated");
  await expect(value.getByTestId("cost")).toContainText(/API \$[\d,]+\.\d{2} · seats \$[\d,]+\.\d{2}/);
  await expect(value).toContainText("Hourly costs: programme-wide $64.00 · Engineering $105.00");
  await expect(value).toContainText('Seat cost from the approved budget "Production — 1,200 seats');
  // A sponsor reads the hourly costs but cannot change them.
  await expect(value.getByRole("link", { name: "See hourly costs" })).toBeVisible();

  // Tokens beside cost.
  await expect(page.getByText("Tokens", { exact: true }).locator("xpath=ancestor::div[contains(@class,'rounded-lg')][1]")).toContainText(
    /uncached input · .* cache write · .* cache read · .* output/,
  );

  // The weekly report: the same figures for its week, and ROI's change from the week before in points.
  await page.getByRole("link", { name: "Weekly report" }).click();
  await expect(page.getByRole("heading", { name: /Weekly report · week \d+/ })).toBeVisible();
  await expect(page.getByTestId("value-summary").getByTestId("roi")).toContainText(/[\d,]+%/);
  const metrics = page.getByRole("table", { name: "Metrics of the week" });
  await expect(metrics.getByRole("row", { name: /ROI \(value against API and seat cost\)/ })).toContainText(/[+-]\d+\.\d pts/);
  await expect(metrics.getByRole("row", { name: /Error rate/ })).toContainText(/[+-]\d+\.\d pts/);
  await expect(metrics.getByRole("row", { name: /API cost \(USD\)/ })).toContainText(MONEY);

  // Acme runs on Claude apps: adoption comes from the analytics summaries, labelled, beside the per-person events.
  await page.goto(`/programmes/${ACME.slug}/dashboard`);
  await expect(page.getByTestId("adoption-source")).toContainText("Source: Claude Enterprise analytics summaries");
  const sources = page.getByRole("table", { name: "Active users by source, at the end of the range" });
  await expect(sources.getByRole("row", { name: /analytics summaries/ })).toContainText("Yes");
  await expect(sources.getByRole("row", { name: /Per-person usage events/ })).toContainText("No");

  // The Pilot Debrief shows it with the evidence its reviewers sign.
  await page.goto(`/programmes/${ACME.slug}/gates/pilot-debrief`);
  await expect(page.getByRole("heading", { name: /Value and return on cost over the pilot/ })).toBeVisible();
  await expect(page.getByTestId("roi")).toContainText("%");
});

test("a programme manager sets a department's hourly cost and the value changes with it", async ({ page }) => {
  await signIn(page, "pm@acme.test");
  await page.goto(`/programmes/${ACME.slug}/dashboard/value`);
  const table = page.getByRole("table", { name: "Hourly costs" });
  await expect(table.getByRole("row", { name: /Compliance/ })).toContainText("$84.00");

  await page.getByLabel("Department").fill("Compliance");
  await page.getByLabel("Cost of an hour (USD)").fill("-3");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter an hourly cost above $0")).toBeVisible();

  await page.getByLabel("Cost of an hour (USD)").fill("91.5");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved the hourly cost for Compliance" })).toBeVisible();
  await expect(table.getByRole("row", { name: /Compliance/ })).toContainText("$91.50");

  await page.goto(`/programmes/${ACME.slug}/dashboard`);
  await expect(page.getByTestId("value-summary")).toContainText("Compliance $91.50");
  // Put the demo's figure back, so the suite can run again on the same database.
  await page.goto(`/programmes/${ACME.slug}/dashboard/value`);
  await page.getByLabel("Department").fill("Compliance");
  await page.getByLabel("Cost of an hour (USD)").fill("84");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("table", { name: "Hourly costs" }).getByRole("row", { name: /Compliance/ })).toContainText("$84.00");
});
