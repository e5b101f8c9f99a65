import { expect, test } from "./fixtures";
import { ACME, signIn } from "./helpers";

const auditPath = `/programmes/${ACME.slug}/audit`;
const GATE_RECORDS = ["Gate", "Gate criterion", "Gate condition", "Signature"];

test("a reviewer filters the audit trail to one gate's events and reads what changed", async ({ page }) => {
  await signIn(page, "security@acme.test");
  await page.goto(auditPath);
  await expect(page.getByRole("status").filter({ hasText: "Chain intact through event #" })).toBeVisible();

  const filters = page.getByRole("form", { name: "Filter events" });
  await filters.getByLabel("Gate").selectOption({ label: "Architecture Review" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]gate=[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name: "Matching events, newest first" })).toBeVisible();
  await expect(filters.getByLabel("Gate")).toHaveValue(/[0-9a-f-]{36}/);

  const rows = page.getByRole("table", { name: "Audit events" }).locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  // Every event is one of the gate's own records, named in words, with its changes as fields (no raw JSON).
  for (let i = 0; i < count; i++) {
    const what = (await rows.nth(i).locator("td").nth(3).innerText()).trim();
    expect(
      GATE_RECORDS.some((r) => what.includes(`${r} ·`)),
      what,
    ).toBe(true);
  }
  await expect(rows.filter({ hasText: "Gate signed" }).first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Audit events" })).not.toContainText('{"');

  // Narrowed further by action, the filter is kept.
  await filters.getByLabel("Action").selectOption({ label: "Gate signed" });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=gate\.sign/);
  await expect(page).toHaveURL(/gate=/);
  const signed = page.getByRole("table", { name: "Audit events" }).locator("tbody tr");
  await expect(signed.first()).toContainText("Gate signed");
  for (const text of await signed.locator("td:nth-child(4)").allInnerTexts()) expect(text).toContain("Gate signed");
});

test("an auditor exports the chain as JSON Lines ending with the verified head", async ({ page }) => {
  await signIn(page, "viewer@acme.test");
  await page.goto(auditPath);
  const link = page.getByRole("link", { name: "Export the whole chain (JSON Lines)" });
  await expect(link).toBeVisible();
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/x-ndjson");
  const lines = (await response.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { type: string; events?: number; verified?: boolean; headHash?: string });
  expect(lines[0]!.type).toBe("header");
  const head = lines.at(-1)!;
  expect(head).toMatchObject({ type: "head", verified: true });
  expect(head.events).toBe(lines.length - 2);
  expect(head.headHash).toMatch(/^[0-9a-f]{64}$/);
});
