import { type Page } from "@playwright/test";

import { expect, formatViolations, scanPage, test, type A11yScanner } from "./fixtures";
import { ACME, signIn } from "./helpers";

/**
 * Every page any spec visits is scanned by axe (tests/e2e/fixtures.ts). This spec proves the scanner can
 * fail, and walks the pages no journey needs, so that each page of the app is scanned at least once.
 */

/** Two mains, two banners, text at about 1.6:1 and a link told apart by colour only. */
const BAD_BODY = `
  <header><p>Gatehouse</p></header>
  <header><p>Gatehouse again</p></header>
  <main><h1>First main</h1>
    <p id="faint" style="color:#bbbbbb;background:#ffffff">Current phase since 2 December 2026</p>
    <p style="color:#333333">Read the <a id="bare-link" href="/x" style="color:#3a3a3a;text-decoration:none">policy</a> before you start.</p>
  </main>
  <main><p>Second main</p></main>`;
const GOOD_BODY = `<header><p>Gatehouse</p></header><main><h1>Fine page</h1><p>Readable text.</p></main>`;
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body>${body}</body></html>`;

test.describe("the accessibility scanner", () => {
  test("reports a page with two mains, two banners, low contrast and a colour-only link, naming rule and element", async ({
    page: tab,
    a11y,
  }) => {
    await tab.route("**/__a11y-probe", (route) => route.fulfill({ contentType: "text/html", body: page("Bad page", BAD_BODY) }));
    await tab.goto("/__a11y-probe");
    await a11y.idle();
    const found = a11y.take(); // taken, so that this test itself passes
    expect(found.map((v) => v.rule).sort()).toEqual(
      expect.arrayContaining(["color-contrast", "landmark-no-duplicate-banner", "landmark-no-duplicate-main", "link-in-text-block"]),
    );
    const report = formatViolations(found);
    expect(report).toContain("/__a11y-probe");
    expect(report).toContain("#faint");
    expect(report).toContain("#bare-link");
    await tab.setContent(page("Fine page", GOOD_BODY)); // the state the test ends in is scanned too
  });

  test("scans a client-side navigation (history.pushState), not only full page loads", async ({ page: tab, a11y }) => {
    await tab.route("**/__a11y-probe", (route) => route.fulfill({ contentType: "text/html", body: page("Fine page", GOOD_BODY) }));
    await tab.goto("/__a11y-probe");
    await a11y.idle();
    expect(a11y.take()).toEqual([]); // the first page is fine
    await tab.evaluate((body) => {
      document.body.innerHTML = body;
      history.pushState(null, "", "/__a11y-probe/next");
    }, BAD_BODY);
    await expect(tab).toHaveURL(/\/__a11y-probe\/next$/);
    await a11y.idle();
    const found = a11y.take();
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((v) => new URL(v.url).pathname))).toEqual(new Set(["/__a11y-probe/next"]));
    await tab.setContent(page("Fine page", GOOD_BODY));
  });

  test("scanPage() on content set directly reports it too", async ({ page: tab }) => {
    await tab.setContent(page("Bad page", BAD_BODY));
    const found = await scanPage(tab);
    expect(found.map((v) => v.rule)).toEqual(expect.arrayContaining(["color-contrast", "landmark-no-duplicate-main"]));
    await tab.setContent(page("Fine page", GOOD_BODY));
    expect(await scanPage(tab)).toEqual([]);
  });
});

const TABS = [
  "Overview",
  "Dashboard",
  "Gates",
  "Milestones",
  "Use cases",
  "Cohorts",
  "Stakeholders",
  "Risks",
  "Decisions",
  "Workflows",
  "Policy",
  "Cost model",
  "Members",
  "Audit trail",
  "Jobs",
  "Outbox",
];

/** Clicks through every programme tab (client-side navigations) and returns the paths shown. */
async function walkTabs(tab: Page, a11y: A11yScanner): Promise<string[]> {
  const nav = tab.getByRole("navigation", { name: "Programme" });
  const paths: string[] = [];
  for (const name of TABS) {
    const link = nav.getByRole("link", { name, exact: true });
    await link.click();
    await expect(link).toHaveAttribute("aria-current", "page");
    await a11y.idle(); // this tour stays on each page until it is scanned
    paths.push(new URL(tab.url()).pathname);
  }
  return paths;
}

function scannedPaths(scanned: string[]): Set<string> {
  return new Set(scanned.map((u) => new URL(u).pathname));
}

test.describe("every page is scanned", () => {
  test.describe.configure({ timeout: 600_000 }); // dozens of pages, each scanned

  test("a programme manager's tabs, at desktop and phone widths", async ({ page: tab, a11y }) => {
    await signIn(tab, "pm@acme.test");
    await tab.goto(`/programmes/${ACME.slug}`);
    const desktop = await walkTabs(tab, a11y);
    await tab.setViewportSize({ width: 390, height: 844 });
    await tab.goto(`/programmes/${ACME.slug}/dashboard`);
    await walkTabs(tab, a11y);
    await a11y.idle();
    for (const p of desktop) expect(scannedPaths(a11y.scanned)).toContain(p);
  });

  test("a programme manager's forms, detail pages and personal pages", async ({ page: tab, a11y }) => {
    await signIn(tab, "pm@acme.test");
    const base = `/programmes/${ACME.slug}`;
    const direct = [
      "/programmes/new",
      "/inbox",
      "/reviews",
      "/settings/notifications",
      `${base}/tokens`,
      `${base}/reports/weekly`,
      `${base}/costs/prices`,
      `${base}/costs/scenarios/new`,
      `${base}/dashboard/import`,
      `${base}/dashboard/sync`,
      `${base}/risks/new`,
      `${base}/decisions/new`,
      `${base}/use-cases/new`,
      `${base}/use-cases/import`,
      `${base}/use-cases/priorities`,
      `${base}/workflows/new`,
      `${base}/gates/architecture-review/record`,
    ];
    for (const p of direct) {
      const response = await tab.goto(p);
      expect(response?.status(), p).toBe(200);
      await a11y.idle();
    }
    // The first record of each list, reached by its link.
    const lists: [string, RegExp][] = [
      [`${base}/risks`, new RegExp(`^${base}/risks/(?!new)[^/]+$`)],
      [`${base}/decisions`, new RegExp(`^${base}/decisions/(?!new)[^/]+$`)],
      [`${base}/use-cases`, new RegExp(`^${base}/use-cases/(?!new|import|priorities|export)[^/]+$`)],
      [`${base}/workflows`, new RegExp(`^${base}/workflows/(?!new)[^/]+$`)],
      [`${base}/costs`, new RegExp(`^${base}/costs/scenarios/(?!new)[^/]+$`)],
      [`${base}/outbox`, new RegExp(`^${base}/outbox/[^/]+$`)],
      [`${base}/policy`, new RegExp(`^${base}/policy/versions/[^/]+$`)],
    ];
    const details: string[] = [];
    for (const [list, detail] of lists) {
      await tab.goto(list);
      const hrefs = await tab.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      const href = hrefs.find((h) => detail.test(h));
      if (!href) continue; // a list the demo leaves empty (checked below: most have records)
      await tab.goto(href);
      await a11y.idle();
      details.push(href);
    }
    expect(details.length).toBeGreaterThanOrEqual(5);
    await a11y.idle();
    for (const p of [...direct, ...details]) expect(scannedPaths(a11y.scanned)).toContain(p);
  });

  test("a viewer's overview and the signed-out pages", async ({ page: tab, a11y }) => {
    for (const p of ["/signin", "/forgot-password", "/no-such-page"]) {
      await tab.goto(p);
      await a11y.idle();
    }
    await signIn(tab, "viewer@acme.test");
    await tab.goto(`/programmes/${ACME.slug}`);
    await a11y.idle();
    await tab.goto(`/programmes/${ACME.slug}/no-such-tab`);
    await a11y.idle();
    expect(scannedPaths(a11y.scanned)).toContain("/no-such-page");
    expect(scannedPaths(a11y.scanned)).toContain(`/programmes/${ACME.slug}`);
  });
});
