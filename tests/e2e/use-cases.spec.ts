import { type Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { alertWith, createProgramme, signedInContext, signIn, uniqueSuffix, whenHydrated } from "./helpers";

// Programmes of this file's own (one per test), so the demo programmes' use cases stay as seeded.
const suffix = uniqueSuffix();
const ranking = { name: `Use cases ranking ${suffix}`, organisation: `Initech ${suffix}`, slug: `uc-rank-${suffix}` };
const limits = { name: `Use cases limits ${suffix}`, organisation: `Initrode ${suffix}`, slug: `uc-limit-${suffix}` };
const base = (slug: string) => `/programmes/${slug}/use-cases`;

interface NewUseCase {
  title: string;
  fn: string;
  value: string; // the rubric level's label, e.g. "5 · Transformational"
  complexity: string;
  criteria?: string;
  sponsor?: string;
}

async function addUseCase(page: Page, slug: string, u: NewUseCase) {
  await page.goto(`${base(slug)}/new`);
  const form = page.getByRole("form", { name: "New use case" });
  await whenHydrated(form.getByRole("button", { name: "Add use case" }));
  await form.getByLabel("Title", { exact: true }).fill(u.title);
  await form.getByLabel("Business function", { exact: true }).fill(u.fn);
  await form.getByRole("group", { name: "Business value" }).getByLabel(u.value, { exact: true }).check();
  await form.getByRole("group", { name: "Implementation complexity" }).getByLabel(u.complexity, { exact: true }).check();
  if (u.criteria) await form.getByLabel("Success criteria", { exact: true }).fill(u.criteria);
  if (u.sponsor) await form.getByLabel("Business sponsor", { exact: true }).fill(u.sponsor);
  await form.getByLabel("Owner", { exact: true }).selectOption({ label: "Priya Shah" });
  await form.getByRole("button", { name: "Add use case" }).click();
  await expect(page).toHaveURL(new RegExp(`${base(slug)}/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { level: 2, name: u.title })).toBeVisible();
}

/** Clicks a status button on the use case's page and waits for the new status. */
async function moveTo(page: Page, button: string, expected: string) {
  const group = page.getByRole("group", { name: "Change status" });
  await whenHydrated(group.getByRole("button", { name: button }));
  await group.getByRole("button", { name: button }).click();
  await expect(page.getByRole("group", { name: "Change status" }).getByRole("button", { name: button })).toHaveCount(0);
  await expect(page.getByText(expected, { exact: true }).first()).toBeVisible();
}

async function openUseCase(page: Page, slug: string, title: string) {
  await page.goto(base(slug));
  await page.getByRole("table", { name: "Use cases" }).getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
}

test.describe("use cases", () => {
  test.beforeAll(async ({ browser }) => {
    const { context, page } = await signedInContext(browser, "pm@acme.test");
    await createProgramme(page, ranking);
    await createProgramme(page, limits);
    await context.close();
  });

  test.beforeEach(async ({ page }) => {
    await signIn(page, "pm@acme.test");
  });

  test("a programme manager scores use cases against the rubric, sees them force-ranked with the top three marked, and on the matrix", async ({
    page,
  }) => {
    await page.goto(base(ranking.slug));
    await expect(page.getByRole("heading", { name: "No use cases yet" })).toBeVisible();

    // The rubric is beside the score inputs, and the score is shown as it is chosen.
    await page.goto(`${base(ranking.slug)}/new`);
    const form = page.getByRole("form", { name: "New use case" });
    await whenHydrated(form.getByRole("button", { name: "Add use case" }));
    await expect(form.getByRole("group", { name: "Business value" })).toContainText("Changes how a core process runs across departments");
    await expect(form.getByRole("group", { name: "Implementation complexity" })).toContainText(
      "Works in Claude as it is with public or internal data",
    );
    await form.getByRole("group", { name: "Business value" }).getByLabel("4 · High", { exact: true }).check();
    await form.getByRole("group", { name: "Implementation complexity" }).getByLabel("2 · Low", { exact: true }).check();
    await expect(form.getByTestId("priority-score")).toHaveText("16");
    // Unscored and untitled: refused in the form.
    await form.getByRole("button", { name: "Add use case" }).click();
    await expect(alertWith(page, "Give the use case a title of at least 3 characters.")).toBeVisible();

    const useCases: NewUseCase[] = [
      { title: `Board pack summaries ${suffix}`, fn: "Secretariat", value: "2 · Low", complexity: "2 · Low" }, // 8
      { title: `Credit memo drafts ${suffix}`, fn: "Lending", value: "5 · Transformational", complexity: "2 · Low" }, // 20
      { title: `Trade surveillance ${suffix}`, fn: "Markets", value: "5 · Transformational", complexity: "5 · Very high" }, // 5
      { title: `KYC summaries ${suffix}`, fn: "Compliance", value: "4 · High", complexity: "3 · Moderate" }, // 12
      { title: `Policy Q&A ${suffix}`, fn: "Retail", value: "3 · Moderate", complexity: "2 · Low" }, // 12, lower value than KYC
    ];
    for (const u of useCases) await addUseCase(page, ranking.slug, u);

    await page.goto(`${base(ranking.slug)}/priorities`);
    const rows = page.getByRole("table", { name: "Ranked use cases" }).getByRole("row");
    await expect(rows).toHaveCount(6); // header + 5
    const expected = [
      ["1", `Credit memo drafts ${suffix}`, "20", "Quick wins"],
      ["2", `KYC summaries ${suffix}`, "12", "Quick wins"],
      ["3", `Policy Q&A ${suffix}`, "12", "Fill-ins"],
      ["4", `Board pack summaries ${suffix}`, "8", "Fill-ins"],
      ["5", `Trade surveillance ${suffix}`, "5", "Strategic bets"],
    ];
    for (const [i, [rank, title, score, quadrant]] of expected.entries()) {
      const row = rows.nth(i + 1);
      await expect(row.getByRole("cell").nth(0)).toHaveText(i < 3 ? `${rank}Top 3` : rank!);
      await expect(row.getByRole("cell").nth(1)).toHaveText(title!);
      await expect(row.getByRole("cell").nth(4)).toHaveText(score!);
      await expect(row.getByRole("cell").nth(5)).toHaveText(quadrant!);
    }
    await expect(page.getByTestId("ranking-rule")).toContainText("business value × (6 − implementation complexity)");
    const top3 = page.getByRole("list", { name: "Top 3 use cases" }).getByRole("listitem");
    await expect(top3).toHaveCount(3);
    await expect(top3.first()).toContainText(`Credit memo drafts ${suffix}`);

    // The matrix: a chart with its quadrants labelled and one dot per ranked use case.
    const matrix = page.getByTestId("priority-matrix");
    await expect(matrix.locator("svg.recharts-surface")).toBeVisible();
    for (const q of ["Quick wins", "Strategic bets", "Fill-ins", "Avoid"]) await expect(matrix.getByText(q, { exact: true })).toBeVisible();
    await expect(matrix.locator(".recharts-scatter-symbol")).toHaveCount(5);

    // The inventory filters by text, as a URL anyone can share.
    await page.goto(base(ranking.slug));
    const filter = page.getByRole("search", { name: "Filter use cases" });
    await filter.getByLabel("Search").fill("kyc");
    await filter.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/[?&]q=kyc/);
    const inventory = page.getByRole("table", { name: "Use cases" });
    await expect(inventory.getByRole("row")).toHaveCount(2);
    await expect(inventory).toContainText(`KYC summaries ${suffix}`);
    await expect(inventory).toContainText("Priya Shah");
  });

  test("a fourth use case is refused its POC with a clear message; the POC needs criteria and a sponsor", async ({ page }) => {
    const titles = ["Alpha", "Bravo", "Charlie", "Delta"].map((t) => `${t} ${suffix}`);
    const bare = `Echo ${suffix}`;
    const header = "title,business_function,business_value,complexity,status,success_criteria,business_sponsor,owner_email";
    const imp = page.getByRole("form", { name: "Import use cases" });
    const upload = async (name: string, csv: string) => {
      await imp.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
      await imp.getByRole("button", { name: "Import" }).click();
    };

    // The inventory arrives by CSV. A bad row: nothing is imported, and every bad row is listed by line.
    await page.goto(`${base(limits.slug)}/import`);
    await whenHydrated(imp.getByRole("button", { name: "Import" }));
    await upload(
      "bad.csv",
      `${header}\n${titles[0]},Operations,4,2,shortlisted,,,\n${titles[1]},Operations,9,2,,,,\nX,Operations,3,3,,,,nobody-${suffix}@example.test\n`,
    );
    const problems = imp.getByRole("list", { name: "Problems in the file" });
    await expect(problems.getByRole("listitem")).toHaveText([
      "Line 3: business_value: Score the business value from 1 to 5.",
      `Line 4: title: Give the use case a title of at least 3 characters. owner_email: nobody-${suffix}@example.test is not a member of this programme.`,
    ]);
    await expect(imp).toContainText("Nothing was imported: 2 lines have problems.");

    const ready = "Handling time down 30% over 50 cases,Daniel Okafor,pm@acme.test";
    await upload(
      "good.csv",
      [header, ...titles.map((t) => `${t},Operations,4,2,Shortlisted,${ready}`), `${bare},Operations,3,3,Shortlisted,,,`].join("\n"),
    );
    await expect(imp.getByText("Imported 5 use cases.", { exact: true })).toBeVisible();

    // Without success criteria and a sponsor, no POC.
    await openUseCase(page, limits.slug, bare);
    await whenHydrated(page.getByRole("group", { name: "Change status" }).getByRole("button", { name: "Start POC" }));
    await page.getByRole("group", { name: "Change status" }).getByRole("button", { name: "Start POC" }).click();
    await expect(alertWith(page, `'${bare}' needs success criteria and a business sponsor before its POC starts.`)).toBeVisible();

    for (const title of titles.slice(0, 3)) {
      await openUseCase(page, limits.slug, title);
      await moveTo(page, "Start POC", "POC");
    }
    await openUseCase(page, limits.slug, titles[3]!);
    await whenHydrated(page.getByRole("group", { name: "Change status" }).getByRole("button", { name: "Start POC" }));
    await page.getByRole("group", { name: "Change status" }).getByRole("button", { name: "Start POC" }).click();
    await expect(
      alertWith(
        page,
        `At most three use cases can be in POC or pilot at once: '${titles[0]}', '${titles[1]}' and '${titles[2]}' are. Park or finish one first.`,
      ),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByText("In POC or pilot now: 3 of 3", { exact: false })).toBeVisible();
    await expect(page.getByText("Shortlisted", { exact: true }).first()).toBeVisible();
  });
});

test("a viewer reads the inventory and priorities but is offered no changes", async ({ page }) => {
  await signIn(page, "viewer@acme.test");
  await page.goto(base("acme"));
  await expect(page.getByRole("table", { name: "Use cases" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add use case" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
  await page.getByRole("table", { name: "Use cases" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Scope-change log" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Change status" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await page.goto(`${base("acme")}/priorities`);
  await expect(page.getByTestId("priority-matrix")).toBeVisible();
});
