/**
 * The `test` every e2e spec imports (`tests/unit/e2e-fixture-import.test.ts` fails a spec that takes `test`
 * from @playwright/test directly). It is Playwright's `test` with one automatic fixture: an axe scan of every
 * page the test shows.
 *
 * Every browser context of the test is watched — the `context`/`page` fixtures and the contexts a test opens
 * with `browser.newContext()`/`browser.newPage()`. Each main-frame navigation (a full load, and a client-side
 * one: Next's router moves with `history.pushState`, which Playwright also reports as `framenavigated`)
 * queues a scan of that page once it has settled: the `load` event, fonts ready and two animation frames, so
 * the scan waits for the page, not for a clock. A context's pages are scanned once more in the state the test
 * leaves them in (before the context closes). A page left before its scan could run is counted as missed.
 *
 * A violation fails the test (at its end, with every finding listed by URL, rule and selector) when its impact
 * is serious or critical, or when it breaks the landmark structure (one `<main>`, one banner) whatever axe's
 * impact. The rules run are WCAG 2.0/2.1/2.2 A and AA plus axe's best practices (for the landmark rules).
 */
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";

import { BASE_URL } from "../../playwright.config";

export { expect } from "@playwright/test";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
/** Rules that fail a page whatever impact axe gives them (the landmark structure the app promises). */
const ALWAYS_FAIL = new Set([
  "landmark-one-main",
  "landmark-no-duplicate-main",
  "landmark-no-duplicate-banner",
  "landmark-no-duplicate-contentinfo",
  "landmark-banner-is-top-level",
  "landmark-main-is-top-level",
]);
const FAILING_IMPACTS = new Set(["serious", "critical"]);

export interface A11yViolation {
  url: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** One line per violation: where, which rule, which elements. */
export function formatViolations(violations: A11yViolation[]): string {
  return violations.map((v) => `${v.url}  [${v.rule}, ${v.impact}] ${v.help}\n    ${v.targets.join("\n    ")}`).join("\n");
}

/** Runs axe on the page as it is now and returns the violations that fail a test. */
export async function scanPage(page: Page): Promise<A11yViolation[]> {
  // Legacy mode runs axe.run in the page itself: the default opens a blank page in the test's context to
  // merge frame results, which a test counting pages or waiting for a popup would see. Same-origin frames
  // are still scanned; the app has no cross-origin ones.
  const results = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).analyze();
  return results.violations
    .filter((v) => ALWAYS_FAIL.has(v.id) || FAILING_IMPACTS.has(v.impact ?? ""))
    .map((v) => ({
      url: results.url,
      rule: v.id,
      impact: v.impact ?? "unknown",
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(" >> ")),
    }));
}

/**
 * Resolves when the page's current document has loaded and painted: `load`, web fonts, then two animation
 * frames. It waits inside the document (not with page.waitForLoadState, which waits for a navigation already
 * under way — one this fixture may be holding until this very scan ends, which would never come).
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    if (document.readyState !== "complete") await new Promise((resolve) => addEventListener("load", resolve, { once: true }));
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/** What axe would see, as a short hash: the document's markup without the per-response CSP nonces. */
function domFingerprint(): string {
  const html = document.documentElement.outerHTML.replace(/ nonce="[^"]*"/g, "");
  let h = 5381;
  for (let i = 0; i < html.length; i++) h = (h * 33) ^ html.charCodeAt(i);
  return `${html.length}:${(h >>> 0).toString(36)}`;
}

/** A page of the app under test (not the test identity provider's login form, which is another project's). */
function isAppPage(url: string): boolean {
  return url.startsWith(`${BASE_URL}/`) || url === BASE_URL;
}

/** Findings of every (URL, DOM) scanned in this worker. */
const scannedBefore = new Map<string, A11yViolation[]>();

/** A page gone or navigated away mid-scan: not a finding, the page simply could not be scanned. */
function isGoneError(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e);
  // "reading 'run'": the axe script injected a moment before is gone, so the document was replaced (a form
  // posted back to the same URL) between injecting and running it.
  return /Target page, context or browser has been closed|Execution context was destroyed|navigat|Frame was detached|Target closed|reading 'run'/i.test(
    message,
  );
}

