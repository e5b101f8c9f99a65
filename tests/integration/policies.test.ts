import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { startPhase } from "@/features/gates/server/start-phase";
import { createPolicyDraft } from "@/features/policies/server/create-policy-draft";
import { getAcceptableUsePolicy, getAcceptableUsePolicyVersion } from "@/features/policies/server/get-policy";
import { publishPolicyVersion } from "@/features/policies/server/publish-policy-version";
import { updatePolicyDraft } from "@/features/policies/server/update-policy-draft";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError, RuleError } from "@/server/errors";

async function setup() {
  const pm = await makeUser();
  const p = await makeProgramme(pm, { organisation: "Initech" });
  return { pm, p, slug: p.slug };
}

const draft = (actor: Actor, slug: string) => createPolicyDraft(actor, { programmeSlug: slug });
const write = (actor: Actor, slug: string, versionId: string, body: string) =>
  updatePolicyDraft(actor, { programmeSlug: slug, versionId, body });
const publish = (actor: Actor, slug: string, versionId: string) => publishPolicyVersion(actor, { programmeSlug: slug, versionId });
const versions = (programmeId: string) =>
  db.policyVersion.findMany({
    where: { programmeId },
    orderBy: { version: "asc" },
    select: { version: true, status: true, body: true, publishedAt: true },
  });
const auditCount = (programmeId: string) => db.auditEvent.count({ where: { programmeId } });
const lastEvents = async (programmeId: string, n: number) =>
  (
    await db.auditEvent.findMany({
      where: { programmeId },
      orderBy: { seq: "desc" },
      take: n,
      select: { action: true, entityType: true, before: true, after: true },
    })
  ).reverse();

describe("acceptable use policy", () => {
  it("the first draft creates the policy, starting from the playbook's outline", async () => {
    const { pm, p, slug } = await setup();
    expect(await getAcceptableUsePolicy(pm, slug)).toMatchObject({ published: null, draft: null, history: [], canManage: true });
    const v1 = await draft(pm, slug);
    expect(v1).toMatchObject({ version: 1, status: "DRAFT" });
    expect(v1.body).toMatch(/^# Acceptable use of Claude at Initech/);
    expect(await db.policy.findUniqueOrThrow({ where: { programmeId_kind: { programmeId: p.id, kind: "ACCEPTABLE_USE" } } })).toMatchObject(
      { title: "Acceptable use policy" },
    );
    expect((await lastEvents(p.id, 2)).map((e) => e.action)).toEqual(["policy.create", "policy.draft"]);
    // One draft at a time.
    await expect(draft(pm, slug)).rejects.toThrow(new RuleError("Version 1 is already a draft: edit it, or publish it first."));
  });

  it("publishing retires the version published before, in the same transaction; only drafts are editable; a new draft starts from the latest text", async () => {
    const { pm, p, slug } = await setup();
    const v1 = await draft(pm, slug);
    await write(pm, slug, v1.id, "# Acceptable use\n\nNever paste customer identifiers.");
    await publish(pm, slug, v1.id);
    expect(await versions(p.id)).toEqual([
      { version: 1, status: "PUBLISHED", body: "# Acceptable use\n\nNever paste customer identifiers.", publishedAt: expect.any(Date) },
    ]);

    // The published version no longer changes, and is not published twice.
    const events = await auditCount(p.id);
    await expect(write(pm, slug, v1.id, "rewritten")).rejects.toThrow(
      "Version 1 is published; only a draft can be edited. Start a new draft.",
    );
    await expect(publish(pm, slug, v1.id)).rejects.toThrow("Version 1 is already published.");
    expect(await auditCount(p.id)).toBe(events);

    const v2 = await draft(pm, slug);
    expect(v2).toMatchObject({ version: 2, status: "DRAFT", body: "# Acceptable use\n\nNever paste customer identifiers." });
    await write(pm, slug, v2.id, "# Acceptable use, v2\n\nNever paste customer or employee identifiers.");
    const r = await publish(pm, slug, v2.id);
    expect(r.retired.map((v) => v.version)).toEqual([1]);
    expect((await versions(p.id)).map((v) => [v.version, v.status])).toEqual([
      [1, "RETIRED"],
      [2, "PUBLISHED"],
    ]);
    expect((await lastEvents(p.id, 2)).map((e) => [e.action, e.entityType])).toEqual([
      ["policy.retire", "PolicyVersion"],
      ["policy.publish", "PolicyVersion"],
    ]);
    await expect(write(pm, slug, v1.id, "rewritten")).rejects.toThrow("Version 1 is retired; only a draft can be edited.");
    await expect(publish(pm, slug, v1.id)).rejects.toThrow("Version 1 is retired; start a new draft from it instead.");

    // The page shows the published version rendered and the history, newest first.
    const page = await getAcceptableUsePolicy(pm, slug);
    expect(page.published).toMatchObject({ version: 2, html: expect.stringContaining("<h2>Acceptable use, v2</h2>") });
    expect(page.history.map((v) => [v.version, v.status])).toEqual([
      [2, "PUBLISHED"],
      [1, "RETIRED"],
    ]);
    expect(JSON.stringify(page.history)).not.toContain("identifiers");
    expect((await getAcceptableUsePolicyVersion(pm, slug, 1)).version).toMatchObject({
      status: "RETIRED",
      html: expect.stringContaining("<h2>Acceptable use</h2>"),
    });
    await expect(getAcceptableUsePolicyVersion(pm, slug, 3)).rejects.toBeInstanceOf(NotFoundError);
    expect(await verifyAuditChain(p.id)).toMatchObject({ ok: true });
  });

  it("renders a draft's Markdown safely", async () => {
    const { pm, slug } = await setup();
    const v1 = await draft(pm, slug);
    await write(
      pm,
      slug,
      v1.id,
      '# Policy\n\n<script>alert(1)</script><img src=x onerror="alert(2)">\n\n[help](javascript:alert(3)) [guide](https://intranet.test/claude)',
    );
    const { draft: d } = await getAcceptableUsePolicy(pm, slug);
    expect(d!.html).not.toMatch(/<script|onerror|<img|javascript:|alert/i);
    expect(d!.html).toContain('<a href="https://intranet.test/claude" rel="noopener noreferrer">guide</a>');
    expect(d!.body).toContain("<script>"); // the author's text is kept as written; only its rendering is sanitized
  });

  it("refuses an empty draft, and an empty draft cannot be published", async () => {
    const { pm, p, slug } = await setup();
    const v1 = await draft(pm, slug);
    await expect(write(pm, slug, v1.id, "   ")).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["body"], message: "Write the policy (Markdown)." })],
    });
    await db.policyVersion.update({ where: { id: v1.id }, data: { body: "" } }); // as if saved empty by an older client
    await expect(publish(pm, slug, v1.id)).rejects.toThrow("Version 1 is empty; write the policy before publishing it.");
    expect((await versions(p.id))[0]).toMatchObject({ status: "DRAFT" });
  });

  it("the pilot can start only once a version is published", async () => {
    const { pm, p, slug } = await setup();
    const v1 = await draft(pm, slug);
    await expect(startPhase(pm, { programmeSlug: slug, phase: "PILOT" })).rejects.toThrow(/acceptable use policy/i);
    await publish(pm, slug, v1.id);
    expect(await db.policyVersion.count({ where: { programmeId: p.id, status: "PUBLISHED", policy: { kind: "ACCEPTABLE_USE" } } })).toBe(1);
    await expect(startPhase(pm, { programmeSlug: slug, phase: "PILOT" })).rejects.not.toThrow(/acceptable use policy/i);
  });

  it("concurrent first drafts make one policy and one draft", async () => {
    const { pm, p, slug } = await setup();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => draft(pm, slug)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(RuleError);
    expect(await db.policy.count({ where: { programmeId: p.id } })).toBe(1);
    expect(await db.policyVersion.count({ where: { programmeId: p.id } })).toBe(1);
  });

  it("concurrent publishes of two drafts leave exactly one published version", async () => {
    const { pm, p, slug } = await setup();
    const v1 = await draft(pm, slug);
    await publish(pm, slug, v1.id);
    const v2 = await draft(pm, slug);
    await Promise.allSettled([publish(pm, slug, v2.id), publish(pm, slug, v2.id), publish(pm, slug, v2.id)]);
    expect((await versions(p.id)).map((v) => v.status)).toEqual(["RETIRED", "PUBLISHED"]);
  });
});

