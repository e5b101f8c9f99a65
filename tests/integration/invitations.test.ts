import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser, uniqueSuffix } from "@/demo/factories";
import { acceptInvitation } from "@/features/members/server/accept-invitation";
import { addMember } from "@/features/members/server/add-member";
import { findInvitationByLink } from "@/features/members/server/find-invitation";
import { listInvitations } from "@/features/members/server/list-invitations";
import { listMembers } from "@/features/members/server/list-members";
import { resendInvitation } from "@/features/members/server/resend-invitation";
import { revokeInvitation } from "@/features/members/server/revoke-invitation";
import { hashOneTimeToken } from "@/server/auth/one-time-token";
import { signInWithPassword, upsertSsoUser } from "@/server/auth/users";
import { db } from "@/server/db";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/server/errors";

const PASSWORD = "a perfectly fine password";
const tokenOf = (link: string) => link.split("/").at(-1)!;
const newEmail = () => `invitee-${uniqueSuffix()}@example.test`;
const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

async function setup() {
  const pm = await makeUser();
  const programme = await makeProgramme(pm);
  return { pm, programme, slug: programme.slug };
}

async function invite(pm: Awaited<ReturnType<typeof makeUser>>, slug: string, email = newEmail(), name = "Grace Hopper") {
  const r = await addMember(pm, { programmeSlug: slug, email, name, roles: ["GATE_REVIEWER"], functions: ["SECURITY"] });
  if (r.kind !== "invited") throw new Error("expected an invitation");
  return r;
}

/** Everything an invitation link could have changed. */
async function snapshot(programmeId: string, email: string) {
  return {
    users: await db.user.count({ where: { email } }),
    members: await db.membership.count({ where: { programmeId } }),
    audit: await db.auditEvent.count({ where: { programmeId } }),
    invitations: await db.invitation.findMany({ where: { email }, select: { acceptedAt: true, revokedAt: true, tokenHash: true } }),
  };
}

