import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { acceptDecision } from "@/features/decisions/server/accept-decision";
import { createDecision } from "@/features/decisions/server/create-decision";
import { getDecision, getDecisionDraft } from "@/features/decisions/server/get-decision";
import { listDecisions } from "@/features/decisions/server/list-decisions";
import { supersedeDecision } from "@/features/decisions/server/supersede-decision";
import { updateDecision } from "@/features/decisions/server/update-decision";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError, RuleError } from "@/server/errors";

async function setup() {
  const pm = await makeUser();
  const p = await makeProgramme(pm);
  return { pm, p, slug: p.slug };
}

const fields = {
  title: "Cowork for knowledge workers; API for the document pipeline",
  claudeProduct: "Cowork and API",
  models: "Sonnet by default; Opus for credit memos; Haiku for classification",
  dataFlows: "SSO → workspace; DMS → pipeline → drafts for human review",
  integrationPoints: "MCP: SharePoint (read), Jira (read/write)",
  failureModes: "Connector token expiry → manual fallback",
};
const propose = (actor: Actor, slug: string, over: Partial<typeof fields> = {}) =>
  createDecision(actor, { programmeSlug: slug, ...fields, ...over });
const accept = (actor: Actor, slug: string, decisionId: string) => acceptDecision(actor, { programmeSlug: slug, decisionId });
const supersede = (actor: Actor, slug: string, decisionId: string, successorId: string) =>
  supersedeDecision(actor, { programmeSlug: slug, decisionId, successorId });
const auditCount = (programmeId: string) => db.auditEvent.count({ where: { programmeId } });

describe("numbering", () => {
  it("numbers records per programme: ADR-1, ADR-2, … in each", async () => {
    const a = await setup();
    const b = await setup();
    expect((await propose(a.pm, a.slug)).number).toBe(1);
    expect((await propose(a.pm, a.slug)).number).toBe(2);
    expect((await propose(b.pm, b.slug)).number).toBe(1);
    expect((await propose(a.pm, a.slug)).number).toBe(3);
    const last = await db.auditEvent.findFirstOrThrow({ where: { programmeId: a.p.id }, orderBy: { seq: "desc" } });
    expect(last).toMatchObject({
      action: "decision.create",
      entityType: "DecisionRecord",
      after: expect.objectContaining({ number: 3, status: "PROPOSED", claudeProduct: "Cowork and API" }),
    });
  });

  it("twelve records proposed at once get twelve different numbers, 1 to 12", async () => {
    const { pm, p, slug } = await setup();
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => propose(pm, slug, { title: `Concurrent decision ${i}` })));
    expect(made.map((d) => d.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await db.decisionRecord.count({ where: { programmeId: p.id } })).toBe(12);
    expect(await verifyAuditChain(p.id)).toMatchObject({ ok: true, events: 14 });
  });
});