describe("denied paths", () => {
  it("only the programme manager writes and publishes; every member reads", async () => {
    const { pm, p, slug } = await setup();
    const v1 = await draft(pm, slug);
    for (const [roles, functions] of [
      [["VIEWER"], []],
      [["SPONSOR"], []],
      [["GATE_REVIEWER"], ["LEGAL_PRIVACY"]],
      [["WORKFLOW_OWNER"], []],
    ] as const) {
      const user = await makeUser();
      await makeMember(pm, slug, user, [...roles], [...functions]);
      const events = await auditCount(p.id);
      await expect(draft(user, slug)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(write(user, slug, v1.id, "# Mine now")).rejects.toThrow("Only a programme manager can do that in this programme.");
      await expect(publish(user, slug, v1.id)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await auditCount(p.id)).toBe(events);
      await expect(getAcceptableUsePolicy(user, slug)).resolves.toMatchObject({
        canManage: false,
        draft: expect.objectContaining({ version: 1 }),
      });
    }
    expect((await versions(p.id))[0]).toMatchObject({ status: "DRAFT", body: v1.body });
  });

  it("a non-member gets 'not found'; another programme's version is not found", async () => {
    const a = await setup();
    const b = await setup();
    const outsider = await makeUser();
    const bDraft = await draft(b.pm, b.slug);
    await draft(a.pm, a.slug);
    await expect(getAcceptableUsePolicy(outsider, a.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(draft(outsider, a.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(write(a.pm, a.slug, bDraft.id, "# Hijacked")).rejects.toThrow(new NotFoundError("Policy version not found."));
    await expect(publish(a.pm, a.slug, bDraft.id)).rejects.toThrow(new NotFoundError("Policy version not found."));
    await expect(publish(a.pm, b.slug, bDraft.id)).rejects.toThrow(new NotFoundError("Programme not found."));
    expect((await versions(b.p.id))[0]).toMatchObject({ status: "DRAFT", body: bDraft.body });
  });
});
