import { type Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { createProgramme, signedInContext, signIn, uniqueSuffix, whenHydrated } from "./helpers";

// A programme of this file's own, so its records never touch the demo programmes.
const suffix = uniqueSuffix();
const programme = { name: `Discovery test ${suffix}`, organisation: `Wayne ${suffix}`, slug: `discovery-${suffix}` };
const base = `/programmes/${programme.slug}`;
const PM = { email: "pm@acme.test", name: "Priya Shah" };

const card = (page: Page, role: string) => page.getByRole("region", { name: role, exact: true });
const heatCell = (page: Page, probability: string, impact: string) =>
  page.getByRole("link", { name: new RegExp(`^${probability} probability, ${impact} impact: `) });

test.describe("discovery records", () => {
  test.beforeAll(async ({ browser }) => {
    const { context, page } = await signedInContext(browser, PM.email);
    await createProgramme(page, programme);
    await context.close();
  });

  test.beforeEach(async ({ page }) => {
    await signIn(page, PM.email);
  });

  test("the programme manager fills a stakeholder card; a blocker is flagged and the change is audited", async ({ page }) => {
    await page.goto(`${base}/stakeholders`);
    await expect(page.getByRole("heading", { level: 2, name: "Stakeholder map" })).toBeVisible();
    for (const role of [
      "CIO / CTO",
      "IT Security / CISO",
      "Legal / Privacy",
      "Procurement",
      "Business unit leader",
      "Engineering lead",
      "HR",
    ])
      await expect(card(page, role)).toBeVisible();
    const procurement = card(page, "Procurement");
    await expect(procurement.getByText("Not engaged", { exact: true })).toBeVisible();
    await expect(procurement.getByText("Procurement has no relationship owner.")).toBeVisible();

    await (await whenHydrated(procurement.getByRole("button", { name: "Edit Procurement" }))).click();
    const form = procurement.getByRole("form", { name: "Stakeholder: Procurement" });
    await form.getByLabel("Named person").fill("Ravi Patel");
    await form.getByLabel("Their title").fill("Vendor management lead");
    await form.getByLabel("Relationship owner").selectOption({ label: PM.name });
    await form.getByLabel("Stance").selectOption({ label: "Blocking" });
    await form.getByLabel("Engage by week").fill("1");
    await form
      .getByLabel("Engagement plan")
      .fill("Start Anthropic vendor onboarding this week; weekly check on the security questionnaire.");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form).toHaveCount(0);

    await expect(procurement.getByText("Ravi Patel · Vendor management lead")).toBeVisible();
    await expect(procurement.getByText("Blocking", { exact: true })).toBeVisible();
    await expect(procurement.getByText(PM.name, { exact: true })).toBeVisible();
    await expect(procurement.getByText("Procurement has no relationship owner.")).toHaveCount(0);
    const flags = page.getByRole("status", { name: "Stakeholder flags" });
    await expect(flags).toContainText("Procurement (Ravi Patel) is blocking the deployment: escalate through the CIO / CTO.");

    // Stored, not just shown.
    await page.reload();
    await expect(card(page, "Procurement").getByText("Start Anthropic vendor onboarding this week", { exact: false })).toBeVisible();

    await page.getByRole("navigation", { name: "Programme" }).getByRole("link", { name: "Audit trail" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Chain intact through event #" })).toBeVisible();
    await expect(page.getByRole("cell").getByText("stakeholder.update", { exact: true })).toBeVisible();
  });

  test("the programme manager adds a risk and sees it on the heat map", async ({ page }) => {
    await page.goto(`${base}/risks`);
    await expect(page.getByRole("heading", { level: 2, name: "Risk register" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Risks", exact: true }).getByRole("row")).toHaveCount(11); // header and the playbook's ten
    await expect(heatCell(page, "Low", "High")).toHaveAccessibleName("Low probability, High impact: 1 risk, score 3 (medium band)");
    await expect(heatCell(page, "Low", "Low")).toHaveAccessibleName("Low probability, Low impact: 0 risks, score 1 (low band)");

    await page.getByRole("link", { name: "Add a risk" }).click();
    await expect(page).toHaveURL(`${base}/risks/new`);
    const form = page.getByRole("form", { name: "New risk" });
    await whenHydrated(form.getByRole("button", { name: "Add risk" }));
    await form.getByLabel("Risk", { exact: true }).fill("Claims data classified Restricted reaches the pilot");
    await form.getByLabel("Probability").selectOption({ label: "Low" });
    await form.getByLabel("Impact").selectOption({ label: "High" });
    await form.getByLabel("Consequence").fill("Pilot paused for a data review");
    await form.getByLabel("Mitigation").fill("DLP rule on the SharePoint connector; training on what not to share");
    await form.getByLabel("Owner").selectOption({ label: PM.name });
    await form.getByLabel("Next review date").fill("2030-01-15");
    await form.getByRole("button", { name: "Add risk" }).click();

    await expect(page).toHaveURL(`${base}/risks`);
    await expect(heatCell(page, "Low", "High")).toHaveAccessibleName("Low probability, High impact: 2 risks, score 3 (medium band)");
    const row = page
      .getByRole("table", { name: "Risks", exact: true })
      .getByRole("row")
      .filter({ hasText: "Claims data classified Restricted" });
    await expect(row).toContainText(PM.name);
    await expect(row).toContainText("15 Jan 2030");

    // The cell lists its risks.
    await heatCell(page, "Low", "High").click();
    await expect(page).toHaveURL(`${base}/risks?probability=LOW&impact=HIGH#register`);
    await expect(heatCell(page, "Low", "High")).toHaveAttribute("aria-current", "true");
    const rows = page.getByRole("table", { name: "Risks", exact: true }).getByRole("row");
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: "Claims data classified Restricted" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Data governance incident during pilot" })).toHaveCount(1);
  });

  test("the programme manager proposes and accepts a decision record, then supersedes it with a successor", async ({ page }) => {
    await page.goto(`${base}/decisions`);
    await page.getByRole("link", { name: "New decision record" }).click();
    const form = page.getByRole("form", { name: "New decision record" });
    await whenHydrated(form.getByRole("button", { name: "Propose decision" }));
    await form.getByLabel("Decision", { exact: true }).fill("Cowork for knowledge workers; API for the claims pipeline");
    await form.getByLabel("Claude product").fill("Cowork and API");
    await form.getByLabel("Models per use case").fill("Sonnet by default; Haiku for claim classification");
    await form.getByLabel("Data flows").fill("SSO → workspace; claims system → pipeline → drafts for human review");
    await form.getByLabel("Integration points and MCP connectors").fill("MCP: SharePoint (read)");
    await form.getByLabel("Failure modes").fill("Connector token expiry → manual fallback");
    await form.getByRole("button", { name: "Propose decision" }).click();

    await expect(page).toHaveURL(new RegExp(`${base}/decisions/[0-9a-f-]{36}$`));
    await expect(page.getByText("ADR-1", { exact: true })).toBeVisible();
    await expect(page.getByText("Proposed", { exact: true })).toBeVisible();
    await (await whenHydrated(page.getByRole("button", { name: "Accept ADR-1" }))).click();
    await page.getByRole("alertdialog", { name: "Accept ADR-1?" }).getByRole("button", { name: "Accept" }).click();
    await expect(page.getByText("Accepted", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    const adr1 = page.url();

    // The decision changes: a successor starts from ADR-1's text, is accepted, and supersedes it.
    await page.getByRole("link", { name: "write a successor from its text" }).click();
    const successor = page.getByRole("form", { name: "New decision record" });
    await expect(page.getByRole("heading", { name: "New decision record, to supersede ADR-1" })).toBeVisible();
    await expect(successor.getByLabel("Failure modes")).toHaveValue("Connector token expiry → manual fallback");
    await whenHydrated(successor.getByRole("button", { name: "Propose decision" }));
    await successor.getByLabel("Decision", { exact: true }).fill("Cowork for knowledge workers; Claude Code for the platform team");
    await successor.getByRole("button", { name: "Propose decision" }).click();
    await expect(page.getByText("ADR-2", { exact: true })).toBeVisible();
    await (await whenHydrated(page.getByRole("button", { name: "Accept ADR-2" }))).click();
    await page.getByRole("alertdialog", { name: "Accept ADR-2?" }).getByRole("button", { name: "Accept" }).click();
    await expect(page.getByText("Accepted", { exact: true })).toBeVisible();

    await page.goto(adr1);
    const supersede = page.getByRole("form", { name: "Supersede ADR-1" });
    await whenHydrated(supersede.getByRole("button", { name: "Mark ADR-1 superseded" }));
    await supersede
      .getByLabel("Superseded by")
      .selectOption({ label: "ADR-2: Cowork for knowledge workers; Claude Code for the platform team" });
    await supersede.getByRole("button", { name: "Mark ADR-1 superseded" }).click();
    await expect(page.getByText("Superseded", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "ADR-2: Cowork for knowledge workers; Claude Code for the platform team" }).click();
    await expect(page.getByRole("link", { name: "ADR-1: Cowork for knowledge workers; API for the claims pipeline" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Related records" })).toContainText("Supersedes ADR-1");

    await page.getByRole("link", { name: "← Decision records" }).click();
    const rows = page.getByRole("table", { name: "Decision records" }).getByRole("row");
    await expect(rows.filter({ hasText: "ADR-1" })).toContainText("Superseded");
    await expect(rows.filter({ hasText: "ADR-1" })).toContainText("by ADR-2");
  });

  test("the programme manager writes and publishes the acceptable use policy and sees it rendered safely", async ({ page }) => {
    await page.goto(`${base}/policy`);
    await expect(page.getByText("Not published yet.")).toBeVisible();
    await (await whenHydrated(page.getByRole("button", { name: "Write the first draft" }))).click();

    const editor = page.getByRole("form", { name: "Draft version 1" });
    const body = editor.getByLabel("Version 1 (Markdown)");
    await expect(body).toHaveValue(new RegExp(`^# Acceptable use of Claude at ${programme.organisation}`));
    await body.fill(
      [
        "# Acceptable use of Claude",
        "",
        "## You must not",
        "- Paste **customer identifiers** into Claude.",
        "",
        "<script>document.title = 'pwned'</script>",
        "",
        "Ask in [the help channel](https://chat.example.com/claude-help).",
      ].join("\n"),
    );
    await editor.getByRole("button", { name: "Save draft" }).click();
    await expect(editor.getByRole("status")).toHaveText("Draft saved.");
    const preview = page.getByRole("article", { name: "Draft version 1 preview" });
    await expect(preview.getByRole("heading", { name: "You must not" })).toBeVisible();

    await page.getByRole("button", { name: "Publish version 1" }).click();
    await page.getByRole("alertdialog", { name: "Publish version 1?" }).getByRole("button", { name: "Publish" }).click();

    const published = page.getByRole("article", { name: "Acceptable use policy, version 1" });
    await expect(published.getByRole("heading", { level: 2, name: "Acceptable use of Claude" })).toBeVisible();
    await expect(published.getByRole("heading", { level: 3, name: "You must not" })).toBeVisible();
    await expect(published.getByText("customer identifiers", { exact: true })).toHaveJSProperty("tagName", "STRONG");
    await expect(published.getByRole("link", { name: "the help channel" })).toHaveAttribute("rel", "noopener noreferrer");
    await expect(published.locator("script")).toHaveCount(0);
    await expect(page).not.toHaveTitle("pwned");
    await expect(page.getByText("Not published yet.")).toHaveCount(0);
    const history = page.getByRole("table", { name: "Version history" });
    await expect(history.getByRole("row").filter({ hasText: "Version 1" })).toContainText("Published");
    await expect(page.getByRole("button", { name: "Start a new draft" })).toBeVisible();
  });
});
