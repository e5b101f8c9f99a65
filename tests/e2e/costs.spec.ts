import { type Page } from "@playwright/test";

import { compareModels, scenarioCost, type ScenarioInput } from "../../src/domain/costs";
import { currentPrices, priceTableSeed } from "../../src/domain/prices";
import { formatUsd } from "../../src/lib/format";
import { expect, test } from "./fixtures";
import { ACME, alertWith, signIn, uniqueSuffix, whenHydrated } from "./helpers";

// The demo programme's price table is the published one (seeded when the programme was created).
const prices = currentPrices(priceTableSeed("acme"), new Date());
const costsPath = `/programmes/${ACME.slug}/costs`;

const scenario: ScenarioInput = {
  users: 200,
  tasksPerUserPerDay: 10,
  workingDaysPerMonth: 20,
  inputTokensPerTask: 3_000,
  outputTokensPerTask: 500,
  cacheHitRate: 0.5,
  modelMix: [{ model: "claude-sonnet-4-6", share: 1 }],
  batchShare: 0.2,
  seats: 200,
  seatPricePerMonth: 30,
  engineeringCostPerMonth: 5_000,
  changeMgmtCostPerMonth: 2_000,
  supportCostPerMonth: 1_000,
};

async function fillScenario(page: Page, name: string) {
  const form = page.getByRole("form", { name: "Cost scenario" });
  const field = (label: string) => form.getByLabel(label, { exact: true });
  await field("Scenario name").fill(name);
  await field("Users").fill(String(scenario.users));
  await field("Tasks per user per day").fill(String(scenario.tasksPerUserPerDay));
  await field("Working days a month").fill(String(scenario.workingDaysPerMonth));
  await field("Input tokens per task").fill(String(scenario.inputTokensPerTask));
  await field("Output tokens per task").fill(String(scenario.outputTokensPerTask));
  await field("Cache hit rate").fill(String(scenario.cacheHitRate));
  await field("Batch share").fill(String(scenario.batchShare));
  await field("Seats").fill(String(scenario.seats));
  await field("Seat price a month").fill(String(scenario.seatPricePerMonth));
  await field("Engineering").fill(String(scenario.engineeringCostPerMonth));
  await field("Change management").fill(String(scenario.changeMgmtCostPerMonth));
  await field("Ongoing support").fill(String(scenario.supportCostPerMonth));
  return form;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\$]/g, "\\$&");

test.describe.configure({ mode: "serial" });

const name = `Branch rollout ${uniqueSuffix()}`;
let scenarioPath = "";

