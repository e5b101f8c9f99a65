import { spawn, type ChildProcess } from "node:child_process";
import { type Page } from "@playwright/test";

import { APP_PORT, BASE_URL } from "../../playwright.config";
import { expect, test } from "./fixtures";
import { ACME, signedInContext, signIn, uniqueSuffix, whenHydrated } from "./helpers";

/**
 * Claude through its apps, with no Anthropic API key on the server: this file starts its own `next start`
 * (the same build and database) without ANTHROPIC_API_KEY, so evaluations through the API are impossible
 * and the owner evaluates by pasting outputs.
 */
const PORT = APP_PORT + 10;
const NO_KEY_URL = `http://localhost:${PORT}`;
let server: ChildProcess | undefined;

test.use({ baseURL: NO_KEY_URL });

test.beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXTAUTH_URL: NO_KEY_URL, NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789" };
  delete env.ANTHROPIC_API_KEY;
  delete env.ANTHROPIC_BASE_URL;
  env.DATABASE_POOL_MAX ??= "4";
  server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], { env, stdio: "ignore" });
  await expect
    .poll(
      () =>
        fetch(`${NO_KEY_URL}/signin`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(200);
});
test.afterAll(() => {
  server?.kill("SIGTERM");
});

const name = `Claim acknowledgement ${uniqueSuffix()}`;
const DOCS =
  "## When to use\nUse it when a new insurance claim arrives and the customer has not heard from us yet.\n\n" +
  "## Inputs\n- customer: the customer's name\n- claim_ref: the claim reference\n\n" +
  "## How to judge the output\nA good output names the customer and the claim and says what happens next.";

async function addTestCase(page: Page, c: { name: string; customer: string; ref: string; rubric?: string }) {
  const form = page.getByRole("form", { name: "New test case" });
  await form.getByLabel("Test case name").fill(c.name);
  await form.getByLabel("customer", { exact: true }).fill(c.customer);
  await form.getByLabel("claim_ref", { exact: true }).fill(c.ref);
  await form.getByLabel("Must contain").fill(c.ref);
  if (c.rubric) await form.getByLabel(/Rubric criteria/).fill(c.rubric);
  await form.getByRole("button", { name: "Add test case" }).click();
  await expect(page.getByRole("list", { name: "Test cases" }).getByText(c.name, { exact: true })).toBeVisible();
}