describe("inviting someone without an account", () => {
  it("creates an invitation (not an account), stores only the link's hash, audits it and lists it for managers", async () => {
    const { pm, programme, slug } = await setup();
    const email = newEmail();
    const r = await invite(pm, slug, email.toUpperCase());
    expect(r).toMatchObject({ kind: "invited", email, name: "Grace Hopper" });
    expect(r.link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
    expect(r.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await db.membership.count({ where: { programmeId: programme.id } })).toBe(1);
    const row = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(row).toMatchObject({ programmeId: programme.id, roles: ["GATE_REVIEWER"], functions: ["SECURITY"], invitedById: pm.id });
    expect(row.tokenHash).toBe(hashOneTimeToken(tokenOf(r.link)));
    expect(JSON.stringify(row)).not.toContain(tokenOf(r.link));
    const event = await db.auditEvent.findFirstOrThrow({
      where: { programmeId: programme.id, action: "invitation.create" },
      select: { before: true, after: true, hash: true },
    });
    expect(JSON.stringify(event)).not.toContain(tokenOf(r.link));
    // The email: in the programme's outbox (its managers read it there without SMTP), both parts, the link and no other secret.
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: email } });
    expect(mail).toMatchObject({
      programmeId: programme.id,
      category: "Invitation",
      subject: `${pm.name} invited you to ${programme.name} on Gatehouse`,
    });
    expect(mail.text).toContain(r.link);
    expect(mail.html).toContain(`href="${r.link}"`);
    expect(mail.text + mail.html).not.toContain(row.tokenHash);
    const listed = await listInvitations(pm, slug);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ email, name: "Grace Hopper", expired: false, invitedBy: { name: pm.name } });
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);
    // The same person again while the invitation is open: refused, nothing written.
    await expect(invite(pm, slug, email)).rejects.toBeInstanceOf(ConflictError);
    expect(await db.invitation.count({ where: { email } })).toBe(1);
  });

  it("accepting creates the account with the chosen name and password and the membership; the person can sign in", async () => {
    const { pm, programme, slug } = await setup();
    const r = await invite(pm, slug);
    expect(await findInvitationByLink(tokenOf(r.link))).toMatchObject({
      state: "open",
      email: r.email,
      name: "Grace Hopper",
      hasAccount: false,
    });
    const accepted = await acceptInvitation({ token: tokenOf(r.link), name: "Grace B. Hopper", password: PASSWORD });
    expect(accepted).toMatchObject({ email: r.email, accountCreated: true, programmeSlug: slug });
    const user = await db.user.findUniqueOrThrow({ where: { email: r.email } });
    expect(user.name).toBe("Grace B. Hopper");
    const m = await db.membership.findUniqueOrThrow({ where: { programmeId_userId: { programmeId: programme.id, userId: user.id } } });
    expect(m).toMatchObject({ roles: ["GATE_REVIEWER"], functions: ["SECURITY"], addedAsName: null });
    expect(await signInWithPassword(r.email, PASSWORD, address())).toMatchObject({ id: user.id });
    expect(await listInvitations(pm, slug)).toHaveLength(0);
    expect(await db.auditEvent.count({ where: { programmeId: programme.id, action: "invitation.accept" } })).toBe(1);

    // The link is spent: a second use is refused with a clear message and changes nothing.
    const before = await snapshot(programme.id, r.email);
    await expect(acceptInvitation({ token: tokenOf(r.link), name: "Mallory", password: "another password 123" })).rejects.toThrow(
      "This invitation has already been used. Sign in with your email and password.",
    );
    expect(await snapshot(programme.id, r.email)).toEqual(before);
    expect(await signInWithPassword(r.email, PASSWORD, address())).toMatchObject({ id: user.id });
    expect(await findInvitationByLink(tokenOf(r.link))).toEqual({ state: "accepted" });
  });

  it("two uses of one link at the same time: exactly one succeeds", async () => {
    const { pm, programme, slug } = await setup();
    const r = await invite(pm, slug);
    const results = await Promise.allSettled([
      acceptInvitation({ token: tokenOf(r.link), name: "First", password: PASSWORD }),
      acceptInvitation({ token: tokenOf(r.link), name: "Second", password: "a different password" }),
      acceptInvitation({ token: tokenOf(r.link), name: "Third", password: "yet another password" }),
    ]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((x): x is PromiseRejectedResult => x.status === "rejected");
    expect(refused).toHaveLength(2);
    for (const x of refused) expect(x.reason).toBeInstanceOf(RuleError);
    expect(await db.user.count({ where: { email: r.email } })).toBe(1);
    expect(await db.membership.count({ where: { programmeId: programme.id } })).toBe(2);
  });

  it("an expired, revoked or replaced link is refused with a clear message and changes nothing", async () => {
    const { pm, programme, slug } = await setup();
    const expired = await invite(pm, slug);
    await db.invitation.updateMany({ where: { email: expired.email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await snapshot(programme.id, expired.email);
    await expect(acceptInvitation({ token: tokenOf(expired.link), name: "X", password: PASSWORD })).rejects.toThrow(
      "This invitation has expired. Ask the programme manager to send it again.",
    );
    expect(await snapshot(programme.id, expired.email)).toEqual(before);
    expect((await listInvitations(pm, slug)).find((i) => i.email === expired.email)).toMatchObject({ expired: true });

    const revoked = await invite(pm, slug);
    await revokeInvitation(pm, { programmeSlug: slug, invitationId: revoked.invitationId });
    expect(await db.auditEvent.count({ where: { programmeId: programme.id, action: "invitation.revoke" } })).toBe(1);
    const beforeRevoked = await snapshot(programme.id, revoked.email);
    await expect(acceptInvitation({ token: tokenOf(revoked.link), name: "X", password: PASSWORD })).rejects.toThrow(
      "This invitation was withdrawn by the programme manager.",
    );
    expect(await snapshot(programme.id, revoked.email)).toEqual(beforeRevoked);
    await expect(resendInvitation(pm, { programmeSlug: slug, invitationId: revoked.invitationId })).rejects.toBeInstanceOf(NotFoundError);

    // Resending the expired one makes a new link with a new week, emailed again; the old link stops working.
    const resent = await resendInvitation(pm, { programmeSlug: slug, invitationId: expired.invitationId });
    expect(resent.link).not.toBe(expired.link);
    const mails = await db.outboxEmail.findMany({ where: { toAddress: expired.email }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.text.includes(resent.link))).toEqual([false, true]);
    await expect(acceptInvitation({ token: tokenOf(expired.link), name: "X", password: PASSWORD })).rejects.toThrow(
      "This invitation link is not valid.",
    );
    await expect(acceptInvitation({ token: tokenOf(resent.link), name: "Resent", password: PASSWORD })).resolves.toMatchObject({
      accountCreated: true,
    });
    await expect(acceptInvitation({ token: "not-a-token", name: "X", password: PASSWORD })).rejects.toMatchObject({ name: "ZodError" });
  });

  it("refuses a blank or too long (73-byte) password when accepting, and changes nothing", async () => {
    const { pm, programme, slug } = await setup();
    const r = await invite(pm, slug);
    const before = await snapshot(programme.id, r.email);
    await expect(acceptInvitation({ token: tokenOf(r.link), name: "Grace", password: "            " })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["password"], message: "Enter a password: it cannot be blank or only spaces." })],
    });
    await expect(acceptInvitation({ token: tokenOf(r.link), name: "Grace", password: "é".repeat(36) + "a" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["password"], message: expect.stringContaining("at most 72 bytes (this one is 73") })],
    });
    expect(await snapshot(programme.id, r.email)).toEqual(before);
  });

  it("a link for an email that has an account by then adds the membership and never touches that account's password", async () => {
    const { pm, programme, slug } = await setup();
    const r = await invite(pm, slug);
    const owner = await makeUser({ email: r.email, name: "Real Owner", password: "owner's own password" });
    expect(await findInvitationByLink(tokenOf(r.link))).toMatchObject({ state: "open", hasAccount: true });
    await expect(acceptInvitation({ token: tokenOf(r.link), name: "Someone Else", password: PASSWORD })).resolves.toMatchObject({
      accountCreated: false,
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(after.name).toBe("Real Owner");
    expect(await signInWithPassword(r.email, PASSWORD, address())).toBeNull();
    expect(await signInWithPassword(r.email, "owner's own password", address())).toMatchObject({ id: owner.id });
    expect(await db.membership.count({ where: { programmeId: programme.id, userId: owner.id } })).toBe(1);
  });
});