test("a programme manager builds a cost scenario and compares two models", async ({ page }) => {
  const expected = scenarioCost(scenario, prices);
  const [opus, haiku] = compareModels(scenario, ["claude-opus-4-7", "claude-haiku-4-5"], prices);

  await signIn(page, "pm@acme.test");
  await page.goto(costsPath);
  await expect(page.getByRole("heading", { level: 2, name: "Cost model" })).toBeVisible();
  await page.getByRole("link", { name: "New scenario" }).first().click();
  await expect(page).toHaveURL(`${costsPath}/scenarios/new`);
  await expect(page.getByLabel("Scenario name", { exact: true })).toBeFocused(); // autoFocus: hydrated

  // Token counting goes through the SDK to the project's fake API, which counts a token per 4 characters.
  await page.getByText("Measure tokens with Claude on a sample").click();
  await page.getByLabel("Sample prompt").fill("Summarise this loan file for the memo...");
  await page.getByRole("button", { name: "Count tokens" }).click();
  await expect(page.getByRole("status").filter({ hasText: "10 input tokens — filled in above." })).toBeVisible();

  const form = await fillScenario(page, name);
  // The live estimate uses the same maths as the server.
  await expect(page.getByRole("complementary", { name: "Estimate" })).toContainText(formatUsd(expected.monthlyTotal));

  // A mix that does not add up to 100% is refused with a clear message, and nothing is saved.
  await form.getByRole("button", { name: "Add a model" }).click();
  await form.getByLabel("Model 2", { exact: true }).selectOption({ label: "Claude Haiku 4.5" });
  await form.getByLabel("Share of tasks, model 2", { exact: true }).fill("0.5");
  await form.getByRole("button", { name: "Create scenario" }).click();
  await expect(alertWith(page, "Model shares add up to 150%; they must add up to 100% (1.0).")).toBeVisible();
  await expect(page).toHaveURL(`${costsPath}/scenarios/new`);
  await form.getByRole("button", { name: "Remove model 2" }).click();

  await form.getByRole("button", { name: "Create scenario" }).click();
  await expect(page).toHaveURL(new RegExp(`${costsPath}/scenarios/[0-9a-f-]{36}$`));
  scenarioPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  const results = page.getByRole("definition");
  await expect(results.filter({ hasText: formatUsd(expected.monthlyTotal) }).first()).toBeVisible();
  await expect(results.filter({ hasText: formatUsd(expected.ninetyDayTotal) }).first()).toBeVisible();
  await expect(page.getByRole("img", { name: new RegExp(`^Monthly cost of ${name} by component`) })).toBeVisible();
  await expect(page.getByRole("table", { name: "Monthly cost by component" }).getByRole("row", { name: /Seats/ })).toContainText(
    formatUsd(6_000),
  );

  // Compare: the same scenario as if every task ran on Opus 4.7, then on Haiku 4.5.
  const compare = page.getByRole("form", { name: "Compare models" });
  await whenHydrated(compare.getByRole("button", { name: "Compare models" }));
  await compare.getByRole("checkbox", { name: "Claude Opus 4.7", exact: true }).check();
  await compare.getByRole("checkbox", { name: "Claude Haiku 4.5", exact: true }).check();
  await compare.getByRole("button", { name: "Compare models" }).click();
  await expect(page).toHaveURL(/[?&]compare=claude-opus-4-7(&|$)/);
  await expect(page).toHaveURL(/[?&]compare=claude-haiku-4-5(&|$)/);

  const table = page.getByRole("table", { name: "Model comparison" });
  const opusRow = table.getByRole("row", { name: /^Claude Opus 4\.7/ });
  const haikuRow = table.getByRole("row", { name: /^Claude Haiku 4\.5/ });
  await expect(opusRow).toContainText(formatUsd(opus!.monthlyTotal));
  await expect(opusRow).toContainText(`+${formatUsd(opus!.differenceFromScenario)}`);
  await expect(haikuRow).toContainText(formatUsd(haiku!.monthlyTotal));
  await expect(haikuRow).toContainText(formatUsd(haiku!.differenceFromScenario));
  const chart = page.getByRole("img", { name: new RegExp(`^API token cost a month of ${name} on each model:`) });
  await expect(chart).toHaveAttribute("aria-label", new RegExp(`Claude Opus 4\\.7 ${escape(formatUsd(opus!.tokenCost))}`));
  await expect(chart).toHaveAttribute("aria-label", new RegExp(`Claude Haiku 4\\.5 ${escape(formatUsd(haiku!.tokenCost))}`));
  await expect(chart).toBeVisible();
  await expect(chart.locator("svg text", { hasText: "Claude Opus 4.7" })).toBeVisible();
  await expect(chart.locator("svg text", { hasText: "Claude Haiku 4.5" })).toBeVisible();

  // The programme manager cannot approve the budget: only the sponsor can.
  await expect(page.getByRole("button", { name: "Review approval…" })).toHaveCount(0);
  await expect(page.getByText("Only the sponsor approves, revokes or sends back a budget.")).toBeVisible();

  // The scenario is listed on the cost model page.
  await page.goto(costsPath);
  await expect(page.getByRole("table", { name: "Scenarios" }).getByRole("row", { name: new RegExp(name) })).toContainText(
    formatUsd(expected.monthlyTotal),
  );
});

test("the sponsor approves the scenario's budget and it shows in the history", async ({ page }) => {
  // Serial: the previous test creates the scenario. Run alone, this fails rather than skipping quietly.
  expect(scenarioPath, "run this file whole: the previous test creates the scenario this one approves").not.toBe("");
  const expected = scenarioCost(scenario, prices);
  await signIn(page, "sponsor@acme.test");
  await page.goto(scenarioPath);
  await expect(
    page.getByText(
      `This scenario costs ${formatUsd(expected.monthlyTotal)} a month, ${formatUsd(expected.ninetyDayTotal)} over the 90 days`,
    ),
  ).toBeVisible();
  // Approving asks first, naming the approved budget it replaces and both monthly figures.
  const review = page.getByRole("button", { name: "Review approval…" });
  await whenHydrated(review);
  await review.click();
  const form = page.getByRole("form", { name: "Confirm budget approval" });
  const confirmation = form.getByTestId("approval-confirmation");
  await expect(confirmation).toContainText(
    "Approving replaces the approved budget: “Full rollout — 500 seats and the document pipeline” at $",
  );
  await expect(confirmation).toContainText(`becomes “${name}” at ${formatUsd(expected.monthlyTotal)} a month`);
  await form.getByLabel("Note (optional)").fill("Approved for the branch rollout");
  await form.getByRole("button", { name: "Confirm: replace the approved budget" }).click();
  await expect(page.getByTestId("this-is-approved")).toContainText(
    `This is the approved budget: ${formatUsd(expected.monthlyTotal)} a month`,
  );
  await expect(page.getByText("Approving it again would change nothing.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Approvals of this scenario" })).toContainText(
    "approved by Daniel Okafor <sponsor@acme.test>",
  );

  await page.goto(costsPath);
  await expect(page.getByTestId("approved-budget")).toContainText(formatUsd(expected.monthlyTotal));
  const history = page.getByRole("table", { name: "Budget approvals" });
  await expect(history.getByRole("row", { name: new RegExp(name) })).toContainText("Approved for the branch rollout");
  await expect(history.getByRole("row", { name: /Full rollout — 500 seats/ })).toContainText("Superseded");
});
