import { simpleParser, type ParsedMail } from "mailparser";
import { NextRequest } from "next/server";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it, vi } from "vitest";

import { POST as preferenceLinkPost } from "@/app/api/notifications/preferences/[token]/route";
import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { openGateReview } from "@/features/gates/server/open-gate-review";
import { sendWeeklyReports } from "@/features/reports/server/send-weekly-reports";
import { db } from "@/server/db";
import { appBaseUrl } from "@/server/env";
import { startWorker, type Worker } from "@/server/jobs/worker";
import { deliverEmail } from "@/server/mail/deliver";
import { deliverEmailJob } from "@/server/mail/jobs";

const smtpPort = vi.hoisted(() => {
  // A real SMTP server on localhost, started (and stopped) by the tests on this port.
  const port = 41_000 + Math.floor(Math.random() * 8_000);
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "Gatehouse <gatehouse@gatehouse.test>";
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  process.env.NEXTAUTH_URL ??= "http://gatehouse.test";
  return port;
});

interface Smtp {
  messages: ParsedMail[];
  close(): Promise<void>;
}

async function startSmtp(): Promise<Smtp> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (m) => {
          messages.push(m);
          callback();
        },
        (e: Error) => callback(e),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(smtpPort, "127.0.0.1", () => resolve());
  });
  return { messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const workers: Worker[] = [];
const servers: Smtp[] = [];
afterAll(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function worker(programmeId: string) {
  const w = startWorker({ definitions: [deliverEmailJob], programmeIds: [programmeId], pollMs: 50, log: () => undefined });
  workers.push(w);
  return w;
}

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const header = (m: ParsedMail, name: string) => m.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "");

async function reviewOpened() {
  const pm = await makeUser();
  const p = await makeProgramme(pm);
  const security = await makeUser({ name: "Sam Security" });
  await makeMember(pm, p.slug, security, ["GATE_REVIEWER"], ["SECURITY"]);
  await openGateReview(pm, { programmeSlug: p.slug, gateKey: "ARCHITECTURE_REVIEW" });
  const email = await db.outboxEmail.findFirstOrThrow({ where: { userId: security.id } });
  return { pm, p, security, email };
}

describe("email through a real SMTP server", () => {
  it("arrives with a text and an HTML part, the link to the gate, and a working one-click unsubscribe", async () => {
    const smtp = await startSmtp();
    servers.push(smtp);
    const { p, security, email } = await reviewOpened();
    expect(email.status).toBe("QUEUED");
    const w = worker(p.id);
    await until("the email to be sent", async () => (await db.outboxEmail.findUnique({ where: { id: email.id } }))?.status === "SENT");
    await w.stop();

    const got = smtp.messages.filter((m) => m.messageId === email.messageId);
    expect(got).toHaveLength(1);
    const m = got[0]!;
    const link = `${appBaseUrl()}/programmes/${p.slug}/gates/architecture-review`;
    expect(m.to && !Array.isArray(m.to) ? m.to.value[0]!.address : null).toBe(security.email);
    expect(m.from?.value[0]?.address).toBe("gatehouse@gatehouse.test");
    expect(m.subject).toBe(`[${p.name}] Architecture Review is open for your Security sign-off`);
    expect(m.text).toContain(`Open it: ${link}`);
    expect(m.html).toContain(`href="${link}"`);
    expect(m.html).toContain("Architecture Review is open for your Security sign-off");
    // The one-click link, in the body and in the RFC 8058 headers; no placeholder left.
    const unsubscribe = header(m, "list-unsubscribe")!;
    const url = unsubscribe.match(/^<(.+)>$/)![1]!;
    expect(url.startsWith(`${appBaseUrl()}/api/notifications/preferences/`)).toBe(true);
    expect(header(m, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(m.text).toContain(url);
    expect(`${m.text}${m.html}`).not.toContain("%%");
    const sent = await db.outboxEmail.findUniqueOrThrow({ where: { id: email.id } });
    expect(sent.smtpResponse).toMatch(/^250/);

    // A mail client's one-click POST, with no session: this person's "gate open" emails are off.
    const token = url.split("/").at(-1)!;
    const res = await preferenceLinkPost(
      new NextRequest(url, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      { params: Promise.resolve({ token }) },
    );
    expect(res.status).toBe(200);
    expect(await db.notificationPreference.findMany({ where: { userId: security.id }, select: { kind: true, delivery: true } })).toEqual([
      { kind: "gates.review-open", delivery: "OFF" },
    ]);
    await smtp.close();
    servers.splice(servers.indexOf(smtp), 1);
  });

  it("with the SMTP server down, the job retries; once it is back the mail arrives, exactly once", async () => {
    const { p, email } = await reviewOpened();
    const w = worker(p.id);
    // Nothing listens: the attempt fails, the email waits (queued, with the reason), the job is rescheduled.
    const failed = await until("a failed attempt", async () => {
      const e = await db.outboxEmail.findUnique({ where: { id: email.id } });
      return e && e.attempts >= 1 && e.status === "QUEUED" && e.lastError ? e : null;
    });
    expect(failed.lastError).toMatch(/could not be reached/);
    const job = await until("the job to be rescheduled", () =>
      db.job.findFirst({ where: { name: "mail.deliver", programmeId: p.id, status: "PENDING", attempts: { gte: 1 } } }),
    );
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now()); // backoff: not retried at once
    expect(job.lastError).toMatch(/could not be reached/);

    const smtp = await startSmtp();
    servers.push(smtp);
    // The backoff has "passed" (rather than waiting 10 s): the job is due now.
    await db.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    await until("the email to be sent", async () => (await db.outboxEmail.findUnique({ where: { id: email.id } }))?.status === "SENT");
    await w.stop();
    expect(smtp.messages.filter((m) => m.messageId === email.messageId)).toHaveLength(1);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("SUCCEEDED");

    // Delivering again (a duplicate job, a retry by hand) sends nothing: it is already sent.
    expect(await deliverEmail(email.id)).toBe("already-done");
    expect(smtp.messages.filter((m) => m.messageId === email.messageId)).toHaveLength(1);
  });

  it("after a crash between sending and marking, the email is sent again with the same Message-ID once its hold runs out", async () => {
    const smtp = servers[0] ?? (await startSmtp());
    if (!servers.includes(smtp)) servers.push(smtp);
    const { email } = await reviewOpened();
    // As a sender that died mid-send leaves it: SENDING, its hold (lockedUntil) still running.
    await db.outboxEmail.update({
      where: { id: email.id },
      data: { status: "SENDING", attempts: 1, lockedUntil: new Date(Date.now() + 60_000) },
    });
    await expect(deliverEmail(email.id)).rejects.toThrow(/Another attempt is sending/);
    await db.outboxEmail.update({ where: { id: email.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await deliverEmail(email.id)).toBe("sent");
    expect(smtp.messages.filter((m) => m.messageId === email.messageId)).toHaveLength(1);
  });

  it("the weekly report reaches the sponsor with the PDF attached", async () => {
    const smtp = servers[0] ?? (await startSmtp());
    if (!servers.includes(smtp)) servers.push(smtp);
    const pm = await makeUser();
    const p = await makeProgramme(pm, { day: 9 });
    const sponsor = await makeUser();
    await makeMember(pm, p.slug, sponsor, ["SPONSOR"]);
    await sendWeeklyReports(new Date(), { programmeIds: [p.id] });
    const email = await db.outboxEmail.findFirstOrThrow({ where: { userId: sponsor.id } });
    expect(await deliverEmail(email.id)).toBe("sent");
    const m = smtp.messages.find((x) => x.messageId === email.messageId)!;
    expect(m.subject).toBe(`[${p.name}] The weekly report for week 1 is ready`);
    expect(m.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${p.slug}-weekly-report-week-1.pdf`, "application/pdf"]]);
    expect(m.attachments[0]!.content.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