describe("who may invite", () => {
  it("a non-manager cannot invite, resend or revoke; another programme's manager cannot touch this programme's invitations", async () => {
    const { pm, programme, slug } = await setup();
    const viewer = await makeUser();
    await makeMember(pm, slug, viewer, ["VIEWER", "WORKFLOW_OWNER"]);
    const r = await invite(pm, slug);
    const before = await snapshot(programme.id, r.email);
    const email = newEmail();
    await expect(addMember(viewer, { programmeSlug: slug, email, name: "X", roles: ["VIEWER"], functions: [] })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(listInvitations(viewer, slug)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resendInvitation(viewer, { programmeSlug: slug, invitationId: r.invitationId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeInvitation(viewer, { programmeSlug: slug, invitationId: r.invitationId })).rejects.toBeInstanceOf(ForbiddenError);

    const other = await setup();
    // Through their own programme: the invitation is not theirs, so it is not found.
    await expect(revokeInvitation(other.pm, { programmeSlug: other.slug, invitationId: r.invitationId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(resendInvitation(other.pm, { programmeSlug: other.slug, invitationId: r.invitationId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // Through this programme: they are not a member, so the programme is not found.
    await expect(revokeInvitation(other.pm, { programmeSlug: slug, invitationId: r.invitationId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot(programme.id, r.email)).toEqual(before);
    expect(await db.invitation.count({ where: { email } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { toAddress: email } })).toBe(0);
  });
});

describe("adding someone who already has an account", () => {
  it("adds them at once and shows the name the inviter typed (or the email), never the account's own name", async () => {
    const { pm, slug } = await setup();
    const secret = `Secret Realname ${uniqueSuffix()}`;
    const person = await makeUser({ name: secret });
    const r = await addMember(pm, {
      programmeSlug: slug,
      email: person.email,
      name: "Our security lead",
      roles: ["VIEWER"],
      functions: [],
    });
    expect(r).toMatchObject({ kind: "added", email: person.email, name: "Our security lead" });
    expect(JSON.stringify(r)).not.toContain(secret);
    const nameless = await makeUser({ name: `Another Realname ${uniqueSuffix()}` });
    const r2 = await addMember(pm, { programmeSlug: slug, email: nameless.email, roles: ["VIEWER"], functions: [] });
    expect(r2).toMatchObject({ kind: "added", name: nameless.email });
    const { members } = await listMembers(pm, slug);
    expect(members.find((m) => m.user.email === person.email)).toMatchObject({ displayName: "Our security lead" });
    expect(members.find((m) => m.user.email === nameless.email)).toMatchObject({ displayName: nameless.email });
    expect(JSON.stringify(members)).not.toContain(secret);
    expect(JSON.stringify(members)).not.toContain(nameless.name);
    expect(await db.invitation.count({ where: { email: { in: [person.email, nameless.email] } } })).toBe(0);
  });
});

describe("an invitation and single sign-on", () => {
  const issuer = "https://idp.example.test";

  it("a verified single sign-on for the invited email picks up the invitation; an unverified one never does", async () => {
    const { pm, programme, slug } = await setup();
    const verified = await invite(pm, slug);
    const created = await upsertSsoUser({
      issuer,
      subject: `sub-${uniqueSuffix()}`,
      email: verified.email,
      emailVerified: true,
      name: "Via SSO",
    });
    expect(
      await db.membership.findUniqueOrThrow({ where: { programmeId_userId: { programmeId: programme.id, userId: created.id } } }),
    ).toMatchObject({
      roles: ["GATE_REVIEWER"],
      functions: ["SECURITY"],
    });
    expect(await findInvitationByLink(tokenOf(verified.link))).toEqual({ state: "accepted" });

    // An unverified email creates no account at all (decision record 019), so it picks up nothing.
    const unverified = await invite(pm, slug);
    await expect(
      upsertSsoUser({ issuer, subject: `sub-${uniqueSuffix()}`, email: unverified.email, emailVerified: false, name: "Unverified" }),
    ).rejects.toThrow(/not verified/);
    expect(await db.user.count({ where: { email: unverified.email } })).toBe(0);
    expect(await findInvitationByLink(tokenOf(unverified.link))).toMatchObject({ state: "open", hasAccount: false });
  });
});