/** The accessibility scanner of one test: every page of every watched context. */
export class A11yScanner {
  readonly violations: A11yViolation[] = [];
  /** URLs scanned, one entry per scan. */
  readonly scanned: string[] = [];
  /** URLs that were left (or closed) before their scan could run. */
  readonly missed: string[] = [];
  /** Scans that failed for another reason (axe could not run): these fail the test too. */
  readonly errors: string[] = [];
  private readonly contexts = new Set<BrowserContext>();
  private readonly finished = new WeakSet<BrowserContext>();
  private readonly queues = new Map<Page, Promise<void>>();

  async watchContext(context: BrowserContext): Promise<void> {
    if (this.contexts.has(context)) return;
    this.contexts.add(context);
    for (const page of context.pages()) this.watchPage(page);
    context.on("page", (page) => this.watchPage(page));
    // A context the test closes itself: finish its scans and scan its pages' final state first.
    const close = context.close.bind(context);
    context.close = async (options) => {
      await this.finalScan(context);
      this.contexts.delete(context);
      return close(options);
    };
  }

  /** Scans the page now (after it settles), in turn with its other scans. */
  scan(page: Page): Promise<void> {
    const url = page.url();
    const next = (this.queues.get(page) ?? Promise.resolve()).then(() => this.scanNow(page, url));
    this.queues.set(page, next);
    return next;
  }

  /** Waits for every queued scan. */
  async idle(): Promise<void> {
    await Promise.all(this.queues.values());
  }

  /** Removes and returns the violations found so far (for a test that expects some). */
  take(): A11yViolation[] {
    return this.violations.splice(0);
  }

  /** Scans every open page of every watched context in its final state. */
  async finish(): Promise<void> {
    for (const context of [...this.contexts]) await this.finalScan(context);
  }

  private watchPage(page: Page): void {
    if (this.queues.has(page)) return;
    this.queues.set(page, Promise.resolve());
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame() && isAppPage(frame.url())) void this.scan(page);
    });
  }

  private async finalScan(context: BrowserContext): Promise<void> {
    if (this.finished.has(context)) return;
    this.finished.add(context);
    for (const page of context.pages()) {
      if (!page.isClosed() && isAppPage(page.url())) await this.scan(page);
    }
    await Promise.all(context.pages().map((p) => this.queues.get(p)));
  }

  private async scanNow(page: Page, url: string): Promise<void> {
    try {
      if (page.isClosed()) throw new Error("Target closed");
      await settled(page);
      // A newer navigation has its own scan queued; this one would scan that page instead.
      if (page.url() !== url) return;
      // The same URL with the same DOM was scanned already in this worker (the sign-in page, a list seen
      // again): its findings are the same, so it is counted without running axe again.
      const key = `${url}\n${await page.evaluate(domFingerprint)}`;
      const found = scannedBefore.get(key) ?? (await scanPage(page));
      scannedBefore.set(key, found);
      this.scanned.push(url);
      for (const v of found) {
        const seen = this.violations.some((o) => o.url === v.url && o.rule === v.rule && o.targets.join() === v.targets.join());
        if (!seen) this.violations.push(v);
      }
    } catch (e) {
      // A page that moved on while axe was being injected or run was not scanned: missed, not a finding.
      if (isGoneError(e) || page.isClosed() || page.url() !== url) this.missed.push(url);
      else this.errors.push(`${url}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

function watchNewContexts(browser: Browser, scanner: A11yScanner): () => void {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await scanner.watchContext(context);
    return context;
  };
  return () => {
    browser.newContext = newContext;
  };
}

export const test = base.extend<{ a11y: A11yScanner }>({
  a11y: [
    async ({ browser }, provide, testInfo) => {
      const scanner = new A11yScanner();
      const restore = watchNewContexts(browser, scanner);
      try {
        await provide(scanner);
      } finally {
        restore();
      }
      await scanner.finish();
      const log = path.join(testInfo.project.outputDir, "a11y-scans.jsonl");
      mkdirSync(path.dirname(log), { recursive: true });
      appendFileSync(
        log,
        `${JSON.stringify({ test: testInfo.titlePath.join(" › "), scanned: scanner.scanned, missed: scanner.missed, violations: scanner.violations })}\n`,
      );
      if (scanner.errors.length > 0) throw new Error(`The accessibility scan could not run:\n${scanner.errors.join("\n")}`);
      if (scanner.violations.length > 0) {
        throw new Error(`Accessibility violations (axe, serious/critical or landmarks):\n${formatViolations(scanner.violations)}`);
      }
    },
    { auto: true },
  ],
  context: async ({ context, a11y }, provide) => {
    await a11y.watchContext(context);
    await provide(context);
    await a11y.finish(); // before Playwright closes the context
  },
});
