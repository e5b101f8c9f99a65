import { addDays, toUtcDate } from "../../src/domain/dates";
import { formatDate } from "../../src/lib/format";
import { expect, test } from "./fixtures";
import { ACME, signIn, whenHydrated } from "./helpers";

const path = `/programmes/${ACME.slug}/milestones`;

test("the programme manager moves a milestone's due date, filters the plan and reads the timeline", async ({ page }) => {
  await signIn(page, "pm@acme.test");
  await page.goto(path);
  const table = page.getByRole("table", { name: "Milestones" });
  // The programme's own milestone from the demo, among the playbook's.
  const own = table.getByRole("row", { name: /Works council consulted/ });
  await expect(own).toContainText("Programme's own");

  const edit = own.getByRole("button", { name: /^Edit / });
  await whenHydrated(edit);
  await edit.click();
  const form = page.getByRole("form", { name: "Edit Works council consulted on Claude for HR and Operations" });
  // A week later than planned.
  const due = form.getByLabel("Due date");
  const moved = addDays(await due.inputValue(), 7);
  await due.fill(moved);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toHaveCount(0);
  await expect(own).toContainText(formatDate(toUtcDate(moved)));

  const filters = page.getByRole("form", { name: "Filter milestones" });
  await filters.getByLabel("Phase").selectOption({ label: "Controlled Pilot" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/phase=PILOT/);
  await expect(page.getByText(/^\d+ of \d+ milestones match\.$/)).toBeVisible();

  await page.getByRole("link", { name: "Timeline" }).click();
  await expect(page).toHaveURL(/view=timeline/);
  await expect(page).toHaveURL(/phase=PILOT/);
  await expect(page.getByRole("region", { name: "Timeline by week" })).toContainText("Works council consulted");
});
