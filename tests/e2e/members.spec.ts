import { type Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { alertWith, createProgramme, memberRow, membersList, signedInContext, signIn, uniqueSuffix } from "./helpers";

// A programme of this test file's own, so member changes never touch the demo programmes.
const suffix = uniqueSuffix();
const programme = { name: `Members test ${suffix}`, organisation: `Umbrella ${suffix}`, slug: `members-${suffix}` };
const membersPath = `/programmes/${programme.slug}/members`;

const addForm = (page: Page) => page.getByRole("form", { name: "Add member" });

test.describe("managing members", () => {
  test.beforeAll(async ({ browser }) => {
    const { context, page } = await signedInContext(browser, "pm@acme.test");
    await createProgramme(page, programme);
    await context.close();
  });

  test.beforeEach(async ({ page }) => {
    await signIn(page, "pm@acme.test");
    await page.goto(membersPath);
    await expect(page.getByRole("heading", { level: 1, name: programme.name })).toBeVisible();
  });

  test("a programme manager adds a gate reviewer, changes their roles and removes them", async ({ page }) => {
    // An existing account (a demo reviewer of another programme): added at once, and shown by the name typed
    // here, never by the account's own name (someone without an account is invited instead: invitations.spec.ts).
    const email = "it@acme.test";
    const name = `Reviewer ${suffix}`;
    await expect(memberRow(page, "pm@acme.test")).toContainText("Programme manager");

    const form = addForm(page);
    await form.getByLabel("Email", { exact: true }).fill(email);
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByRole("checkbox", { name: "Viewer", exact: true }).uncheck();
    await form.getByRole("checkbox", { name: "Gate reviewer", exact: true }).check();
    // Review functions appear once "Gate reviewer" is ticked.
    await form.getByRole("group", { name: "Review functions" }).getByRole("checkbox", { name: "Security", exact: true }).check();
    await form.getByRole("button", { name: "Add member" }).click();

    await expect(form.getByRole("status")).toHaveText(`Added ${name} (${email}).`);
    const row = memberRow(page, email);
    await expect(row).toHaveCount(1);
    await expect(row.getByText(name, { exact: true })).toBeVisible();
    await expect(row.getByText("Gate reviewer", { exact: true })).toBeVisible();
    await expect(row.getByText("Security", { exact: true })).toBeVisible();
    await expect(row).not.toContainText("Tom Becker"); // the account's own name
    await expect(row.getByText("No sign-in yet", { exact: true })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Members (2)" })).toBeVisible();
    // The form is ready for the next person.
    await expect(form.getByLabel("Email", { exact: true })).toHaveValue("");

    // Change roles: also a workflow owner, and Legal/Privacy as a second review function.
    await row.getByRole("button", { name: `Change roles of ${name}` }).click();
    const roles = row.getByRole("form", { name: `Roles of ${name}` });
    await expect(roles.getByRole("checkbox", { name: "Gate reviewer", exact: true })).toBeChecked();
    await expect(roles.getByRole("checkbox", { name: "Security", exact: true })).toBeChecked();
    await roles.getByRole("checkbox", { name: "Workflow owner", exact: true }).check();
    await roles.getByRole("checkbox", { name: "Legal/Privacy", exact: true }).check();
    await roles.getByRole("button", { name: "Save roles" }).click();

    await expect(roles).toHaveCount(0);
    await expect(row.getByText("Workflow owner", { exact: true })).toBeVisible();
    await expect(row.getByText("Legal/Privacy", { exact: true })).toBeVisible();
    await expect(row.getByText("Gate reviewer", { exact: true })).toBeVisible();
    await expect(row.getByText("Security", { exact: true })).toBeVisible();

    // The change is stored, not just shown.
    await page.reload();
    await expect(memberRow(page, email).getByText("Workflow owner", { exact: true })).toBeVisible();
    await expect(memberRow(page, email).getByText("Legal/Privacy", { exact: true })).toBeVisible();

    // Remove, after confirming.
    await memberRow(page, email)
      .getByRole("button", { name: `Remove ${name}` })
      .click();
    const confirm = page.getByRole("alertdialog", { name: `Remove ${name}?` });
    await expect(confirm).toContainText(`Remove ${name} from this programme? They lose access at once.`);
    await confirm.getByRole("button", { name: "Remove member" }).click();

    await expect(memberRow(page, email)).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Members (1)" })).toBeVisible();
    await page.reload();
    await expect(membersList(page)).toBeVisible();
    await expect(memberRow(page, email)).toHaveCount(0);

    // Each change is in the audit trail.
    await page.getByRole("navigation", { name: "Programme" }).getByRole("link", { name: "Audit trail" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Chain intact through event #" })).toBeVisible();
    for (const action of ["member.add", "member.update", "member.remove"])
      await expect(page.getByRole("cell").getByText(action, { exact: true }).first()).toBeVisible();
  });

  test("a gate reviewer without a review function is refused and nobody is added", async ({ page }) => {
    const email = `no-function-${uniqueSuffix()}@example.test`;
    const form = addForm(page);
    await form.getByLabel("Email", { exact: true }).fill(email);
    await form.getByRole("checkbox", { name: "Viewer", exact: true }).uncheck();
    await form.getByRole("checkbox", { name: "Gate reviewer", exact: true }).check();
    await form.getByRole("button", { name: "Add member" }).click();

    await expect(alertWith(page, "A gate reviewer needs at least one review function.")).toBeVisible();
    await expect(form.getByRole("status")).toHaveCount(0);
    await expect(memberRow(page, email)).toHaveCount(0);

    await page.reload();
    await expect(membersList(page)).toBeVisible();
    await expect(memberRow(page, email)).toHaveCount(0);
  });
});
