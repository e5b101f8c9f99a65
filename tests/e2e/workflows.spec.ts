import { type Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { ACME, signedInContext, signIn, uniqueSuffix, whenHydrated } from "./helpers";

// A workflow of this file's own, in the acme demo programme.
const name = `Renewal reminder ${uniqueSuffix()}`;
const library = `/programmes/${ACME.slug}/workflows`;

const DOCS =
  "## When to use\nUse it when a customer's renewal is due within 60 days and nobody has contacted them yet.\n\n" +
  "## Inputs\n- customer: the account name as in the CRM\n- renewal_date: the renewal date\n\n" +
  "## How to judge the output\nA good output names the customer and the date and offers a call.";

async function addTestCase(page: Page, c: { name: string; customer: string; date: string; contains: string; rubric?: string }) {
  const form = page.getByRole("form", { name: "New test case" });
  await form.getByLabel("Test case name").fill(c.name);
  await form.getByLabel("customer", { exact: true }).fill(c.customer);
  await form.getByLabel("renewal_date", { exact: true }).fill(c.date);
  await form.getByLabel("Must contain").fill(c.contains);
  if (c.rubric) await form.getByLabel("Rubric criteria (judged by Claude)").fill(c.rubric);
  await form.getByRole("button", { name: "Add test case" }).click();
  await expect(page.getByRole("list", { name: "Test cases" }).getByText(c.name, { exact: true })).toBeVisible();
}

test("a workflow goes from draft to production: written, tested, evaluated, approved by a second person, promoted and run by a team member", async ({
  page,
  browser,
}) => {
  // The workflow owner writes it, with its business context and documentation.
  await signIn(page, "owner@acme.test");
  await page.goto(library);
  await page.getByRole("link", { name: "New workflow" }).first().click();
  const form = page.getByRole("form", { name: "New workflow" });
  await whenHydrated(form.getByRole("button", { name: "Save as version 1" }));
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("The task it does").fill("Draft the renewal reminder email for a customer whose renewal is due within 60 days");
  await form.getByLabel("Use case").selectOption({ label: "Complaint triage and reply drafts" });
  await form.getByLabel("Who we are").fill("Acme Financial, a UK commercial bank.");
  await form.getByLabel("Voice").fill("Warm, plain English.");
  await form.getByLabel("Standards").fill("British spelling. Never promise a price.");
  await form.getByLabel("A good example output").fill("Dear Northwind, your facility renews on 1 May…");
  await form.getByLabel("Prompt template").fill("Write a renewal reminder to {{customer}} whose facility renews on {{renewal_date}}.");
  await expect(form.getByText("Variables:")).toContainText("customerrenewal_date");
  await form.getByLabel("Model", { exact: true }).selectOption({ label: "Claude Haiku 4.5" });
  await form.getByLabel("Documentation (Markdown)").fill(DOCS);
  await form.getByRole("button", { name: "Save as version 1" }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  const versions = page.getByRole("list", { name: "Versions" });
  await expect(versions.getByRole("listitem", { name: "Version 1" })).toContainText("draft");

  // Three test cases, one with a rubric criterion judged by Claude.
  await whenHydrated(page.getByRole("form", { name: "New test case" }).getByRole("button", { name: "Add test case" }));
  await addTestCase(page, {
    name: "Northwind",
    customer: "Northwind Logistics",
    date: "1 May",
    contains: "Northwind\n1 May",
    rubric: 'Names the customer "Northwind"',
  });
  await addTestCase(page, { name: "Contoso", customer: "Contoso Foods", date: "3 June", contains: "Contoso" });
  await addTestCase(page, { name: "Fabrikam", customer: "Fabrikam Engineering", date: "9 July", contains: "Fabrikam" });
  // Not yet promotable: it needs an evaluation and someone else's approval.
  await page.getByText(/Not ready for production/).click();
  await expect(versions).toContainText("Version 1 has not been evaluated.");
  await expect(versions).toContainText("Version 1 needs approval by someone other than its author.");

  // The evaluation runs every case through the SDK, with a progress indicator.
  await versions.getByRole("button", { name: "Run evaluation of v1" }).click();
  await expect(page).toHaveURL(/\/evaluations\//);
  await expect(page.getByRole("progressbar", { name: "Evaluation progress" })).toBeVisible();
  await expect(page.getByText("3 of 3 cases done")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Pass rate 100%/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Checks" }).filter({ hasText: 'Names the customer "Northwind"' })).toContainText(
    'Passed: Names the customer "Northwind"',
  );

  // A second person approves it, and it is promoted.
  const pm = await signedInContext(browser, "pm@acme.test");
  const workflowUrl = page.url().replace(/\/evaluations\/.*$/, "");
  await pm.page.goto(workflowUrl);
  const pmVersions = pm.page.getByRole("list", { name: "Versions" });
  await (await whenHydrated(pmVersions.getByRole("button", { name: "Approve v1" }))).click();
  await pm.page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(pmVersions.getByText(/Approvals: Priya Shah/)).toBeVisible();
  await pmVersions.getByRole("button", { name: "Promote v1 to production" }).click();
  await expect(pmVersions.getByRole("listitem", { name: "Version 1" }).getByText("production", { exact: true })).toBeVisible();
  await pm.context.close();

  // The library shows it in production, fully mature.
  await page.goto(library);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("production v1");
  await expect(row).toContainText("5/5");

  // A team member (read-only viewer) runs it from the console.
  const viewer = await signedInContext(browser, "viewer@acme.test");
  await viewer.page.goto(`${workflowUrl}/run`);
  const run = viewer.page.getByRole("form", { name: "Run workflow" });
  await whenHydrated(run.getByRole("button", { name: "Run" }));
  await run.getByLabel("customer", { exact: true }).fill("Tailspin Toys");
  await run.getByLabel("renewal_date", { exact: true }).fill("2 August");
  await run.getByRole("button", { name: "Run" }).click();
  const output = viewer.page.getByRole("region", { name: "Output" });
  await expect(output).toContainText("Write a renewal reminder to Tailspin Toys whose facility renews on 2 August.");
  await expect(output).toContainText("Cost");
  await viewer.context.close();

  // The run is on the workflow's page, by the viewer.
  await page.goto(workflowUrl);
  await expect(page.getByRole("table", { name: "Recent runs" })).toContainText("Grace Kim");
});
