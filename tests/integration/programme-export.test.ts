import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { exportProgramme, exportProgrammeAsOperator } from "@/features/programme-export/server/export-programme";
import { createApiToken } from "@/features/tokens/server/create-api-token";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError } from "@/server/errors";

import { pdfText } from "../support/pdf-text";
import { makeReadyWorkflow } from "../support/workflow-fixture";

describe("whole-programme export", () => {
  it("a programme manager downloads every record as JSON, each gate round's record as a PDF and the audit chain head; no secrets", async () => {
    const pm = await makeUser({ name: "Pat Export" });
    const p = await makeProgramme(pm);
    const other = await makeProgramme(pm);
    await makeReadyWorkflow(pm, p.slug);
    await createApiToken({ id: null, label: "test" }, { programmeSlug: p.slug, name: "exporter" });
    const before = await verifyAuditChain(p.id);
    if (!before.ok) throw new Error("chain broken");

    const out = await exportProgramme(pm, p.slug);
    expect(out.fileName).toMatch(new RegExp(`^${p.slug}-export-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
    const files = unzipSync(out.zip);
    const root = `${p.slug}-export/`;
    expect(Object.keys(files).sort()).toEqual(
      [
        "README.txt",
        "audit-chain.json",
        "gate-records/architecture-review-round-1.pdf",
        "gate-records/pilot-debrief-round-1.pdf",
        "gate-records/post-launch-review-round-1.pdf",
        "gate-records/production-readiness-round-1.pdf",
        "programme.json",
      ].map((f) => root + f),
    );
    const json = JSON.parse(strFromU8(files[`${root}programme.json`]!)) as {
      programme: { slug: string };
      auditChain: { ok: boolean; headHash: string; events: number };
      people: { name: string; email: string }[];
      tables: Record<string, Record<string, unknown>[]>;
    };
    expect(json.programme.slug).toBe(p.slug);
    expect(json.auditChain).toMatchObject({ ok: true, headHash: before.headHash, events: before.events });
    expect(json.people.map((x) => x.name)).toEqual(expect.arrayContaining(["Pat Export", "Olu Owner", "Rae Reviewer"]));
    // Every record of the programme, and only this programme's.
    expect(json.tables.Programme).toEqual([expect.objectContaining({ id: p.id, slug: p.slug })]);
    expect(json.tables.Gate).toHaveLength(4);
    expect(json.tables.Workflow).toEqual([expect.objectContaining({ name: "Claim acknowledgement" })]);
    expect(json.tables.WorkflowVersion).toHaveLength(1); // no programmeId column: found through its foreign key
    expect(json.tables.WorkflowTestCase).toHaveLength(3);
    expect(json.tables.AuditEvent).toHaveLength(before.events);
    expect(JSON.stringify(json.tables)).not.toContain(other.id);
    for (const [table, count] of Object.entries(json.tables).map(([t, rows]) => [t, rows.length] as const))
      if (table !== "AuditEvent" && table !== "Programme" && count > 0)
        expect(json.tables[table]!.every((r) => !("programmeId" in r) || r.programmeId === p.id)).toBe(true);
    // Secrets and credential hashes are left out.
    expect(json.tables.ApiToken).toEqual([expect.objectContaining({ name: "exporter" })]);
    expect(json.tables.ApiToken![0]).not.toHaveProperty("tokenHash");
    // The gate record PDFs are the gate page's records.
    expect(await pdfText(files[`${root}gate-records/architecture-review-round-1.pdf`]!)).toContain("Architecture Review");
    const head = JSON.parse(strFromU8(files[`${root}audit-chain.json`]!)) as { headHash: string };
    expect(head.headHash).toBe(before.headHash);
    // The export itself is audited, after the head it reports.
    expect(await db.auditEvent.count({ where: { programmeId: p.id, action: "programme.export" } })).toBe(1);
    expect((await verifyAuditChain(p.id)).ok).toBe(true);

    const cli = await exportProgrammeAsOperator({ id: null, label: "cli (test)" }, p.slug);
    expect(cli.summary).toMatchObject({ gateRecords: 4, tables: expect.any(Number) });
    await expect(exportProgrammeAsOperator({ id: null, label: "cli (test)" }, "no-such-programme")).rejects.toThrow(NotFoundError);
  });

  it("refuses anyone but the programme's managers", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const viewer = await makeUser();
    await makeMember(pm, p.slug, viewer, ["VIEWER"]);
    const otherPm = await makeUser();
    await makeProgramme(otherPm);
    await expect(exportProgramme(viewer, p.slug)).rejects.toThrow(ForbiddenError);
    await expect(exportProgramme(otherPm, p.slug)).rejects.toThrow(NotFoundError);
    expect(await db.auditEvent.count({ where: { programmeId: p.id, action: "programme.export" } })).toBe(0);
  });
});
