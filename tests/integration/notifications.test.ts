import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

import { GET as preferenceLinkGet, POST as preferenceLinkPost } from "@/app/api/notifications/preferences/[token]/route";
import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { openGateReview } from "@/features/gates/server/open-gate-review";
import { signGate } from "@/features/gates/server/sign-gate";
import { updateCriterion } from "@/features/gates/server/update-criterion";
import { notifyDueMilestones } from "@/features/milestones/server/notify-due-milestones";
import { listInbox, markAllNotificationsRead, markNotificationRead, unreadNotificationCount } from "@/features/notifications/server/inbox";
import { getOutboxEmail, listOutbox } from "@/features/notifications/server/outbox";
import { setNotificationPreference } from "@/features/notifications/server/preferences";
import { sendWeeklyReports } from "@/features/reports/server/send-weekly-reports";
import { notifyDueRiskReviews } from "@/features/risks/server/notify-due-risk-reviews";
import { createWorkflow } from "@/features/workflows/server/create-workflow";
import { settleFailedEvaluation, startEvaluation } from "@/features/workflows/server/evaluate";
import { markCandidate } from "@/features/workflows/server/labels";
import { saveTestCase } from "@/features/workflows/server/test-cases";
import { NOTIFICATION_KINDS } from "@/notifications";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import { sendDailyDigests } from "@/server/notifications/digest";
import { defineNotificationKind } from "@/server/notifications/kinds";
import { notify } from "@/server/notifications/notify";
import { signPreferenceToken } from "@/server/notifications/preference-token";

import { startFakeAnthropic } from "../support/fake-anthropic";

vi.hoisted(() => {
  // No SMTP here: every email stays in the outbox, marked not sent (tests/integration/mail-smtp.test.ts sends for real).
  delete process.env.SMTP_URL;
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  process.env.NEXTAUTH_URL ??= "http://gatehouse.test";
});

const PASSWORD = "correct horse battery";
const ctx = { ipAddress: "203.0.113.9", userAgent: "vitest", authMethod: "credentials", authAt: Date.now() };
const testKind = defineNotificationKind({
  key: "tests.ping",
  label: "Test pings",
  description: "Tests only.",
  defaultDelivery: "IMMEDIATE",
});

const inboxOf = (u: Actor) => db.notification.findMany({ where: { userId: u.id }, orderBy: { createdAt: "asc" } });
const emailsTo = (u: Actor) => db.outboxEmail.findMany({ where: { userId: u.id }, orderBy: { createdAt: "asc" } });

const makeWorkflow = (owner: Actor, programmeSlug: string, ownerId: string) =>
  createWorkflow(owner, {
    programmeSlug,
    name: "Credit memo",
    task: "Draft a credit memo for a borrower",
    useCaseId: null,
    ownerId,
    threshold: 90,
    minutesSavedPerRun: 10,
    contextWho: "A bank.",
    contextVoice: "Plain.",
    contextStandards: "UK spelling.",
    exampleOutput: "Memo…",
    template: "Write a credit memo about {{company}}.",
    model: "claude-haiku-4-5",
    maxTokens: 400,
    documentation: "Who uses it, what it needs and how to read its output: a credit analyst gives the company name.",
  });

async function programmeWithReviewers() {
  const pm = await makeUser();
  const p = await makeProgramme(pm);
  const security = await makeUser({ name: "Sam Security" });
  const legal = await makeUser();
  const sponsor = await makeUser();
  const viewer = await makeUser();
  await makeMember(pm, p.slug, security, ["GATE_REVIEWER"], ["SECURITY"]);
  await makeMember(pm, p.slug, legal, ["GATE_REVIEWER"], ["LEGAL_PRIVACY"]);
  await makeMember(pm, p.slug, sponsor, ["SPONSOR"]);
  await makeMember(pm, p.slug, viewer, ["VIEWER"]);
  // Someone of another programme who holds the same function: never told about this one.
  const otherPm = await makeUser();
  const other = await makeProgramme(otherPm);
  const outsider = await makeUser();
  await makeMember(otherPm, other.slug, outsider, ["GATE_REVIEWER"], ["SECURITY"]);
  return { pm, p, security, legal, sponsor, viewer, outsider, otherPm, other };
}

