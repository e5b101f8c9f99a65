import { randomBytes } from "node:crypto";
import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";

/** The demo accounts' password (src/demo/accounts.ts). */
export const DEMO_PASSWORD = "gatehouse-demo";

export const ACME = { slug: "acme", name: "Acme Financial — Claude rollout" } as const;
export const GLOBEX = { slug: "globex", name: "Globex Health — Claude Enterprise" } as const;

/**
 * A short suffix that makes slugs and emails unique to one test run, so the suite can run again
 * against the same database: lowercase letters and digits only (valid in a slug and an email).
 */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

/** A documentation-range address (TEST-NET-3) unique to this run; see sign-in.spec.ts for why. */
export function randomClientAddress(): string {
  const [a = 0, b = 0] = randomBytes(2);
  return `203.0.${a}.${b}`;
}

/** The email-and-password form on /signin. */
export function signInForm(page: Page) {
  return {
    email: page.getByLabel("Email", { exact: true }),
    password: page.getByLabel("Password", { exact: true }),
    submit: page.getByRole("button", { name: "Sign in", exact: true }),
  };
}

/**
 * Opens the sign-in page. The email field takes focus when the page's scripts have run (React
 * focuses `autoFocus` fields when it hydrates), so waiting for that focus means the form is live.
 */
export async function openSignIn(page: Page, path = "/signin"): Promise<void> {
  await page.goto(path);
  await expect(signInForm(page).email).toBeFocused();
}

/** Fills and submits the sign-in form on the current page, and waits for the server's answer. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  const form = signInForm(page);
  await form.email.fill(email);
  await form.password.fill(password);
  await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === "/api/auth/callback/credentials" && r.request().method() === "POST"),
    form.submit.click(),
  ]);
}

/**
 * Signs in with email and password from /signin and waits until the app shows the signed-in header.
 * `landsOn` is the path expected afterwards (default: My programmes).
 */
export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  landsOn: string | RegExp = /\/programmes$/,
): Promise<void> {
  await openSignIn(page);
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(landsOn);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** An alert (role="alert": a form error or a field error) showing `text`. */
export function alertWith(page: Page, text: string | RegExp): Locator {
  return page.getByRole("alert").filter({ hasText: text });
}

/** A new browser context (its own cookies) signed in as `email`. Close the context when done. */
export async function signedInContext(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

export interface NewProgramme {
  name: string;
  organisation: string;
  slug: string;
  seats?: number;
}

/** The "New programme" form's fields. */
export function programmeForm(page: Page) {
  const form = page.getByRole("form", { name: "New programme" });
  return {
    form,
    name: form.getByLabel("Programme name", { exact: true }),
    organisation: form.getByLabel("Organisation", { exact: true }),
    slug: form.getByLabel("URL slug", { exact: true }),
    startDate: form.getByLabel("Start date (Day 1)", { exact: true }),
    seats: form.getByLabel("Licensed seats", { exact: true }),
    submit: form.getByRole("button", { name: "Create programme" }),
  };
}

/** Creates a programme through the UI (signed in) and waits for its overview. */
export async function createProgramme(page: Page, p: NewProgramme): Promise<void> {
  await page.goto("/programmes/new");
  const f = programmeForm(page);
  await expect(f.name).toBeFocused(); // autoFocus: the form is hydrated
  await f.name.fill(p.name);
  await f.organisation.fill(p.organisation);
  await f.slug.fill(p.slug);
  if (p.seats !== undefined) await f.seats.fill(String(p.seats));
  await f.submit.click();
  await expect(page).toHaveURL(`/programmes/${p.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: p.name })).toBeVisible();
}

/** The list of members on a programme's Members page, and one member's row in it. */
export function membersList(page: Page): Locator {
  return page.getByRole("list", { name: "Members" });
}

export function memberRow(page: Page, email: string): Locator {
  return membersList(page).getByRole("listitem").filter({ hasText: email });
}

/**
 * Waits until React has hydrated `target`, so that a click or a submit reaches its handler: on the
 * server-rendered HTML before hydration a click is lost and a form posts natively. React keeps a
 * hydrated node's props on it under a `__reactProps$…` key.
 */
export async function whenHydrated(target: Locator): Promise<Locator> {
  await expect(target).toBeVisible();
  await expect.poll(() => target.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$")))).toBe(true);
  return target;
}

/** The programme manager writes and publishes the acceptable use policy on the Policy page. */
export async function publishAcceptableUsePolicy(page: Page, programmeSlug: string): Promise<void> {
  await page.goto(`/programmes/${programmeSlug}/policy`);
  await (await whenHydrated(page.getByRole("button", { name: "Write the first draft" }))).click();
  const editor = page.getByRole("form", { name: "Draft version 1" });
  await editor
    .getByLabel("Version 1 (Markdown)")
    .fill("# Acceptable use of Claude\n\nUse approved workflows; never paste customer identifiers.");
  await editor.getByRole("button", { name: "Save draft" }).click();
  await expect(editor.getByRole("status")).toHaveText("Draft saved.");
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await page.getByRole("alertdialog", { name: "Publish version 1?" }).getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("article", { name: "Acceptable use policy, version 1" })).toBeVisible();
}