describe("status", () => {
  it("a proposed record is edited and accepted; an accepted one is no longer edited or accepted again", async () => {
    const { pm, p, slug } = await setup();
    const d = await propose(pm, slug);
    await updateDecision(pm, { programmeSlug: slug, decisionId: d.id, ...fields, models: "Sonnet 4.6 everywhere" });
    const edited = await db.auditEvent.findFirstOrThrow({ where: { programmeId: p.id }, orderBy: { seq: "desc" } });
    expect(edited).toMatchObject({
      action: "decision.update",
      before: expect.objectContaining({ models: fields.models }),
      after: expect.objectContaining({ models: "Sonnet 4.6 everywhere" }),
    });

    const accepted = await accept(pm, slug, d.id);
    expect(accepted).toMatchObject({ status: "ACCEPTED", acceptedAt: expect.any(Date) });
    expect(await db.auditEvent.findFirstOrThrow({ where: { programmeId: p.id }, orderBy: { seq: "desc" } })).toMatchObject({
      action: "decision.accept",
      after: expect.objectContaining({ status: "ACCEPTED" }),
    });

    const events = await auditCount(p.id);
    await expect(accept(pm, slug, d.id)).rejects.toThrow(new RuleError("ADR-1 is already accepted."));
    await expect(updateDecision(pm, { programmeSlug: slug, decisionId: d.id, ...fields })).rejects.toThrow(
      "ADR-1 is accepted; only a proposed record can be edited. Write a successor that supersedes it.",
    );
    expect(await auditCount(p.id)).toBe(events);
    expect(await db.decisionRecord.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ models: "Sonnet 4.6 everywhere" });
    expect((await getDecision(pm, slug, d.id)).canEdit).toBe(false);
  });

  it("superseding needs an accepted successor of the same programme, never itself; both records show the link", async () => {
    const { pm, p, slug } = await setup();
    const other = await setup();
    const first = await propose(pm, slug);
    await accept(pm, slug, first.id);
    const second = await propose(pm, slug, { title: "Bedrock instead of the first-party API" });
    const foreign = await propose(other.pm, other.slug);
    await accept(other.pm, other.slug, foreign.id);

    const events = await auditCount(p.id);
    await expect(supersede(pm, slug, first.id, second.id)).rejects.toThrow(
      "ADR-2 is proposed: only an accepted record can supersede ADR-1. Accept it first.",
    );
    await expect(supersede(pm, slug, first.id, first.id)).rejects.toThrow("ADR-1 cannot supersede itself.");
    await expect(supersede(pm, slug, first.id, foreign.id)).rejects.toThrow(new NotFoundError("Decision record not found."));
    await expect(supersede(pm, slug, first.id, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    expect(await auditCount(p.id)).toBe(events);
    expect((await getDecision(pm, slug, first.id)).successors).toEqual([]);

    await accept(pm, slug, second.id);
    expect((await getDecision(pm, slug, first.id)).successors.map((s) => s.number)).toEqual([2]);
    await supersede(pm, slug, first.id, second.id);
    expect(await db.decisionRecord.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      status: "SUPERSEDED",
      supersededById: second.id,
    });
    expect(await db.auditEvent.findFirstOrThrow({ where: { programmeId: p.id }, orderBy: { seq: "desc" } })).toMatchObject({
      action: "decision.supersede",
      entityId: first.id,
      before: expect.objectContaining({ status: "ACCEPTED", supersededById: null }),
      after: expect.objectContaining({ status: "SUPERSEDED", supersededById: second.id, supersededBy: "ADR-2" }),
    });

    // "Superseded by ADR-2" on ADR-1, "Supersedes ADR-1" on ADR-2, and in the list.
    expect((await getDecision(pm, slug, first.id)).record.supersededBy).toMatchObject({ id: second.id, number: 2 });
    expect((await getDecision(pm, slug, second.id)).record.supersedes).toEqual([expect.objectContaining({ id: first.id, number: 1 })]);
    const list = await listDecisions(pm, slug);
    expect(list.decisions.map((d) => [d.number, d.status, d.supersededBy?.number ?? null])).toEqual([
      [1, "SUPERSEDED", 2],
      [2, "ACCEPTED", null],
    ]);

    // A superseded record does not change again, and cannot supersede anything.
    const third = await propose(pm, slug);
    await accept(pm, slug, third.id);
    await expect(supersede(pm, slug, first.id, third.id)).rejects.toThrow("ADR-1 is already superseded.");
    await expect(accept(pm, slug, first.id)).rejects.toThrow("ADR-1 is superseded; a superseded record does not change.");
    await expect(supersede(pm, slug, third.id, first.id)).rejects.toThrow(
      "ADR-1 is superseded: only an accepted record can supersede ADR-3.",
    );
    // A proposed record can be superseded directly (it was overtaken before acceptance).
    const fourth = await propose(pm, slug);
    await supersede(pm, slug, fourth.id, third.id);
    expect(await db.decisionRecord.findUniqueOrThrow({ where: { id: fourth.id } })).toMatchObject({
      status: "SUPERSEDED",
      supersededById: third.id,
    });
    expect(await verifyAuditChain(p.id)).toMatchObject({ ok: true });
  });

  it("a successor can start from the text of the record it replaces", async () => {
    const { pm, slug } = await setup();
    const d = await propose(pm, slug);
    const draft = await getDecisionDraft(pm, slug, d.id);
    expect(draft).toMatchObject({
      canManage: true,
      from: { id: d.id, number: 1 },
      values: expect.objectContaining({ title: fields.title, failureModes: fields.failureModes }),
    });
    expect((await getDecisionDraft(pm, slug, "nonsense")).from).toBeNull();
  });

  it("refuses a record without a title or product", async () => {
    const { pm, p, slug } = await setup();
    await expect(propose(pm, slug, { title: "", claudeProduct: " " })).rejects.toMatchObject({
      issues: [
        expect.objectContaining({ path: ["title"] }),
        expect.objectContaining({ path: ["claudeProduct"], message: "Name the Claude product: API, Cowork or Claude Code." }),
      ],
    });
    expect(await db.decisionRecord.count({ where: { programmeId: p.id } })).toBe(0);
  });
});

describe("denied paths", () => {
  it("a viewer, sponsor or reviewer reads records but cannot propose, edit, accept or supersede", async () => {
    const { pm, p, slug } = await setup();
    const d = await propose(pm, slug);
    const e = await propose(pm, slug);
    await accept(pm, slug, e.id);
    for (const [roles, functions] of [
      [["VIEWER"], []],
      [["SPONSOR"], []],
      [["GATE_REVIEWER"], ["ENGINEERING"]],
    ] as const) {
      const user = await makeUser();
      await makeMember(pm, slug, user, [...roles], [...functions]);
      const events = await auditCount(p.id);
      await expect(propose(user, slug)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateDecision(user, { programmeSlug: slug, decisionId: d.id, ...fields })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(accept(user, slug, d.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(supersede(user, slug, d.id, e.id)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await auditCount(p.id)).toBe(events);
      await expect(getDecision(user, slug, d.id)).resolves.toMatchObject({
        canManage: false,
        canEdit: false,
        canAccept: false,
        successors: [],
      });
      await expect(listDecisions(user, slug)).resolves.toMatchObject({ canManage: false });
    }
    expect(await db.decisionRecord.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: "PROPOSED" });
  });

  it("a non-member gets 'not found'; another programme's record is not found", async () => {
    const a = await setup();
    const b = await setup();
    const outsider = await makeUser();
    const bRecord = await propose(b.pm, b.slug);
    await expect(listDecisions(outsider, a.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(propose(outsider, a.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDecision(a.pm, a.slug, bRecord.id)).rejects.toThrow(new NotFoundError("Decision record not found."));
    await expect(getDecision(a.pm, a.slug, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(accept(a.pm, a.slug, bRecord.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateDecision(a.pm, { programmeSlug: a.slug, decisionId: bRecord.id, ...fields, title: "Hijacked" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(accept(a.pm, b.slug, bRecord.id)).rejects.toThrow(new NotFoundError("Programme not found."));
    expect(await db.decisionRecord.findUniqueOrThrow({ where: { id: bRecord.id } })).toMatchObject({
      status: "PROPOSED",
      title: fields.title,
    });
  });
});