describe("notify", () => {
  it("writes nothing when the transaction that caused it rolls back", async () => {
    const { p, security } = await programmeWithReviewers();
    const jobsBefore = await db.job.count({ where: { programmeId: p.id } });
    await expect(
      db.$transaction(async (tx) => {
        const r = await notify(tx, { kind: testKind, programmeId: p.id, recipientIds: [security.id], subject: "Ping", link: "/inbox" });
        expect(r.notified).toEqual([security.id]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await inboxOf(security)).toEqual([]);
    expect(await emailsTo(security)).toEqual([]);
    expect(await db.job.count({ where: { programmeId: p.id } })).toBe(jobsBefore);
  });

  it("leaves out anyone who is not a member of the programme", async () => {
    const { p, security, outsider } = await programmeWithReviewers();
    const r = await db.$transaction((tx) =>
      notify(tx, {
        kind: testKind,
        programmeId: p.id,
        recipientIds: [security.id, outsider.id, security.id],
        subject: "Ping",
        link: "/inbox",
      }),
    );
    expect(r.notified).toEqual([security.id]);
    expect(await inboxOf(outsider)).toEqual([]);
  });

  it("follows each person's preference: immediately → an email; off → none; digest → one digest for several", async () => {
    const { p, security, legal, sponsor } = await programmeWithReviewers();
    await setNotificationPreference(legal, { kind: testKind.key, delivery: "OFF" });
    await setNotificationPreference(sponsor, { kind: testKind.key, delivery: "DIGEST" });
    for (const n of [1, 2, 3])
      await db.$transaction((tx) =>
        notify(tx, {
          kind: testKind,
          programmeId: p.id,
          recipientIds: [security.id, legal.id, sponsor.id],
          subject: `Ping ${n}`,
          text: `Body <b>${n}</b>`,
          link: `/programmes/${p.slug}`,
        }),
      );
    // Everyone has the three in-app notifications.
    for (const u of [security, legal, sponsor]) expect((await inboxOf(u)).map((n) => n.subject)).toEqual(["Ping 1", "Ping 2", "Ping 3"]);
    // Immediately: three emails, kept in the outbox (no SMTP), with the escaped text in the HTML part.
    const immediate = await emailsTo(security);
    expect(immediate).toHaveLength(3);
    expect(
      immediate.every((e) => e.status === "NOT_SENT" && e.lastError === "Not sent: no SMTP configured (set SMTP_URL to send email)."),
    ).toBe(true);
    expect(immediate[0]!.subject).toBe(`[${p.name}] Ping 1`);
    expect(immediate[0]!.html).toContain("Body &lt;b&gt;1&lt;/b&gt;");
    expect(immediate[0]!.text).toContain(`Open it: http://gatehouse.test/programmes/${p.slug}`);
    // Off: no email. Digest: nothing yet.
    expect(await emailsTo(legal)).toEqual([]);
    expect(await emailsTo(sponsor)).toEqual([]);

    await sendDailyDigests(new Date(Date.now() + 1000));
    const digests = await emailsTo(sponsor);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.category).toBe("Daily digest");
    expect(digests[0]!.subject).toBe(`[${p.name}] Daily digest: 3 notifications`);
    for (const n of [1, 2, 3]) expect(digests[0]!.text).toContain(`* Ping ${n}`);
    // Sent once: a second run finds nothing left.
    await sendDailyDigests(new Date(Date.now() + 2000));
    expect(await emailsTo(sponsor)).toHaveLength(1);
    expect(await emailsTo(legal)).toEqual([]);
  });
});

describe("each kind reaches exactly the right people", () => {
  it("a gate opened for review: 'Architecture Review is open for your Security sign-off', to that function's reviewers only", async () => {
    const { pm, p, security, legal, sponsor, viewer, outsider } = await programmeWithReviewers();
    await openGateReview(pm, { programmeSlug: p.slug, gateKey: "ARCHITECTURE_REVIEW" });
    const [s] = await inboxOf(security);
    expect(s).toMatchObject({
      kind: "gates.review-open",
      subject: "Architecture Review is open for your Security sign-off",
      link: `/programmes/${p.slug}/gates/architecture-review`,
    });
    expect((await inboxOf(legal)).map((n) => n.subject)).toEqual(["Architecture Review is open for your Legal/Privacy sign-off"]);
    for (const u of [pm, sponsor, viewer, outsider]) expect(await inboxOf(u)).toEqual([]);
  });

  it("a voided signature tells its signer why; a decided gate tells managers, sponsors and signers", async () => {
    const { pm, p, security, legal, sponsor, viewer, outsider } = await programmeWithReviewers();
    await openGateReview(pm, { programmeSlug: p.slug, gateKey: "ARCHITECTURE_REVIEW" });
    const criteria = await db.gateCriterion.findMany({
      where: { programmeId: p.id, gate: { key: "ARCHITECTURE_REVIEW" } },
      orderBy: { ordinal: "asc" },
    });
    await signGate(
      security,
      { programmeSlug: p.slug, gateKey: "ARCHITECTURE_REVIEW", function: "SECURITY", decision: "APPROVE", password: PASSWORD },
      ctx,
    );
    await updateCriterion(pm, {
      programmeSlug: p.slug,
      criterionId: criteria[0]!.id,
      status: "MET",
      ownerId: null,
      evidenceUrl: "",
      evidenceNote: "Reviewed",
      waiverReason: "",
    });
    const voided = (await inboxOf(security)).find((n) => n.kind === "gates.signature-voided")!;
    expect(voided.subject).toBe("Your Security signature on Architecture Review was voided: re-sign required");
    expect(voided.text).toContain(`Why: Evidence changed: '${criteria[0]!.title}'.`);
    expect((await inboxOf(legal)).filter((n) => n.kind === "gates.signature-voided")).toEqual([]);

    await signGate(
      legal,
      {
        programmeSlug: p.slug,
        gateKey: "ARCHITECTURE_REVIEW",
        function: "LEGAL_PRIVACY",
        decision: "REJECT",
        reason: "No DPA yet",
        password: PASSWORD,
      },
      ctx,
    );
    const decided = await db.notification.findMany({
      where: { programmeId: p.id, kind: "gates.decided" },
      select: { userId: true, subject: true },
    });
    expect(new Set(decided.map((d) => d.userId))).toEqual(new Set([pm.id, sponsor.id, security.id]));
    expect(decided.every((d) => d.subject === "Architecture Review was rejected")).toBe(true);
    for (const u of [viewer, outsider]) expect((await inboxOf(u)).filter((n) => n.kind === "gates.decided")).toEqual([]);
  });

  it("a version marked candidate: to those who may approve it, not its author", async () => {
    const { pm, p, viewer } = await programmeWithReviewers();
    const owner = await makeUser();
    const otherOwner = await makeUser();
    await makeMember(pm, p.slug, owner, ["WORKFLOW_OWNER"]);
    await makeMember(pm, p.slug, otherOwner, ["WORKFLOW_OWNER"]);
    const membershipId = (await db.membership.findFirstOrThrow({ where: { programmeId: p.id, userId: owner.id } })).id;
    const { slug } = await makeWorkflow(owner, p.slug, membershipId);
    await markCandidate(owner, { programmeSlug: p.slug, workflowSlug: slug, version: 1 });
    const got = await db.notification.findMany({
      where: { programmeId: p.id, kind: "workflows.approval-requested" },
      select: { userId: true, subject: true },
    });
    expect(new Set(got.map((g) => g.userId))).toEqual(new Set([pm.id, otherOwner.id]));
    expect(got[0]!.subject).toBe("Credit memo v1 awaits your approval");
    expect((await inboxOf(viewer)).length).toBe(0);
  });

  it("an evaluation finished or failed: to the person who started it", async () => {
    const fake = await startFakeAnthropic();
    try {
      const pm = await makeUser();
      const p = await makeProgramme(pm);
      const owner = await makeUser();
      await makeMember(pm, p.slug, owner, ["WORKFLOW_OWNER"]);
      const membershipId = (await db.membership.findFirstOrThrow({ where: { programmeId: p.id, userId: owner.id } })).id;
      const { slug } = await makeWorkflow(owner, p.slug, membershipId);
      await saveTestCase(owner, {
        programmeSlug: p.slug,
        workflowSlug: slug,
        name: "Globex",
        variables: { company: "Globex" },
        minLength: "1",
      });
      const config = { apiKey: fake.apiKey, baseURL: fake.url, timeoutMs: 2_000 };
      const started = await startEvaluation(owner, { programmeSlug: p.slug, workflowSlug: slug, version: 1 }, config);
      await started.execute();
      const got = await db.notification.findMany({ where: { programmeId: p.id, kind: "workflows.evaluation-finished" } });
      expect(got.map((n) => [n.userId, n.subject, n.link])).toEqual([
        [
          owner.id,
          "The evaluation of Credit memo v1 finished: 1 of 1 passed",
          `/programmes/${p.slug}/workflows/${slug}/evaluations/${started.runId}`,
        ],
      ]);
      // A run whose job gave up: failed, with the reason.
      const second = await startEvaluation(owner, { programmeSlug: p.slug, workflowSlug: slug, version: 1 }, config);
      await db.$transaction((tx) => settleFailedEvaluation(tx, second.runId, { attempts: 4, error: "The API was unreachable." }));
      const failed = await db.notification.findFirstOrThrow({
        where: { programmeId: p.id, kind: "workflows.evaluation-finished", link: { endsWith: second.runId } },
      });
      expect([failed.userId, failed.subject]).toEqual([owner.id, "The evaluation of Credit memo v1 failed"]);
      expect(failed.text).toContain("The API was unreachable.");
      expect(await inboxOf(pm)).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it("the weekly report goes to the sponsors, with the PDF attached, once per week", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm, { day: 10 });
    const sponsor = await makeUser();
    await makeMember(pm, p.slug, sponsor, ["SPONSOR"]);
    await sendWeeklyReports(new Date(), { programmeIds: [p.id] });
    await sendWeeklyReports(new Date(), { programmeIds: [p.id] });
    const got = await db.notification.findMany({ where: { programmeId: p.id, kind: "reports.weekly-ready" } });
    expect(got.map((n) => [n.userId, n.subject])).toEqual([[sponsor.id, "The weekly report for week 1 is ready"]]);
    const [email] = await emailsTo(sponsor);
    const attachments = email!.attachments as { filename: string; contentType: string; contentBase64: string }[];
    expect(attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${p.slug}-weekly-report-week-1.pdf`, "application/pdf"]]);
    expect(Buffer.from(attachments[0]!.contentBase64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("the due/overdue scan", () => {
  it("tells a milestone's owner once when it falls due and once when it is overdue, never every day", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const owner = await makeUser();
    await makeMember(pm, p.slug, owner, ["VIEWER"]);
    const member = await db.membership.findFirstOrThrow({ where: { programmeId: p.id, userId: owner.id } });
    const m = await db.milestone.findFirstOrThrow({ where: { programmeId: p.id }, orderBy: { dueDate: "asc" } });
    const due = new Date(Date.UTC(2099, 0, 10));
    await db.milestone.updateMany({ where: { programmeId: p.id }, data: { ownerId: null } }); // only this one is owned
    await db.milestone.update({ where: { id: m.id }, data: { ownerId: member.id, dueDate: due, status: "IN_PROGRESS" } });
    const at = (day: number) => new Date(Date.UTC(2099, 0, day, 6));
    const scan = (now: Date) => notifyDueMilestones(now, { programmeIds: [p.id] });
    const mine = async () => (await inboxOf(owner)).filter((n) => n.kind === "milestones.due").map((n) => n.subject);

    await scan(at(1)); // 9 days early: nothing
    expect(await mine()).toEqual([]);
    await scan(at(7)); // 3 days before
    await scan(at(8)); // still due: not again
    await scan(at(10));
    expect(await mine()).toEqual([`Milestone '${m.title}' is due in 3 days`]);
    await scan(at(11)); // overdue: once
    await scan(at(12));
    await scan(at(20));
    expect(await mine()).toEqual([`Milestone '${m.title}' is due in 3 days`, `Milestone '${m.title}' is 1 day overdue`]);
    // Done: nothing more, even later.
    await db.milestone.update({ where: { id: m.id }, data: { status: "DONE" } });
    await scan(at(25));
    expect(await mine()).toHaveLength(2);
  });
});

describe("the risk review scan", () => {
  it("tells the owner of an open risk, not of a closed one, once per state", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const owner = await makeUser();
    await makeMember(pm, p.slug, owner, ["VIEWER"]);
    const member = await db.membership.findFirstOrThrow({ where: { programmeId: p.id, userId: owner.id } });
    const [open, closed] = await db.risk.findMany({ where: { programmeId: p.id }, orderBy: { title: "asc" }, take: 2 });
    await db.risk.updateMany({ where: { programmeId: p.id }, data: { ownerId: null } });
    await db.risk.update({
      where: { id: open!.id },
      data: { ownerId: member.id, reviewDate: new Date(Date.UTC(2099, 5, 1)), status: "MITIGATING" },
    });
    await db.risk.update({
      where: { id: closed!.id },
      data: { ownerId: member.id, reviewDate: new Date(Date.UTC(2099, 5, 1)), status: "CLOSED" },
    });
    for (const day of [2, 3, 4]) await notifyDueRiskReviews(new Date(Date.UTC(2099, 5, day)), { programmeIds: [p.id] });
    const got = await db.notification.findMany({ where: { userId: owner.id, kind: "risks.review-due" } });
    expect(got.map((n) => [n.subject, n.link])).toEqual([
      [`Risk review '${open!.title}' is 1 day overdue`, `/programmes/${p.slug}/risks/${open!.id}`],
    ]);
  });
});

describe("the inbox", () => {
  it("shows a person only their own notifications; mark one and all read; another's cannot be marked", async () => {
    const { pm, p, security, legal } = await programmeWithReviewers();
    await openGateReview(pm, { programmeSlug: p.slug, gateKey: "ARCHITECTURE_REVIEW" });
    await db.$transaction((tx) =>
      notify(tx, { kind: testKind, programmeId: p.id, recipientIds: [security.id], subject: "Second", link: "/inbox" }),
    );
    const inbox = await listInbox(security);
    expect(inbox.map((n) => n.subject)).toEqual(["Second", "Architecture Review is open for your Security sign-off"]);
    expect(await unreadNotificationCount(security)).toBe(2);
    await expect(markNotificationRead(legal, { notificationId: inbox[0]!.id })).rejects.toThrow(NotFoundError);
    expect(await markNotificationRead(security, { notificationId: inbox[1]!.id })).toEqual({
      link: `/programmes/${p.slug}/gates/architecture-review`,
    });
    expect(await unreadNotificationCount(security)).toBe(1);
    await markAllNotificationsRead(security);
    expect(await unreadNotificationCount(security)).toBe(0);
    expect(await unreadNotificationCount(legal)).toBe(1);
  });
});

describe("the outbox", () => {
  it("is the programme manager's: others are refused, another programme's email is not found", async () => {
    const { pm, p, security, other, otherPm } = await programmeWithReviewers();
    await openGateReview(pm, { programmeSlug: p.slug, gateKey: "ARCHITECTURE_REVIEW" });
    const { emails } = await listOutbox(pm, p.slug);
    expect(emails.map((e) => [e.toAddress, e.subject, e.status])).toContainEqual([
      security.email,
      `[${p.name}] Architecture Review is open for your Security sign-off`,
      "NOT_SENT",
    ]);
    const { email } = await getOutboxEmail(pm, p.slug, emails[0]!.id);
    expect(email.text).toContain("[the recipient's one-click link to change this email setting]");
    expect(email.text).not.toContain("%%");
    await expect(listOutbox(security, p.slug)).rejects.toThrow(ForbiddenError);
    await expect(getOutboxEmail(otherPm, other.slug, emails[0]!.id)).rejects.toThrow(NotFoundError);
    await expect(listOutbox(otherPm, p.slug)).rejects.toThrow(NotFoundError);
  });
});

describe("the one-click preference link", () => {
  const call = (method: "GET" | "POST", token: string, body?: string) => {
    const req = new NextRequest(`http://gatehouse.test/api/notifications/preferences/${token}`, {
      method,
      body,
      headers: body ? { "content-type": "application/x-www-form-urlencoded" } : {},
    });
    const handler = method === "GET" ? preferenceLinkGet : preferenceLinkPost;
    return handler(req, { params: Promise.resolve({ token }) });
  };

  it("works without a session, for its own person and kind only; opening it changes nothing", async () => {
    const { security, legal } = await programmeWithReviewers();
    const token = signPreferenceToken(process.env.NEXTAUTH_SECRET!, { userId: security.id, kinds: ["gates.review-open"] });
    const shown = await call("GET", token);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain("A gate is open for your sign-off");
    expect(await db.notificationPreference.findMany({ where: { userId: security.id } })).toEqual([]);

    // RFC 8058 one-click: off.
    expect((await call("POST", token, "List-Unsubscribe=One-Click")).status).toBe(200);
    expect(
      await db.notificationPreference.findMany({
        where: { userId: { in: [security.id, legal.id] } },
        select: { userId: true, kind: true, delivery: true },
      }),
    ).toEqual([{ userId: security.id, kind: "gates.review-open", delivery: "OFF" }]);
    // The page's choice: the digest instead.
    await call("POST", token, "delivery=DIGEST");
    expect((await db.notificationPreference.findFirstOrThrow({ where: { userId: security.id } })).delivery).toBe("DIGEST");
  });

  it("refuses an altered or foreign link and changes nothing", async () => {
    const { security } = await programmeWithReviewers();
    const token = signPreferenceToken(process.env.NEXTAUTH_SECRET!, { userId: security.id, kinds: ["gates.review-open"] });
    const [payload, sig] = token.split(".");
    const otherKind = Buffer.from(JSON.stringify({ u: security.id, k: ["gates.decided"] })).toString("base64url");
    const forged = signPreferenceToken("another-secret-entirely-0123456789", { userId: security.id, kinds: ["gates.review-open"] });
    for (const bad of [`${otherKind}.${sig}`, `${payload}.${sig!.slice(0, -2)}AA`, forged, "nonsense"]) {
      const res = await call("POST", bad, "List-Unsubscribe=One-Click");
      expect(res.status).toBe(404);
    }
    expect(await db.notificationPreference.findMany({ where: { userId: security.id } })).toEqual([]);
  });
});

describe("the kinds", () => {
  it("every feature's kinds are listed once, each with a default", () => {
    const keys = NOTIFICATION_KINDS.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining([
        "gates.review-open",
        "gates.signature-voided",
        "gates.decided",
        "gates.condition-due",
        "milestones.due",
        "risks.review-due",
        "workflows.approval-requested",
        "workflows.evaluation-finished",
        "reports.weekly-ready",
      ]),
    );
  });
});
