import { type Browser, type BrowserContext, type Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import {
  alertWith,
  createProgramme,
  DEMO_PASSWORD,
  memberRow,
  publishAcceptableUsePolicy,
  signedInContext,
  signIn,
  uniqueSuffix,
  whenHydrated,
} from "./helpers";

// A programme of this file's own: the journey changes its gate and its phase.
const suffix = uniqueSuffix();
const programme = { name: `Gates test ${suffix}`, organisation: `Stark ${suffix}`, slug: `gates-${suffix}` };
const overviewPath = `/programmes/${programme.slug}`;
const gatePath = `${overviewPath}/gates/architecture-review`;
const GATE = "Architecture Review";

const REVIEWERS = {
  security: { email: "security@acme.test", name: "Marcus Chen", fn: "Security" },
  legal: { email: "legal@acme.test", name: "Elena Rossi", fn: "Legal/Privacy" },
  engineering: { email: "engineering@acme.test", name: "Aisha Rahman", fn: "Engineering" },
  sponsor: { email: "sponsor@acme.test", name: "Daniel Okafor", fn: "Business sponsor" },
} as const;
type Reviewer = (typeof REVIEWERS)[keyof typeof REVIEWERS];

// --- The gate page as its users see it -------------------------------------------------------

/** The gate's heading with its status badge, round and readiness beside it. */
const gateHeader = (page: Page) => page.getByRole("heading", { level: 2, name: GATE, exact: true }).locator("xpath=../..");
const readiness = (page: Page) => page.getByTestId("readiness");
const signOffRow = (page: Page, fn: string) =>
  page.getByRole("list", { name: "Required sign-offs" }).getByRole("listitem").filter({ hasText: fn });
const signOffForm = (page: Page) => page.getByRole("form", { name: "Sign off" });
const historyRows = (page: Page) => page.getByRole("table").getByRole("row");

async function expectGateStatus(page: Page, status: string, round: number) {
  await expect(gateHeader(page).getByText(status, { exact: true })).toBeVisible();
  await expect(gateHeader(page)).toContainText(`round ${round}`);
}

/** Edits one criterion through its row's form (the PM). */
async function editCriterion(page: Page, title: string, change: { status?: "Open" | "Met" | "Waived"; note: string }) {
  const form = page.getByRole("form", { name: `Criterion: ${title}` });
  await (await whenHydrated(page.getByRole("button", { name: `Edit criterion: ${title}`, exact: true }))).click();
  if (change.status) await form.getByLabel("Status", { exact: true }).selectOption({ label: change.status });
  await form.getByLabel("Evidence note", { exact: true }).fill(change.note);
  await form.getByRole("button", { name: "Save criterion" }).click();
  await expect(form).toHaveCount(0);
}

/** A reviewer signs with the decision given, re-authenticating with their password. */
async function sign(page: Page, decision: "Approve" | "Reject", reason?: string) {
  const form = signOffForm(page);
  await whenHydrated(form.getByRole("button", { name: "Sign", exact: true }));
  await form.getByRole("radio", { name: decision, exact: true }).check();
  if (reason) await form.getByLabel(decision === "Reject" ? "Reason for rejecting" : "Comment (optional)", { exact: true }).fill(reason);
  await form.getByLabel("Your password", { exact: true }).fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Sign", exact: true }).click();
}

/** A reviewer in their own browser: signs in and opens the gate. */
async function reviewerOnGate(browser: Browser, r: Reviewer): Promise<{ context: BrowserContext; page: Page }> {
  const session = await signedInContext(browser, r.email);
  await session.page.goto(gatePath);
  await expectGateStatus(session.page, "In review", 2);
  await expect(signOffForm(session.page)).toContainText(`You sign as ${r.fn} reviewer.`);
  return session;
}

/** A reviewer approves in round 2 and the required sign-off shows it. */
async function approve(page: Page, r: Reviewer) {
  await sign(page, "Approve");
  await expect(signOffRow(page, r.fn).getByText("Approve", { exact: true })).toBeVisible();
  await expect(signOffRow(page, r.fn)).toContainText(`Approved as ${r.fn} reviewer — ${r.name}`);
  await expect(signOffForm(page)).toHaveCount(0); // one signature per person and round
}

/** The PM presses "Start Controlled Pilot" on the overview. */
async function startPilot(page: Page) {
  await page.goto(overviewPath);
  await (await whenHydrated(page.getByRole("button", { name: "Start Controlled Pilot" }))).click();
}

const phases = (page: Page) => page.getByRole("list", { name: "Phases" }).getByRole("listitem");

test("a gate is opened, evidenced, rejected, re-opened, signed by every function and then lets the next phase start", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  let criteria: string[] = [];

  await test.step("the PM creates a programme, adds the four reviewers and the AUP is published", async () => {
    await signIn(page, "pm@acme.test");
    await createProgramme(page, programme);
    const timeline = page.locator("section").filter({ has: page.getByRole("heading", { name: "Timeline" }) });
    await expect(timeline.getByText("Day 1 of 90", { exact: true })).toBeVisible();

    await page.getByRole("navigation", { name: "Programme" }).getByRole("link", { name: "Members" }).click();
    await expect(page).toHaveURL(`${overviewPath}/members`);
    const form = page.getByRole("form", { name: "Add member" });
    await whenHydrated(form.getByRole("button", { name: "Add member" }));
    for (const r of Object.values(REVIEWERS)) {
      await form.getByLabel("Email", { exact: true }).fill(r.email);
      await form.getByRole("checkbox", { name: "Viewer", exact: true }).uncheck();
      await form.getByRole("checkbox", { name: "Gate reviewer", exact: true }).check();
      await form.getByRole("group", { name: "Review functions" }).getByRole("checkbox", { name: r.fn, exact: true }).check();
      await form.getByRole("button", { name: "Add member" }).click();
      await expect(form.getByRole("status")).toHaveText(`Added ${r.email}.`);
      await expect(memberRow(page, r.email).getByText(r.fn, { exact: true })).toBeVisible();
      await expect(memberRow(page, r.email).getByText("Gate reviewer", { exact: true })).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: "Members (5)" })).toBeVisible();

    await publishAcceptableUsePolicy(page, programme.slug);
  });

  await test.step("the pilot cannot start before the gate is opened; the PM opens it and meets every criterion", async () => {
    await startPilot(page);
    await expect(alertWith(page, "cannot start")).toHaveText(
      "Controlled Pilot cannot start. Architecture Review has not been opened for review.",
    );
    await expect(phases(page).nth(0)).toContainText("Phase 1 · current");

    await page.getByRole("list", { name: "Gates" }).getByRole("link", { name: GATE }).click();
    await expect(page).toHaveURL(gatePath);
    await expectGateStatus(page, "Not started", 1);
    await (await whenHydrated(page.getByRole("button", { name: "Open for review" }))).click();
    await expectGateStatus(page, "In review", 1);
    await expect(page.getByRole("button", { name: "Open for review" })).toHaveCount(0);

    const edit = page.getByRole("button", { name: /^Edit criterion: / });
    criteria = (await edit.evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? ""))).map((l) =>
      l.replace(/^Edit criterion: /, ""),
    );
    expect(criteria.length).toBeGreaterThanOrEqual(10);
    await expect(page.getByRole("heading", { name: `Criteria (0 of ${criteria.length} met or waived)` })).toBeVisible();
    // What is missing is spelled out while the gate is in review.
    await expect(page.getByRole("status")).toContainText(
      `${GATE} needs: Engineering sign-off; Security sign-off; Legal/Privacy sign-off; Business sponsor sign-off; criterion '${criteria[0]}' is not met`,
    );

    for (const [i, title] of criteria.entries())
      await editCriterion(page, title, { status: "Met", note: `Evidence ${i + 1} reviewed (${suffix})` });

    await expect(page.getByRole("heading", { name: `Criteria (${criteria.length} of ${criteria.length} met or waived)` })).toBeVisible();
    await expect(readiness(page)).toHaveText(`${criteria.length} of ${criteria.length} criteria met, 0 of 4 sign-offs`);
    await expect(page.getByRole("status")).toHaveText(
      `${GATE} needs: Engineering sign-off; Security sign-off; Legal/Privacy sign-off; Business sponsor sign-off`,
    );
    // The PM holds no review function: nothing to sign.
    await expect(signOffForm(page)).toHaveCount(0);
  });

  await test.step("Security rejects with a reason; the PM opens round 2", async () => {
    const { context, page: security } = await signedInContext(browser, REVIEWERS.security.email);
    await security.goto(gatePath);
    await expectGateStatus(security, "In review", 1);
    await expect(signOffForm(security)).toContainText("You sign as Security reviewer.");
    // A reviewer cannot edit the evidence.
    await expect(security.getByRole("button", { name: /^Edit criterion: / })).toHaveCount(0);

    await sign(security, "Reject", "The data flow diagram omits the logging pipeline.");
    await expectGateStatus(security, "Rejected", 1);
    await expect(signOffRow(security, "Security").getByText("Reject", { exact: true })).toBeVisible();
    await expect(signOffRow(security, "Security")).toContainText("Rejected as Security reviewer — Marcus Chen");
    await expect(signOffRow(security, "Security")).toContainText("“The data flow diagram omits the logging pipeline.”");
    await expect(signOffForm(security)).toHaveCount(0);
    await context.close();

    await page.reload();
    await expectGateStatus(page, "Rejected", 1);
    await (await whenHydrated(page.getByRole("button", { name: "Open a new round" }))).click();
    await expectGateStatus(page, "In review", 2);
    await expect(page.getByRole("button", { name: "Open a new round" })).toHaveCount(0);
    // Round 2 starts with no sign-offs; round 1's rejection stays in the history.
    await expect(readiness(page)).toHaveText(`${criteria.length} of ${criteria.length} criteria met, 0 of 4 sign-offs`);
    await expect(signOffRow(page, "Security").getByText("Waiting", { exact: true })).toBeVisible();
    const rejection = historyRows(page).filter({ hasText: "Rejected as Security reviewer" });
    await expect(rejection).toHaveCount(1);
    await expect(rejection.getByRole("cell").first()).toHaveText("1");
  });

  await test.step("Engineering approves; an evidence change voids the signature and Engineering signs again", async () => {
    const { context, page: engineering } = await reviewerOnGate(browser, REVIEWERS.engineering);
    await approve(engineering, REVIEWERS.engineering);
    await expect(readiness(engineering)).toHaveText(`${criteria.length} of ${criteria.length} criteria met, 1 of 4 sign-offs`);

    const changed = criteria[0]!;
    await page.reload();
    await expect(signOffRow(page, "Engineering").getByText("Approve", { exact: true })).toBeVisible();
    await editCriterion(page, changed, { note: `Evidence 1 re-reviewed with the logging pipeline (${suffix})` });
    await expect(page.getByRole("status").filter({ hasText: "Evidence changed: 1 signature voided; re-sign required." })).toBeVisible();
    await expect(signOffRow(page, "Engineering").getByText("Re-sign required", { exact: true })).toBeVisible();

    await engineering.reload();
    await expect(signOffRow(engineering, "Engineering").getByText("Re-sign required", { exact: true })).toBeVisible();
    await expect(readiness(engineering)).toHaveText(`${criteria.length} of ${criteria.length} criteria met, 0 of 4 sign-offs`);
    const voided = historyRows(engineering).filter({ hasText: "Void:" });
    await expect(voided).toHaveCount(1);
    await expect(voided).toContainText("Approved as Engineering reviewer");
    await expect(voided).toContainText(`Void: Evidence changed: '${changed}'`);

    await approve(engineering, REVIEWERS.engineering);
    await expect(signOffRow(engineering, "Engineering").getByText("Re-sign required", { exact: true })).toHaveCount(0);
    await expect(readiness(engineering)).toHaveText(`${criteria.length} of ${criteria.length} criteria met, 1 of 4 sign-offs`);
    // Both signatures stay in the history: the void one and the valid one.
    await expect(historyRows(engineering).filter({ hasText: "Approved as Engineering reviewer" })).toHaveCount(2);
    await context.close();
  });

  await test.step("Security and the business sponsor approve; the pilot still waits for Legal/Privacy", async () => {
    for (const r of [REVIEWERS.security, REVIEWERS.sponsor]) {
      const { context, page: reviewer } = await reviewerOnGate(browser, r);
      await approve(reviewer, r);
      await context.close();
    }

    await startPilot(page);
    await expect(alertWith(page, "cannot start")).toHaveText(
      "Controlled Pilot cannot start. Architecture Review needs: Legal/Privacy sign-off",
    );
    await expect(phases(page).nth(0)).toContainText("Phase 1 · current");
  });

  await test.step("Legal/Privacy approves last: the gate is approved and the pilot starts", async () => {
    const { context, page: legal } = await reviewerOnGate(browser, REVIEWERS.legal);
    await approve(legal, REVIEWERS.legal);
    await expectGateStatus(legal, "Approved", 2);
    await expect(readiness(legal)).toHaveText(`${criteria.length} of ${criteria.length} criteria met, 4 of 4 sign-offs`);
    await context.close();

    await page.goto(gatePath);
    await expectGateStatus(page, "Approved", 2);
    // Approved evidence is frozen.
    await expect(page.getByRole("button", { name: /^Edit criterion: / })).toHaveCount(0);

    await startPilot(page);
    await expect(phases(page).nth(1)).toContainText("Phase 2 · current");
    await expect(phases(page).nth(1)).toContainText("Controlled Pilot");
    await expect(phases(page).nth(1)).toHaveAttribute("aria-current", "step");
    await expect(phases(page).nth(0)).toContainText("Phase 1 · done");
    await expect(alertWith(page, "cannot start")).toHaveCount(0);
    await expect(
      page.getByRole("list", { name: "Gates" }).getByRole("listitem").filter({ hasText: GATE }).getByText("Approved", { exact: true }),
    ).toBeVisible();
    // The next phase waits for its own gate.
    await expect(page.getByRole("button", { name: "Start Staged Production Rollout" })).toBeVisible();
  });
});
