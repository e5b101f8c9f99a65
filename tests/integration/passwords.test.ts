import { describe, expect, it } from "vitest";

import { makeUser, uniqueSuffix } from "@/demo/factories";
import { PASSWORD_RESET_SENT } from "@/features/auth/schemas";
import { findPasswordResetByLink } from "@/features/auth/server/find-password-reset";
import { issuePasswordReset, requestPasswordReset } from "@/features/auth/server/request-password-reset";
import { resetPassword } from "@/features/auth/server/reset-password";
import { hashOneTimeToken } from "@/server/auth/one-time-token";
import { newPasswordSchema } from "@/server/auth/password-schema";
import { PASSWORD_RESET_LIMITS } from "@/server/auth/rate-limit";
import { userOfSession } from "@/server/auth/session-user";
import { setPassword } from "@/server/auth/set-password";
import { signInWithPassword } from "@/server/auth/users";
import { db } from "@/server/db";
import { RateLimitedError, RuleError } from "@/server/errors";

const OLD = "correct horse battery";
const NEW = "a brand new passphrase";
const tokenOf = (link: string) => link.split("/").at(-1)!;
let n = 0;
/** A fresh documentation-range address per call, so per-address limits of one test never touch another's. */
const address = () =>
  `2001:db8::${(Date.now() % 0xffff).toString(16)}:${(n++).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
const sessionOf = async (userId: string) => ({
  uid: userId,
  sv: (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } })).sessionVersion,
});

describe("the password rule", () => {
  it("refuses blank, whitespace-only, short and over-72-byte passwords, with a clear message", () => {
    const msg = (s: string) => newPasswordSchema.safeParse(s).error?.issues[0]?.message;
    expect(msg("")).toBe("Enter a password: it cannot be blank or only spaces.");
    expect(msg(" \t \n          ")).toBe("Enter a password: it cannot be blank or only spaces.");
    expect(msg("short")).toBe("Use a password of at least 10 characters.");
    expect(msg("a".repeat(73))).toMatch(/^Use a password of at most 72 bytes \(this one is 73;/);
    // 37 characters but 73 bytes in UTF-8: refused by bytes, not characters.
    expect(msg("é".repeat(36) + "a")).toMatch(/this one is 73/);
    expect(msg("a".repeat(72))).toBeUndefined();
    expect(msg("🔒".repeat(18))).toBeUndefined(); // 72 bytes
    expect(msg("  spaced password  ")).toBeUndefined(); // spaces around a real password are kept
  });

  it("the CLI's set-password refuses a 73-byte or blank password and changes nothing", async () => {
    const u = await makeUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    const cli = { id: null, label: "cli (test)" };
    await expect(setPassword(cli, { email: u.email, password: "x".repeat(73) })).rejects.toMatchObject({ name: "ZodError" });
    await expect(setPassword(cli, { email: u.email, password: "           " })).rejects.toMatchObject({ name: "ZodError" });
    expect(await db.user.findUniqueOrThrow({ where: { id: u.id } })).toEqual(before);
  });
});

describe("a password change ends the account's other sessions", () => {
  it("a session from before the change no longer loads its user; one signed in afterwards does", async () => {
    const u = await makeUser();
    const old = await sessionOf(u.id);
    await expect(userOfSession(old)).resolves.toMatchObject({ id: u.id });
    // A cookie from before session versions existed counts as version 0.
    await expect(userOfSession({ uid: u.id })).resolves.toMatchObject({ id: u.id });
    await setPassword({ id: null, label: "cli (test)" }, { email: u.email, password: NEW });
    await expect(userOfSession(old)).resolves.toBeNull();
    await expect(userOfSession({ uid: u.id })).resolves.toBeNull();
    const signedIn = await signInWithPassword(u.email, NEW, address());
    await expect(userOfSession({ uid: u.id, sv: signedIn!.sessionVersion })).resolves.toMatchObject({ id: u.id, email: u.email });
  });
});

describe("forgot password", () => {
  it("answers the same for an unknown email, and makes a link only for an account", async () => {
    const u = await makeUser();
    const unknown = `nobody-${uniqueSuffix()}@example.test`;
    const resetsBefore = await db.passwordReset.count();
    const a = await requestPasswordReset({ email: unknown }, address());
    const b = await requestPasswordReset({ email: u.email.toUpperCase() }, address());
    expect(a).toEqual({ message: PASSWORD_RESET_SENT });
    expect(b).toEqual(a);
    expect(await db.passwordReset.count()).toBe(resetsBefore + 1);
    expect(await db.outboxEmail.count({ where: { toAddress: unknown } })).toBe(0);
    // The email: to the account's owner only (no programme, so no manager reads it on an Outbox page), both parts, the link.
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: u.email } });
    expect(mail).toMatchObject({ programmeId: null, userId: u.id, category: "Password reset", subject: "Set a new Gatehouse password" });
    const link = mail.text.match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/)?.[0];
    expect(link).toBeDefined();
    expect(mail.html).toContain(`href="${link}"`);
    await expect(findPasswordResetByLink(tokenOf(link!))).resolves.toEqual({ state: "open", email: u.email });
    const row = await db.passwordReset.findFirstOrThrow({ where: { userId: u.id } });
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    await expect(issuePasswordReset(unknown, address())).resolves.toBeNull();
  });

  it("the link sets a new password once, spends the account's other links, and ends older sessions", async () => {
    const u = await makeUser();
    const old = await sessionOf(u.id);
    const first = await issuePasswordReset(u.email, address());
    const second = await issuePasswordReset(u.email, address());
    const row = await db.passwordReset.findUniqueOrThrow({ where: { tokenHash: hashOneTimeToken(tokenOf(second!.link)) } });
    expect(JSON.stringify(row)).not.toContain(tokenOf(second!.link));
    await expect(findPasswordResetByLink(tokenOf(second!.link))).resolves.toEqual({ state: "open", email: u.email });

    await expect(resetPassword({ token: tokenOf(second!.link), password: NEW })).resolves.toEqual({ email: u.email });
    expect(await signInWithPassword(u.email, OLD, address())).toBeNull();
    expect(await signInWithPassword(u.email, NEW, address())).toMatchObject({ id: u.id });
    await expect(userOfSession(old)).resolves.toBeNull();
    expect(await db.auditEvent.count({ where: { chain: "system", action: "user.reset_password", entityId: u.id } })).toBe(1);

    // Used, and the earlier link spent with it: both refused, nothing changes.
    const hashBefore = (await db.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash;
    for (const link of [second!.link, first!.link]) {
      await expect(resetPassword({ token: tokenOf(link), password: "attacker password 1" })).rejects.toThrow(
        "This password reset link has already been used. Ask for a new one if you still need it.",
      );
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash).toBe(hashBefore);
  });

  it("an expired or unknown link is refused with a clear message and changes nothing", async () => {
    const u = await makeUser();
    const issued = await issuePasswordReset(u.email, address());
    await db.passwordReset.updateMany({ where: { userId: u.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    await expect(resetPassword({ token: tokenOf(issued!.link), password: NEW })).rejects.toThrow(
      "This password reset link has expired (links work for one hour). Ask for a new one.",
    );
    await expect(resetPassword({ token: "A".repeat(43), password: NEW })).rejects.toThrow("This password reset link is not valid.");
    expect(await db.user.findUniqueOrThrow({ where: { id: u.id } })).toEqual(before);
    expect(await db.passwordReset.findFirstOrThrow({ where: { userId: u.id } })).toMatchObject({ usedAt: null });
    await expect(findPasswordResetByLink(tokenOf(issued!.link))).resolves.toEqual({ state: "expired" });
  });

  it("refuses a blank or 73-byte new password and keeps the link usable", async () => {
    const u = await makeUser();
    const issued = await issuePasswordReset(u.email, address());
    for (const password of ["", "     ", "b".repeat(73)]) {
      await expect(resetPassword({ token: tokenOf(issued!.link), password })).rejects.toMatchObject({ name: "ZodError" });
    }
    expect(await signInWithPassword(u.email, OLD, address())).toMatchObject({ id: u.id });
    await expect(findPasswordResetByLink(tokenOf(issued!.link))).resolves.toMatchObject({ state: "open" });
  });

  it("two uses of one reset link at the same time: exactly one succeeds", async () => {
    const u = await makeUser();
    const issued = await issuePasswordReset(u.email, address());
    const results = await Promise.allSettled([
      resetPassword({ token: tokenOf(issued!.link), password: "first new password" }),
      resetPassword({ token: tokenOf(issued!.link), password: "second new password" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(RuleError);
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).sessionVersion).toBe(1);
  });

  it("is rate-limited per email (silently: the same answer, no more links) and per address (told to wait)", async () => {
    const u = await makeUser();
    for (let i = 0; i < PASSWORD_RESET_LIMITS.perEmailPerHour + 2; i++) {
      await expect(requestPasswordReset({ email: u.email }, address())).resolves.toEqual({ message: PASSWORD_RESET_SENT });
    }
    expect(await db.passwordReset.count({ where: { userId: u.id } })).toBe(PASSWORD_RESET_LIMITS.perEmailPerHour);
    expect(await db.outboxEmail.count({ where: { toAddress: u.email } })).toBe(PASSWORD_RESET_LIMITS.perEmailPerHour);

    const one = address();
    for (let i = 0; i < PASSWORD_RESET_LIMITS.perAddressPerHour; i++) {
      await requestPasswordReset({ email: `spray-${i}-${uniqueSuffix()}@example.test` }, one);
    }
    const other = await makeUser();
    const refused = requestPasswordReset({ email: other.email }, one);
    await expect(refused).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refused).rejects.toThrow(/^Too many password reset requests from your network\. Try again in \d+ minutes\.$/);
    expect(await db.passwordReset.count({ where: { userId: other.id } })).toBe(0);
    // The same person from another address is still served.
    await requestPasswordReset({ email: other.email }, address());
    expect(await db.passwordReset.count({ where: { userId: other.id } })).toBe(1);
  });
});
