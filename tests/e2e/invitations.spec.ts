import { type Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import pg from "pg";

import { expect, test } from "./fixtures";
import { ACME, alertWith, createProgramme, memberRow, randomClientAddress, signIn, uniqueSuffix, whenHydrated } from "./helpers";

/** One query against the e2e server's database (the test reads what only the mailbox would see). */
async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The newest email to `to` in the outbox, waiting for it (a reset email is queued after the response). */
async function latestEmailText(to: string): Promise<string> {
  let text = "";
  await expect
    .poll(async () => {
      const rows = await sql<{ text: string }>(`SELECT text FROM "OutboxEmail" WHERE "toAddress" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [
        to,
      ]);
      text = rows[0]?.text ?? "";
      return text;
    })
    .not.toBe("");
  return text;
}

const linkIn = (text: string, path: string) => {
  const m = text.match(new RegExp(`https?://\\S+/${path}/[A-Za-z0-9_-]{43}`));
  expect(m, `a /${path}/ link in:\n${text}`).not.toBeNull();
  return new URL(m![0]).pathname;
};

test.describe("invitations", () => {
  // Reset requests are limited per address: give this file an address of its own.
  test.use({ extraHTTPHeaders: { "x-forwarded-for": randomClientAddress() } });

  test("a programme manager adds a new person; the invitation arrives; they set a password from the link and sign in", async ({
    page,
    browser,
  }) => {
    const suffix = uniqueSuffix();
    const programme = { name: `Invitations ${suffix}`, organisation: `Initech ${suffix}`, slug: `invitations-${suffix}` };
    const email = `newcomer-${suffix}@example.test`;
    await signIn(page, "pm@acme.test");
    await createProgramme(page, programme);

    await page.goto(`/programmes/${programme.slug}/members`);
    const form = page.getByRole("form", { name: "Add member" });
    await whenHydrated(form.getByRole("button", { name: "Add member" }));
    await form.getByLabel("Email", { exact: true }).fill(email);
    await form.getByLabel("Name", { exact: true }).fill("Nora Newcomer");
    await form.getByRole("checkbox", { name: "Workflow owner", exact: true }).check();
    await form.getByRole("button", { name: "Add member" }).click();
    await expect(form.getByRole("status")).toContainText(`Invited ${email}`);
    const shownLink = await form.getByLabel("Invitation link").inputValue();
    expect(shownLink).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);

    // Listed as an open invitation (not yet a member), with Resend and Revoke.
    const invitations = page.getByRole("list", { name: "Invitations" });
    await expect(invitations.getByRole("listitem").filter({ hasText: email })).toContainText("Nora Newcomer");
    await expect(invitations.getByRole("button", { name: `Revoke the invitation to ${email}` })).toBeVisible();
    await expect(memberRow(page, email)).toHaveCount(0);

    // The invitation arrives: with no SMTP server, the programme's Outbox shows what was sent.
    await page.goto(`/programmes/${programme.slug}/outbox`);
    await page
      .getByRole("table", { name: "Emails" })
      .getByRole("link", { name: `invited you to ${programme.name}` })
      .click();
    const text = await page
      .locator("section", { has: page.getByRole("heading", { name: "Plain-text part" }) })
      .locator("pre")
      .innerText();
    const invitationPath = linkIn(text, "invitations");
    expect(shownLink.endsWith(invitationPath)).toBe(true);

    // The newcomer, in a browser of their own.
    const context = await browser.newContext();
    const invitee = await context.newPage();
    await invitee.goto(invitationPath);
    await expect(invitee.getByRole("heading", { level: 1, name: `Join ${programme.name}` })).toBeVisible();
    const accept = invitee.getByRole("form", { name: "Accept invitation" });
    await expect(accept.getByLabel("Your name")).toHaveValue("Nora Newcomer");
    await whenHydrated(accept.getByRole("button", { name: "Create my account and join" }));
    await accept.getByLabel("Choose a password").fill("   ");
    await accept.getByRole("button", { name: "Create my account and join" }).click();
    await expect(accept.getByRole("alert")).toHaveText("Enter a password: it cannot be blank or only spaces.");
    await accept.getByLabel("Choose a password").fill("é".repeat(36) + "a");
    await accept.getByRole("button", { name: "Create my account and join" }).click();
    await expect(accept.getByRole("alert")).toContainText("at most 72 bytes");
    await accept.getByLabel("Your name").fill("Nora N. Newcomer");
    await accept.getByLabel("Choose a password").fill("nora's own password");
    await accept.getByRole("button", { name: "Create my account and join" }).click();
    await expect(invitee).toHaveURL(`/programmes/${programme.slug}`);
    await expect(invitee.getByRole("heading", { level: 1, name: programme.name })).toBeVisible();
    await context.close();

    // The link is spent.
    const again = await browser.newContext();
    const second = await again.newPage();
    await second.goto(invitationPath);
    await expect(alertWith(second, "This invitation has already been used. Sign in with your email and password.")).toBeVisible();
    // And the new account signs in with its password.
    await signIn(second, email, "nora's own password");
    await again.close();

    await page.goto(`/programmes/${programme.slug}/members`);
    await expect(memberRow(page, email)).toContainText("Nora N. Newcomer");
    await expect(memberRow(page, email)).toContainText("Workflow owner");
    await expect(page.getByRole("list", { name: "Invitations" })).toHaveCount(0);
  });
});

async function makeAccount(email: string, password: string) {
  const hash = await bcrypt.hash(password, 4);
  await sql(`INSERT INTO "User" (id, email, name, "passwordHash") VALUES (gen_random_uuid(), $1, $2, $3)`, [email, "Rita Reset", hash]);
}

async function requestReset(page: Page, email: string) {
  await page.goto("/signin");
  await (await whenHydrated(page.getByRole("link", { name: "Forgot password?" }))).click();
  await expect(page).toHaveURL("/forgot-password");
  const form = page.getByRole("form", { name: "Forgot password" });
  await whenHydrated(form.getByRole("button", { name: "Send me a link" }));
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByRole("button", { name: "Send me a link" }).click();
  return page.getByRole("status");
}

test.describe("forgot password", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": randomClientAddress() } });

  test("the same answer for an unknown email; the emailed link sets a new password once and ends the older session", async ({
    page,
    browser,
  }) => {
    const email = `rita-${uniqueSuffix()}@example.test`;
    await makeAccount(email, "rita's old password");
    // A session signed in before the reset, on another device.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, email, "rita's old password");

    const unknownAnswer = await (await requestReset(page, `nobody-${uniqueSuffix()}@example.test`)).innerText();
    const answer = await requestReset(page, email);
    await expect(answer).toHaveText(unknownAnswer);
    expect(unknownAnswer).toContain("If an account exists for that email");

    const resetPath = linkIn(await latestEmailText(email), "reset-password");
    await page.goto(resetPath);
    const form = page.getByRole("form", { name: "Set a new password" });
    await whenHydrated(form.getByRole("button", { name: "Set new password" }));
    await form.getByLabel("New password").fill("rita's new password");
    await form.getByRole("button", { name: "Set new password" }).click();
    await expect(page).toHaveURL("/programmes");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

    // The session from before the change is over.
    await otherPage.goto("/programmes");
    await expect(otherPage).toHaveURL(/\/signin\?callbackUrl=/);
    await other.close();

    // The link is spent.
    await page.goto(resetPath);
    await expect(alertWith(page, "This password reset link has already been used. Ask for a new one if you still need it.")).toBeVisible();
  });
});

test.describe("API tokens in the app", () => {
  test("a token created on the tokens page works on GET /api/v1/programmes/{slug}/gates and stops when revoked", async ({
    page,
    request,
  }) => {
    const name = `e2e-${uniqueSuffix()}`;
    await signIn(page, "pm@acme.test");
    await page.goto(`/programmes/${ACME.slug}/members`);
    await page.getByRole("link", { name: "API tokens" }).click();
    await expect(page).toHaveURL(`/programmes/${ACME.slug}/tokens`);
    const form = page.getByRole("form", { name: "New API token" });
    await whenHydrated(form.getByRole("button", { name: "Create token" }));
    await form.getByLabel("Token name").fill(name);
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(form.getByRole("status")).toContainText(`Created the token “${name}”. Copy it now`);
    const token = await form.getByLabel("API token").inputValue();
    expect(token).toMatch(/^gh_[0-9A-Za-z]{40}$/);

    const gates = () => request.get(`/api/v1/programmes/${ACME.slug}/gates`, { headers: { authorization: `Bearer ${token}` } });
    expect((await gates()).status()).toBe(200);

    await page.reload();
    const row = page.getByRole("table", { name: "API tokens" }).getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("Active");
    await expect(row).not.toContainText("Never");
    await expect(page.getByText(token)).toHaveCount(0); // shown once only

    await (await whenHydrated(row.getByRole("button", { name: `Revoke ${name}` }))).click();
    await page
      .getByRole("alertdialog", { name: `Revoke ${name}?` })
      .getByRole("button", { name: "Revoke token" })
      .click();
    await expect(row).toContainText("Revoked");
    expect((await gates()).status()).toBe(401);
  });
});