test("without an API key, an owner evaluates a workflow by pasting Claude's outputs and it is promoted on that manual evaluation", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000); // a long journey, on a second server of its own
  expect(NO_KEY_URL).not.toBe(BASE_URL);
  await signIn(page, "owner@acme.test");
  await page.goto(`/programmes/${ACME.slug}/workflows`);
  await page.getByRole("link", { name: "New workflow" }).first().click();
  const form = page.getByRole("form", { name: "New workflow" });
  await whenHydrated(form.getByRole("button", { name: "Save as version 1" }));
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("The task it does").fill("Acknowledge a new insurance claim in plain English within the hour");
  await form.getByLabel("Who we are").fill("Acme Financial, a UK commercial bank with an insurance arm.");
  await form.getByLabel("Voice").fill("Warm, plain English.");
  await form.getByLabel("Standards").fill("British spelling. Never promise an outcome.");
  await form.getByLabel("Prompt template").fill("Acknowledge claim {{claim_ref}} for {{customer}} and say what happens next.");
  await form.getByLabel("Model", { exact: true }).selectOption({ label: "Claude Haiku 4.5" });
  await form.getByLabel("Documentation (Markdown)").fill(DOCS);
  await form.getByRole("button", { name: "Save as version 1" }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible({ timeout: 30_000 });
  const workflowUrl = page.url();

  await whenHydrated(page.getByRole("form", { name: "New test case" }).getByRole("button", { name: "Add test case" }));
  await addTestCase(page, { name: "Northwind", customer: "Northwind Logistics", ref: "CLM-101", rubric: "Says what happens next" });
  await addTestCase(page, { name: "Contoso", customer: "Contoso Foods", ref: "CLM-102" });
  await addTestCase(page, { name: "Fabrikam", customer: "Fabrikam Engineering", ref: "CLM-103" });

  // No key: the API evaluation is off and says so; the manual one is offered.
  const versions = page.getByRole("list", { name: "Versions" });
  await expect(versions.getByRole("button", { name: "Run evaluation of v1" })).toBeDisabled();
  await expect(versions).toContainText("No Anthropic API key is configured");
  await versions.getByRole("link", { name: "Evaluate v1 by hand (paste outputs)" }).click();

  await expect(page.getByRole("heading", { name: "Evaluate v1 by hand" })).toBeVisible({ timeout: 30_000 });
  const manual = page.getByRole("form", { name: "Manual evaluation" });
  await whenHydrated(manual.getByRole("button", { name: "Record manual evaluation of v1" }));
  // Each case's prompt is ready to paste: the business context and the filled-in template.
  const prompts = manual.getByLabel("Prompt to paste into Claude", { exact: true });
  await expect(prompts).toHaveCount(3);
  await expect(prompts.first()).toHaveValue(/## Who we are\nAcme Financial[\s\S]*Acknowledge claim CLM-101 for Northwind Logistics/);
  // Submitting with nothing pasted names what is missing.
  await manual.getByRole("button", { name: "Record manual evaluation of v1" }).click();
  await expect(manual.getByText("Paste the output Claude produced for this case.").first()).toBeVisible();
  await expect(manual.getByText("Grade this criterion: pass or fail.")).toBeVisible();

  const outputs = manual.getByLabel("Claude's output");
  const replies = [
    "Dear Northwind Logistics, we have received claim CLM-101. An adjuster will call you within two working days.",
    "Dear Contoso Foods, thank you: claim CLM-102 is logged and a handler will be in touch.",
    "Dear Fabrikam Engineering, claim CLM-103 has reached us and is being reviewed.",
  ];
  for (const [i, reply] of replies.entries()) await outputs.nth(i).fill(reply);
  await manual.getByRole("radiogroup", { name: "Grade: Says what happens next" }).getByLabel("Pass").check();
  await manual.getByLabel("Note (why)").fill("Names the adjuster's call and when.");
  await manual.getByRole("button", { name: "Record manual evaluation of v1" }).click();

  await expect(page).toHaveURL(/\/evaluations\//, { timeout: 30_000 });
  await expect(page.getByText(/outputs pasted from a Claude app and graded by hand by/)).toBeVisible();
  await expect(page.getByText(/Pass rate 100%.*manual evaluation/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Checks" }).filter({ hasText: "Says what happens next" })).toContainText(
    "Passed: Says what happens next — Graded by hand by Sam Lee: Names the adjuster's call and when.",
  );

  // A programme manager approves it and promotes it on the manual evaluation.
  const pm = await signedInContext(browser, "pm@acme.test");
  await pm.page.goto(workflowUrl);
  const pmVersions = pm.page.getByRole("list", { name: "Versions" });
  await expect(pmVersions).toContainText("(Completed, manual)");
  await expect(pm.page.getByRole("table", { name: "Evaluations" })).toContainText("manual");
  await (await whenHydrated(pmVersions.getByRole("button", { name: "Approve v1" }))).click();
  await pm.page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(pmVersions.getByText(/Approvals: Priya Shah/)).toBeVisible();
  await pmVersions.getByRole("button", { name: "Promote v1 to production" }).click();
  const v1 = pmVersions.getByRole("listitem", { name: "Version 1" });
  await expect(v1.getByText("production", { exact: true })).toBeVisible();

  // The production version offers its prompt for a Claude Project, beside the Skill export.
  await expect(v1.getByRole("link", { name: "Export as Claude Skill (.zip)" })).toBeVisible();
  await v1.getByText("Use in a Claude Project (copy the instructions)").click();
  const instructions = v1.getByLabel("Claude Project instructions", { exact: true });
  await expect(instructions).toHaveValue(new RegExp(`^# ${name}\\n\\n## Who we are\\nAcme Financial`));
  await expect(instructions).toHaveValue(/- claim_ref\n- customer[\s\S]*Acknowledge claim \{\{claim_ref\}\} for \{\{customer\}\}/);
  await expect(v1.getByRole("button", { name: "Copy claude project instructions" })).toBeVisible();
  await pm.context.close();
});
