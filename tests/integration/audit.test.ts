import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

import { makeProgramme, makeUser, uniqueSuffix } from "@/demo/factories";
import { listAuditEvents } from "@/features/audit/server/list-audit-events";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { addMember } from "@/features/members/server/add-member";
import { db } from "@/server/db";

import { withClient } from "../support/pg";

const url = process.env.DATABASE_URL!;

const withDb = <T>(fn: (c: import("pg").Client) => Promise<T>) => withClient(url, fn);

function cliAuditVerify(slug: string) {
  const r = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "src/cli/index.ts", "audit", "verify", "--programme", slug], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("audit trail", () => {
  it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    await withDb(async (c) => {
      await expect(c.query(`UPDATE "AuditEvent" SET "actorLabel" = 'mallory' WHERE "programmeId" = $1`, [p.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(c.query(`DELETE FROM "AuditEvent" WHERE "programmeId" = $1`, [p.id])).rejects.toThrow(/append-only/);
      await expect(c.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    });
    expect(await db.auditEvent.count({ where: { programmeId: p.id, actorLabel: "mallory" } })).toBe(0);
  });

  it("chains events per programme, and concurrent changes still form one unbroken chain", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    await Promise.all(
      Array.from({ length: 12 }, () =>
        addMember(pm, { programmeSlug: p.slug, email: `c-${uniqueSuffix()}@example.test`, roles: ["VIEWER"], functions: [] }),
      ),
    );
    const events = await db.auditEvent.findMany({ where: { programmeId: p.id }, orderBy: { seq: "asc" }, select: { seq: true } });
    // programme.create + member.add (creator) + 12 × invitation.create (none of the emails has an account: docs/decisions/016)
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(await verifyAuditChain(p.id)).toMatchObject({ ok: true, events: 14 });
  });

  it("`audit verify` passes an intact chain and names the first broken link of a tampered one", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    for (let i = 0; i < 3; i++)
      await addMember(pm, { programmeSlug: p.slug, email: `t-${uniqueSuffix()}@example.test`, roles: ["VIEWER"], functions: [] });

    const ok = cliAuditVerify(p.slug);
    expect(ok.code).toBe(0);
    // programme.create, member.add (creator), 3 × invitation.create
    expect(ok.out).toContain(`Audit chain of ${p.slug} is intact: 5 events.`);

    // Someone with superuser access bypasses the trigger and rewrites event #4's content.
    await withDb(async (c) => {
      await c.query("BEGIN");
      await c.query("SET LOCAL session_replication_role = replica");
      await c.query(
        `UPDATE "AuditEvent" SET "after" = jsonb_set("after", '{roles}', '["PROGRAMME_MANAGER"]') WHERE "programmeId" = $1 AND seq = 4`,
        [p.id],
      );
      await c.query("COMMIT");
    });

    expect(await verifyAuditChain(p.id)).toMatchObject({ ok: false, brokenAtSeq: 4 });
    const broken = cliAuditVerify(p.slug);
    expect(broken.code).not.toBe(0);
    expect(broken.out).toContain(`Audit chain of ${p.slug} is BROKEN at event #4`);

    // The audit page says so too.
    const page = await listAuditEvents(pm, p.slug);
    expect(page.verdict).toMatchObject({ ok: false, brokenAtSeq: 4 });
    // The CLI recorded the break: it stays on the page.
    expect(await db.auditCheckpoint.findFirst({ where: { chain: p.id, ok: false } })).toMatchObject({ brokenAtSeq: 4, full: true });
  });

  it("a deleted event is found as a missing link", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    await addMember(pm, { programmeSlug: p.slug, email: `d-${uniqueSuffix()}@example.test`, roles: ["VIEWER"], functions: [] });
    await withDb(async (c) => {
      await c.query("BEGIN");
      await c.query("SET LOCAL session_replication_role = replica");
      await c.query(`DELETE FROM "AuditEvent" WHERE "programmeId" = $1 AND seq = 2`, [p.id]);
      await c.query("COMMIT");
    });
    expect(await verifyAuditChain(p.id)).toMatchObject({ ok: false, brokenAtSeq: 2, reason: expect.stringContaining("missing") });
  });

  it("`audit verify` for an unknown programme says so and fails", () => {
    const r = cliAuditVerify(`nope-${uniqueSuffix()}`);
    expect(r.code).toBe(1);
    expect(r.out).toContain("No programme with the slug");
  });
});
