import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser, uniqueSuffix } from "@/demo/factories";
import { eventHash, GENESIS_HASH, type StoredEvent } from "@/domain/audit-chain";
import { auditJobs } from "@/features/audit/jobs";
import { exportAuditTrail } from "@/features/audit/server/export-audit-trail";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "@/features/audit/server/list-audit-events";
import { PAGE_VERIFY_LIMIT, pageVerdict, verifyAndCheckpoint } from "@/features/audit/server/verify-audit-chain";
import { addMember } from "@/features/members/server/add-member";
import { updateMilestone } from "@/features/milestones/server/update-milestone";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError } from "@/server/errors";

import { withClient } from "../support/pg";

const url = process.env.DATABASE_URL!;

async function tamper(programmeId: string, seq: number) {
  await withClient(url, async (c) => {
    await c.query("BEGIN");
    await c.query("SET LOCAL session_replication_role = replica");
    await c.query(`UPDATE "AuditEvent" SET "actorLabel" = 'mallory' WHERE "chain" = $1 AND seq = $2`, [programmeId, seq]);
    await c.query("COMMIT");
  });
}

async function invite(pm: Parameters<typeof addMember>[0], slug: string, n: number) {
  for (let i = 0; i < n; i++)
    await addMember(pm, { programmeSlug: slug, email: `a-${uniqueSuffix()}@example.test`, roles: ["VIEWER"], functions: [] });
}

