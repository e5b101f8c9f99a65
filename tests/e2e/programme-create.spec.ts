import { type Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { ACME, alertWith, GLOBEX, programmeForm, signIn, uniqueSuffix } from "./helpers";

const PHASES = ["Discovery & Architecture", "Controlled Pilot", "Staged Production Rollout", "Post-launch governance"];
const GATES = ["Architecture Review", "Pilot Debrief", "Production Readiness Review", "30-Day Post-Launch Review"];

const programmeCards = (page: Page) => page.getByRole("list", { name: "Programmes" }).getByRole("listitem");

test.describe("creating a programme", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "pm@acme.test");
  });

  test("bad input is refused beside each field; valid input lays out the 90-day plan", async ({ page }) => {
    const suffix = uniqueSuffix();
    const organisation = `Initech ${suffix}`;
    const name = `Initech rollout ${suffix}`;
    const slug = `initech-pilot-${suffix}`;

    await expect(page.getByRole("heading", { level: 1, name: "My programmes" })).toBeVisible();
    await expect(programmeCards(page).filter({ has: page.getByRole("heading", { name: ACME.name }) })).toHaveCount(1);
    await expect(programmeCards(page).filter({ has: page.getByRole("heading", { name: GLOBEX.name }) })).toHaveCount(1);

    await page.getByRole("link", { name: "New programme" }).click();
    await expect(page).toHaveURL("/programmes/new");
    await expect(page.getByRole("heading", { level: 1, name: "New programme" })).toBeVisible();

    const f = programmeForm(page);
    await expect(f.name).toBeFocused();

    // Bad input: the name cleared, 0 seats, a slug with capitals and a space.
    await f.name.fill("Something");
    await f.name.clear();
    await f.organisation.fill(organisation);
    await f.slug.fill("Bad Slug");
    await f.seats.fill("0");
    await f.submit.click();

    await expect(f.name).toHaveAccessibleDescription("Give the programme a name of at least 3 characters.");
    await expect(f.slug).toHaveAccessibleDescription("Use lowercase letters, digits and single hyphens (e.g. acme-rollout).");
    await expect(f.seats).toHaveAccessibleDescription("At least one licensed seat.");
    await expect(alertWith(page, "Give the programme a name of at least 3 characters.")).toBeVisible();
    await expect(alertWith(page, "Use lowercase letters, digits and single hyphens (e.g. acme-rollout).")).toBeVisible();
    await expect(alertWith(page, "At least one licensed seat.")).toBeVisible();
    for (const field of [f.name, f.slug, f.seats]) await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(f.organisation).toHaveAttribute("aria-invalid", "false");
    await expect(page).toHaveURL("/programmes/new");

    // Nothing was created.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My programmes" }).click();
    await expect(page).toHaveURL("/programmes");
    await expect(programmeCards(page).filter({ has: page.getByRole("heading", { name: ACME.name }) })).toHaveCount(1);
    await expect(programmeCards(page).filter({ hasText: organisation })).toHaveCount(0);

    // Valid input.
    await page.getByRole("link", { name: "New programme" }).click();
    await expect(page).toHaveURL("/programmes/new");
    await expect(f.name).toBeFocused();
    await f.name.fill(`Initech ${suffix}`);
    // The slug is suggested from the name until the user writes their own.
    await expect(f.slug).toHaveValue(`initech-${suffix}`);
    await f.slug.fill(slug);
    await f.name.fill(name);
    await expect(f.slug).toHaveValue(slug);
    await f.organisation.fill(organisation);
    await f.seats.fill("250");
    await page.getByRole("radio", { name: "API integration" }).check();
    await f.submit.click();

    await expect(page).toHaveURL(`/programmes/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText(organisation, { exact: true })).toBeVisible();
    await expect(page.getByText("You: Programme manager")).toBeVisible();

    // Day 1 of 90, starting in the first phase.
    const timeline = page.locator("section").filter({ has: page.getByRole("heading", { name: "Timeline" }) });
    await expect(timeline.getByText("Day 1 of 90", { exact: true })).toBeVisible();
    const phases = timeline.getByRole("list", { name: "Phases" }).getByRole("listitem");
    await expect(phases).toHaveCount(4);
    for (const [i, phase] of PHASES.entries()) await expect(phases.nth(i)).toContainText(phase);
    await expect(phases.nth(0)).toHaveAttribute("aria-current", "step");
    await expect(phases.nth(0)).toContainText("Phase 1 · current");

    // The four gates, none started.
    const gates = page.getByRole("list", { name: "Gates" }).getByRole("listitem");
    await expect(gates).toHaveCount(4);
    for (const [i, gate] of GATES.entries()) {
      await expect(gates.nth(i).getByText(gate, { exact: true })).toBeVisible();
      await expect(gates.nth(i).getByText("Not started", { exact: true })).toBeVisible();
    }

    // The audit trail records the creation and its chain verifies.
    await page.getByRole("navigation", { name: "Programme" }).getByRole("link", { name: "Audit trail" }).click();
    await expect(page).toHaveURL(`/programmes/${slug}/audit`);
    await expect(page.getByRole("status").filter({ hasText: "Chain intact through event #" })).toBeVisible();
    await expect(page.getByRole("cell").getByText("programme.create", { exact: true })).toBeVisible();

    // And the new programme is now one of mine.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My programmes" }).click();
    await expect(programmeCards(page).filter({ has: page.getByRole("heading", { name }) })).toContainText("Day 1 of 90");
  });

  test("a slug that is already taken is refused beside the slug field", async ({ page }) => {
    const suffix = uniqueSuffix();
    const organisation = `Hooli ${suffix}`;
    await page.goto("/programmes/new");
    const f = programmeForm(page);
    await expect(f.name).toBeFocused();
    await f.name.fill(`Hooli rollout ${suffix}`);
    await f.organisation.fill(organisation);
    await f.slug.fill(ACME.slug);
    await f.submit.click();

    await expect(alertWith(page, "This address is already taken; choose another.")).toBeVisible();
    await expect(f.slug).toHaveAccessibleDescription("This address is already taken; choose another.");
    await expect(f.slug).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL("/programmes/new");

    // Acme is untouched and nothing new was created.
    await page.goto("/programmes");
    await expect(programmeCards(page).filter({ has: page.getByRole("heading", { name: ACME.name }) })).toHaveCount(1);
    await expect(programmeCards(page).filter({ hasText: organisation })).toHaveCount(0);
  });
});