async function readExport(stream: ReadableStream<Uint8Array>) {
  const text = await new Response(stream).text();
  return text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("the audit trail a reviewer can read", () => {
  it("names events in words and lists the fields each changed", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const milestone = await db.milestone.findFirstOrThrow({ where: { programmeId: p.id }, orderBy: { week: "asc" } });
    await updateMilestone(pm, { programmeSlug: p.slug, milestoneId: milestone.id, status: "IN_PROGRESS", ownerId: null });
    const page = await listAuditEvents(pm, p.slug);
    const [latest] = page.events;
    expect(latest).toMatchObject({ action: "milestone.update", actionLabel: "Milestone updated", entityLabel: "Milestone" });
    expect(latest!.changes).toContainEqual({ field: "Status", before: "Not started", after: "In progress" });
    expect(latest!.changes.map((c) => c.field)).not.toContain("Title"); // unchanged fields are left out
    const created = page.events.find((e) => e.action === "programme.create")!;
    expect(created.actionLabel).toBe("Programme created");
    expect(created.changes.every((c) => c.before === undefined && c.after !== undefined)).toBe(true);
  });

  it("filters by actor, record type, action, gate and dates, and pages by seq with the filters kept", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const other = await makeUser();
    await makeMember(pm, p.slug, other, ["PROGRAMME_MANAGER"]);
    await invite(other, p.slug, 3);
    await invite(pm, p.slug, AUDIT_PAGE_SIZE + 2);

    const byOther = await listAuditEvents(pm, p.slug, { actor: other.id, action: "invitation.create" });
    expect(byOther.events).toHaveLength(3);
    expect(byOther.olderThan).toBeNull();

    const invitations = await listAuditEvents(pm, p.slug, { type: "Invitation" });
    expect(invitations.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(invitations.events.every((e) => e.entityType === "Invitation")).toBe(true);
    const older = await listAuditEvents(pm, p.slug, { type: "Invitation", before: String(invitations.olderThan) });
    expect(older.events).toHaveLength(AUDIT_PAGE_SIZE + 2 + 3 - AUDIT_PAGE_SIZE);
    expect(older.events[0]!.seq).toBeLessThan(invitations.olderThan!);
    const seqs = [...invitations.events, ...older.events].map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);

    // One gate's events: the gate itself and its criteria, conditions and signatures.
    const gate = await db.gate.findFirstOrThrow({ where: { programmeId: p.id, key: "ARCHITECTURE_REVIEW" }, include: { criteria: true } });
    const gateEvents = await listAuditEvents(pm, p.slug, { gate: gate.id });
    const ids = new Set([gate.id, ...gate.criteria.map((c) => c.id)]);
    expect(gateEvents.events.every((e) => ids.has(e.entityId!))).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(pm, p.slug, { from: today, to: today, type: "Invitation" })).events.length).toBe(AUDIT_PAGE_SIZE);
    expect((await listAuditEvents(pm, p.slug, { to: "2001-01-01" })).events).toHaveLength(0);

    // Bad filter values are left out with a message, never an error page.
    const bad = await listAuditEvents(pm, p.slug, { from: "2026-02-30", actor: "nobody" });
    expect(bad.problems).toContain("The start date is not a real day.");
    expect(bad.events.length).toBeGreaterThan(0);
    // Another programme's gate is not this programme's.
    const q = await makeProgramme(await makeUser());
    const foreignGate = await db.gate.findFirstOrThrow({ where: { programmeId: q.id } });
    const foreign = await listAuditEvents(pm, p.slug, { gate: foreignGate.id });
    expect(foreign.events).toHaveLength(0);
    expect(foreign.problems).toContain("That gate is not in this programme.");
  });

  it("a member of another programme cannot read it; every role of the programme can", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const viewer = await makeUser();
    await makeMember(pm, p.slug, viewer, ["VIEWER"]);
    expect((await listAuditEvents(viewer, p.slug)).events.length).toBeGreaterThan(0);
    const outsider = await makeUser();
    await makeProgramme(outsider);
    await expect(listAuditEvents(outsider, p.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportAuditTrail(outsider, p.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAuditEvents(outsider, p.slug)).rejects.not.toBeInstanceOf(ForbiddenError);
  });

  it("the page verifies only the events after the latest checkpoint, and at most PAGE_VERIFY_LIMIT of them", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    await invite(pm, p.slug, 3);
    const before = await pageVerdict(p.id);
    expect(before).toMatchObject({ ok: true, checkpoint: null, pending: 0 });
    const head = (before as { verifiedThrough: number }).verifiedThrough;

    await verifyAndCheckpoint(p.id, "incremental");
    await invite(pm, p.slug, 2);
    const after = await pageVerdict(p.id);
    expect(after).toMatchObject({ ok: true, verifiedThrough: head + 2, checkpoint: { seq: head, full: true }, pending: 0 });
    expect(PAGE_VERIFY_LIMIT).toBeGreaterThanOrEqual(100);

    // Tampering after the checkpoint is found by the page itself.
    await tamper(p.id, head + 1);
    expect(await pageVerdict(p.id)).toMatchObject({ ok: false, brokenAtSeq: head + 1 });
  });

  it("tampering before a checkpoint passes the page's quick check but not a full verification, which the page then shows", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    await invite(pm, p.slug, 4);
    const first = await verifyAndCheckpoint(p.id, "full");
    expect(first).toMatchObject({ ok: true });
    await tamper(p.id, 3);
    // The view trusts the checkpoint for what is before it (decision record 023)…
    expect(await pageVerdict(p.id)).toMatchObject({ ok: true });
    // …and the incremental job has nothing new to verify.
    expect(await verifyAndCheckpoint(p.id, "incremental")).toMatchObject({ ok: true });
    // The daily full verification finds it and records it; from then on the page says so.
    expect(await verifyAndCheckpoint(p.id, "full")).toMatchObject({ ok: false, brokenAtSeq: 3 });
    expect(await pageVerdict(p.id)).toMatchObject({ ok: false, brokenAtSeq: 3, reason: expect.stringContaining("was altered") });
  });

  it("rewriting the checkpointed event's own hash is caught by the page", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    await invite(pm, p.slug, 2);
    const v = await verifyAndCheckpoint(p.id, "full");
    if (!v.ok) throw new Error("expected an intact chain");
    await withClient(url, async (c) => {
      await c.query("BEGIN");
      await c.query("SET LOCAL session_replication_role = replica");
      await c.query(`UPDATE "AuditEvent" SET "hash" = repeat('f', 64) WHERE "chain" = $1 AND seq = $2`, [p.id, v.headSeq]);
      await c.query("COMMIT");
    });
    expect(await pageVerdict(p.id)).toMatchObject({ ok: false, brokenAtSeq: v.headSeq });
  });

  it("the hourly and daily jobs checkpoint every chain", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const ctx = { jobId: "t", attempt: 1, maxAttempts: 1, programmeId: null, signal: new AbortController().signal };
    for (const job of auditJobs) await job.handler({}, ctx);
    const rows = await db.auditCheckpoint.findMany({ where: { chain: p.id }, orderBy: { verifiedAt: "asc" } });
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r.ok)).toBe(true);
    expect(rows.some((r) => r.full)).toBe(true);
  });

  it("exports the whole chain as JSON Lines: header, every event with its hashed fields, and the verified head", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    await invite(pm, p.slug, 2);
    const lines = await readExport((await exportAuditTrail(pm, p.slug)).stream);
    expect(lines[0]).toMatchObject({ type: "header", format: "gatehouse-audit-chain/1", programme: p.slug, chain: p.id });
    const events = lines.filter((l) => l.type === "event") as unknown as (StoredEvent & { type: string })[];
    const count = await db.auditEvent.count({ where: { chain: p.id } });
    expect(events).toHaveLength(count);
    // An auditor recomputes each hash from the exported fields alone.
    let prev = GENESIS_HASH;
    for (const { type: _t, prevHash, hash, ...content } of events) {
      expect(prevHash).toBe(prev);
      expect(eventHash(prev, content)).toBe(hash);
      prev = hash;
    }
    expect(lines.at(-1)).toEqual({ type: "head", events: count, headSeq: count, headHash: prev, verified: true });
    // The export is a full verification: it leaves a checkpoint.
    expect(await db.auditCheckpoint.findFirst({ where: { chain: p.id, ok: true, full: true, seq: count } })).not.toBeNull();

    await tamper(p.id, 2);
    const broken = await readExport((await exportAuditTrail(pm, p.slug)).stream);
    expect(broken.at(-1)).toMatchObject({ type: "head", verified: false, brokenAtSeq: 2 });
  });
});
