import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser, uniqueSuffix } from "@/demo/factories";
import type { UseCaseStatus } from "@/domain/enums";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { parseCsv } from "@/features/use-cases/csv";
import type { CreateUseCaseInput } from "@/features/use-cases/schemas";
import { changeUseCaseStatus } from "@/features/use-cases/server/change-use-case-status";
import { countScopeCreep } from "@/features/use-cases/server/count-scope-creep";
import { createUseCase } from "@/features/use-cases/server/create-use-case";
import { exportUseCases } from "@/features/use-cases/server/export-use-cases";
import { getUseCase } from "@/features/use-cases/server/get-use-case";
import { getUseCasePriorities } from "@/features/use-cases/server/get-use-case-priorities";
import { ImportRejectedError, importUseCases } from "@/features/use-cases/server/import-use-cases";
import { listUseCases } from "@/features/use-cases/server/list-use-cases";
import { updateUseCase } from "@/features/use-cases/server/update-use-case";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError, RuleError } from "@/server/errors";

async function setup() {
  const pm = await makeUser();
  const programme = await makeProgramme(pm);
  const pmMembership = await db.membership.findFirstOrThrow({ where: { programmeId: programme.id, userId: pm.id } });
  return { pm, programme, slug: programme.slug, pmMembershipId: pmMembership.id };
}

const auditCount = (programmeId: string) => db.auditEvent.count({ where: { programmeId } });

const ready = { successCriteria: "Handling time down 30% over 50 cases", businessSponsor: "Daniel Okafor" };

function input(slug: string, over: Partial<CreateUseCaseInput> = {}): CreateUseCaseInput {
  return {
    programmeSlug: slug,
    title: `Use case ${uniqueSuffix()}`,
    businessFunction: "Operations",
    description: "Drafts replies for the team",
    businessValue: 3,
    complexity: 3,
    successCriteria: null,
    businessSponsor: null,
    ownerId: null,
    claudeProduct: "Claude apps (Cowork)",
    model: "claude-sonnet-4-6",
    dataSensitivity: "INTERNAL",
    ...over,
  };
}

/** A use case created through the operation and moved (one allowed step at a time) to `status`. */
async function makeUseCase(pm: Actor, slug: string, over: Partial<CreateUseCaseInput> = {}, status: UseCaseStatus = "CANDIDATE") {
  const { id } = await createUseCase(pm, input(slug, over));
  const path: UseCaseStatus[] = ["SHORTLISTED", "POC", "PILOT", "PRODUCTION"];
  for (const s of path.slice(0, path.indexOf(status) + 1)) await changeUseCaseStatus(pm, { programmeSlug: slug, useCaseId: id, status: s });
  if (status === "PARKED") await changeUseCaseStatus(pm, { programmeSlug: slug, useCaseId: id, status: "PARKED" });
  return id;
}

const move = (pm: Actor, slug: string, useCaseId: string, status: UseCaseStatus) =>
  changeUseCaseStatus(pm, { programmeSlug: slug, useCaseId, status });
const inFlightCount = (programmeId: string) => db.useCase.count({ where: { programmeId, status: { in: ["POC", "PILOT"] } } });

function editOf(slug: string, u: Awaited<ReturnType<typeof getUseCase>>["useCase"]) {
  return {
    programmeSlug: slug,
    useCaseId: u.id,
    title: u.title,
    businessFunction: u.businessFunction,
    description: u.description,
    businessValue: u.businessValue!,
    complexity: u.complexity!,
    successCriteria: u.successCriteria,
    businessSponsor: u.businessSponsor,
    ownerId: u.ownerId,
    claudeProduct: u.claudeProduct,
    model: u.model,
    dataSensitivity: u.dataSensitivity,
  };
}

describe("the inventory", () => {
  it("creates a scored candidate, audits it, and lists it with its rank, filtered by status, function, owner and text", async () => {
    const { pm, programme, slug, pmMembershipId } = await setup();
    const memos = await createUseCase(
      pm,
      input(slug, { title: "Credit memo drafts", businessFunction: "Lending", businessValue: 5, complexity: 2, ownerId: pmMembershipId }),
    );
    const kyc = await createUseCase(
      pm,
      input(slug, {
        title: "KYC summaries",
        businessFunction: "Compliance",
        businessValue: 4,
        complexity: 3,
        description: "Sanctions screening notes",
      }),
    );
    await createUseCase(pm, input(slug, { title: "Board packs", businessFunction: "Secretariat", businessValue: 2, complexity: 2 }));

    const row = await db.useCase.findUniqueOrThrow({ where: { id: memos.id } });
    expect(row).toMatchObject({ status: "CANDIDATE", businessValue: 5, complexity: 2, ownerId: pmMembershipId, pocStartedAt: null });
    const last = await db.auditEvent.findFirstOrThrow({ where: { programmeId: programme.id, entityId: memos.id } });
    expect(last).toMatchObject({
      action: "usecase.create",
      actorId: pm.id,
      after: expect.objectContaining({ title: "Credit memo drafts", businessValue: 5 }),
    });

    const all = await listUseCases(pm, slug);
    expect(all.useCases.map((u) => [u.rank, u.title, u.score, u.top3, u.ownerName])).toEqual([
      [1, "Credit memo drafts", 20, true, pm.name],
      [2, "KYC summaries", 12, true, null],
      [3, "Board packs", 8, true, null],
    ]);
    expect(all).toMatchObject({ total: 3, unowned: 2, inFlight: 0, functions: ["Compliance", "Lending", "Secretariat"] });

    const titles = async (filters: Record<string, string>) => (await listUseCases(pm, slug, filters)).useCases.map((u) => u.title);
    expect(await titles({ fn: "compliance" })).toEqual(["KYC summaries"]);
    expect(await titles({ owner: "unowned" })).toEqual(["KYC summaries", "Board packs"]);
    expect(await titles({ owner: pmMembershipId })).toEqual(["Credit memo drafts"]);
    expect(await titles({ q: "sanctions" })).toEqual(["KYC summaries"]);
    expect(await titles({ status: "SHORTLISTED" })).toEqual([]);
    await move(pm, slug, kyc.id, "SHORTLISTED");
    expect(await titles({ status: "SHORTLISTED" })).toEqual(["KYC summaries"]);
    // Nonsense in the URL is ignored, not an error.
    expect(await titles({ status: "BOGUS", owner: "someone" })).toHaveLength(3);
  });

  it("refuses scores outside 1–5 and an owner who is not a member of the programme, writing nothing", async () => {
    const { pm, programme, slug } = await setup();
    const other = await setup();
    const events = await auditCount(programme.id);
    await expect(createUseCase(pm, input(slug, { businessValue: 6 }))).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["businessValue"], message: "Score the business value from 1 to 5." })],
    });
    await expect(createUseCase(pm, input(slug, { complexity: 0 }))).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["complexity"] })],
    });
    await expect(createUseCase(pm, input(slug, { ownerId: other.pmMembershipId }))).rejects.toThrow(
      new RuleError("The owner must be a member of this programme.", "ownerId"),
    );
    expect(await db.useCase.count({ where: { programmeId: programme.id } })).toBe(0);
    expect(await auditCount(programme.id)).toBe(events);
  });

  it("ranks and plots only what is not parked", async () => {
    const { pm, slug } = await setup();
    await makeUseCase(pm, slug, { title: "Alpha", businessValue: 4, complexity: 4 });
    await makeUseCase(pm, slug, { title: "Beta", businessValue: 5, complexity: 1 }, "PARKED");
    await makeUseCase(pm, slug, { title: "Gamma", businessValue: 4, complexity: 2 });
    const p = await getUseCasePriorities(pm, slug);
    expect(p.ranked.map((r) => [r.rank, r.title, r.quadrant])).toEqual([
      [1, "Gamma", "QUICK_WIN"],
      [2, "Alpha", "STRATEGIC_BET"],
    ]);
    expect(p.parked.map((x) => x.title)).toEqual(["Beta"]);
  });
});

describe("at most three use cases in POC or pilot", () => {
  it("refuses a fourth with a message naming the three, and allows it once one is parked", async () => {
    const { pm, programme, slug } = await setup();
    const a = await makeUseCase(pm, slug, { ...ready, title: "Alpha memos" }, "PILOT");
    await makeUseCase(pm, slug, { ...ready, title: "Beta triage" }, "POC");
    await makeUseCase(pm, slug, { ...ready, title: "Gamma KYC" }, "POC");
    const fourth = await makeUseCase(pm, slug, { ...ready, title: "Delta audit" }, "SHORTLISTED");
    const events = await auditCount(programme.id);

    await expect(move(pm, slug, fourth, "POC")).rejects.toThrow(
      new RuleError(
        "At most three use cases can be in POC or pilot at once: 'Alpha memos', 'Beta triage' and 'Gamma KYC' are. Park or finish one first.",
      ),
    );
    expect(await db.useCase.findUniqueOrThrow({ where: { id: fourth } })).toMatchObject({ status: "SHORTLISTED", pocStartedAt: null });
    expect(await auditCount(programme.id)).toBe(events);

    // Moving within POC and pilot, or on to production, is not a new one in flight.
    await move(pm, slug, a, "PRODUCTION");
    await move(pm, slug, fourth, "POC");
    expect(await inFlightCount(programme.id)).toBe(3);
    const last = await db.auditEvent.findFirstOrThrow({ where: { programmeId: programme.id }, orderBy: { seq: "desc" } });
    expect(last).toMatchObject({
      action: "usecase.status",
      entityId: fourth,
      before: expect.objectContaining({ status: "SHORTLISTED" }),
      after: expect.objectContaining({ status: "POC" }),
    });
    expect(await verifyAuditChain(programme.id)).toMatchObject({ ok: true });
  });

  it("holds when several use cases are moved to POC at the same moment: only as many as fit succeed", async () => {
    const { pm, programme, slug } = await setup();
    await makeUseCase(pm, slug, { ...ready, title: "Already in pilot" }, "PILOT");
    const candidates = [];
    for (let i = 0; i < 6; i++) candidates.push(await makeUseCase(pm, slug, { ...ready, title: `Concurrent ${i}` }, "SHORTLISTED"));

    const results = await Promise.allSettled(candidates.map((id) => move(pm, slug, id, "POC")));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(2);
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(RuleError);
      expect(String(r.reason.message)).toMatch(
        /^At most three use cases can be in POC or pilot at once: .+ are\. Park or finish one first\.$/,
      );
    }
    expect(await inFlightCount(programme.id)).toBe(3);
    expect(
      await db.auditEvent.count({
        where: { programmeId: programme.id, action: "usecase.status", after: { path: ["status"], equals: "POC" } },
      }),
    ).toBe(2 + 1);
  });
});

describe("POC preconditions", () => {
  it("needs success criteria and a business sponsor before the POC starts, naming what is missing; then records when it started", async () => {
    const { pm, programme, slug } = await setup();
    const id = await makeUseCase(pm, slug, { title: "Complaint triage" }, "SHORTLISTED");
    await expect(move(pm, slug, id, "POC")).rejects.toThrow(
      "'Complaint triage' needs success criteria and a business sponsor before its POC starts.",
    );

    const { useCase } = await getUseCase(pm, slug, id);
    await updateUseCase(pm, { ...editOf(slug, useCase), businessSponsor: "Daniel Okafor" });
    await expect(move(pm, slug, id, "POC")).rejects.toThrow("'Complaint triage' needs success criteria before its POC starts.");
    expect((await db.useCase.findUniqueOrThrow({ where: { id } })).status).toBe("SHORTLISTED");

    await updateUseCase(pm, {
      ...editOf(slug, (await getUseCase(pm, slug, id)).useCase),
      successCriteria: "80% of complaints triaged correctly",
    });
    const before = new Date();
    const r = await move(pm, slug, id, "POC");
    expect(r.status).toBe("POC");
    expect(r.pocStartedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    // Once the POC has started the criteria and sponsor stay.
    const now = (await getUseCase(pm, slug, id)).useCase;
    await expect(updateUseCase(pm, { ...editOf(slug, now), successCriteria: "" })).rejects.toThrow(
      new RuleError("A use case in POC or later keeps its success criteria.", "successCriteria"),
    );
    // A move that is not allowed is refused with the moves that are.
    await expect(move(pm, slug, id, "PRODUCTION")).rejects.toThrow(
      "A use case cannot move from POC to Production. From POC it can move to Pilot or Shortlisted or Parked.",
    );
    // Back to POC from pilot keeps the original start.
    await move(pm, slug, id, "PILOT");
    await move(pm, slug, id, "POC");
    expect((await db.useCase.findUniqueOrThrow({ where: { id } })).pocStartedAt).toEqual(r.pocStartedAt);
    expect(await verifyAuditChain(programme.id)).toMatchObject({ ok: true });
  });
});

describe("the scope-change log", () => {
  it("logs changes of scope fields; after the POC started they are scope creep, counted for the overview", async () => {
    const { pm, programme, slug, pmMembershipId } = await setup();
    const id = await makeUseCase(pm, slug, { title: "KYC summaries", businessFunction: "Compliance" }, "SHORTLISTED");
    const label = `${pm.name} <${pm.email}>`;

    // Before the POC: logged, not scope creep.
    let u = (await getUseCase(pm, slug, id)).useCase;
    await updateUseCase(pm, { ...editOf(slug, u), ...ready, description: "Summarise onboarding files" });
    // Scores, sponsor and owner are not scope.
    u = (await getUseCase(pm, slug, id)).useCase;
    const r0 = await updateUseCase(pm, {
      ...editOf(slug, u),
      businessValue: 5,
      complexity: 2,
      businessSponsor: "Helen Marsh",
      ownerId: pmMembershipId,
    });
    expect(r0).toMatchObject({ scopeChanges: 0, scopeCreep: false });
    expect(await countScopeCreep(programme.id)).toEqual({ changes: 0, useCases: [] });

    await move(pm, slug, id, "POC");
    u = (await getUseCase(pm, slug, id)).useCase;
    const r1 = await updateUseCase(pm, { ...editOf(slug, u), model: "claude-opus-4-7", dataSensitivity: "RESTRICTED" });
    expect(r1).toMatchObject({ scopeChanges: 2, scopeCreep: true });

    const { scopeLog } = await getUseCase(pm, slug, id);
    const rows = scopeLog.map((c) => [c.field, c.before, c.after, c.changedBy, c.scopeCreep]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ["description", "Drafts replies for the team", "Summarise onboarding files", label, false],
        ["successCriteria", null, ready.successCriteria, label, false],
        ["model", "claude-sonnet-4-6", "claude-opus-4-7", label, true],
        ["dataSensitivity", "INTERNAL", "RESTRICTED", label, true],
      ]),
    );
    expect(rows).toHaveLength(4);
    expect(await countScopeCreep(programme.id)).toEqual({ changes: 2, useCases: [{ id, title: "KYC summaries", changes: 2 }] });
    expect((await listUseCases(pm, slug)).useCases.find((x) => x.id === id)?.scopeCreep).toBe(2);
    const last = await db.auditEvent.findFirstOrThrow({ where: { programmeId: programme.id }, orderBy: { seq: "desc" } });
    expect(last).toMatchObject({
      action: "usecase.update",
      before: expect.objectContaining({ model: "claude-sonnet-4-6" }),
      after: expect.objectContaining({ model: "claude-opus-4-7", scopeCreep: true }),
    });
    // Another programme's count is its own.
    const other = await setup();
    expect(await countScopeCreep(other.programme.id)).toEqual({ changes: 0, useCases: [] });
  });
});

const HEADER =
  "title,business_function,description,business_value,complexity,status,success_criteria,business_sponsor,owner_email,data_sensitivity";

describe("CSV import and export", () => {
  it("reports every bad row with its line number and imports nothing", async () => {
    const { pm, programme, slug } = await setup();
    await makeUseCase(pm, slug, { ...ready, title: "In pilot 1" }, "PILOT");
    await makeUseCase(pm, slug, { ...ready, title: "In pilot 2" }, "PILOT");
    const events = await auditCount(programme.id);
    const csv = [
      HEADER,
      `Good one,Ops,"A description`, // line 2: a quoted description over two lines
      `on two lines",3,2,,,,${pm.email},internal`,
      `Bad score,Ops,,7,2,,,,,`, // line 4
      ``, // line 5: blank, skipped
      `Unknown owner,Ops,,3,3,,,,nobody-${uniqueSuffix()}@example.test,`, // line 6
      `x,,,3,3,,,,,SECRET`, // line 7: short title, no function, bad sensitivity
      `Into POC,Ops,,4,2,POC,Criteria,Sponsor,,`, // line 8: fits (third in flight)
      `Into pilot,Ops,,4,2,PILOT,Criteria,Sponsor,,`, // line 9: a fourth in flight
      `Production without criteria,Ops,,4,2,production,,,,`, // line 10
      `Too,few,cells`, // line 11
    ].join("\n");

    const err = await importUseCases(pm, { programmeSlug: slug, csv }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejectedError);
    const problems = (err as ImportRejectedError).problems;
    expect(problems.map((p) => p.line)).toEqual([4, 6, 7, 9, 10, 11]);
    expect((err as ImportRejectedError).message).toBe("Nothing was imported: 6 lines have problems. Fix them and import the file again.");
    const reasons = new Map(problems.map((p) => [p.line, p.reasons.join(" | ")]));
    expect(reasons.get(4)).toBe("business_value: Score the business value from 1 to 5.");
    expect(reasons.get(6)).toMatch(/^owner_email: nobody-.+@example\.test is not a member of this programme\.$/);
    expect(reasons.get(7)).toBe(
      "title: Give the use case a title of at least 3 characters. | business_function: Name the business function it serves. | data_sensitivity: Choose the data sensitivity: public, internal, confidential or restricted.",
    );
    expect(reasons.get(9)).toBe("status: at most three use cases can be in POC or pilot at once; this row would make 4.");
    expect(reasons.get(10)).toBe("status: a use case in Production needs success_criteria and business_sponsor (its POC has started).");
    expect(reasons.get(11)).toMatch(/^This row has 3 values; the header has 10 columns\./);

    expect(await db.useCase.count({ where: { programmeId: programme.id } })).toBe(2);
    expect(await auditCount(programme.id)).toBe(events);
  });

  it("reports a bad header on line 1, and a file with no rows", async () => {
    const { pm, slug } = await setup();
    await expect(importUseCases(pm, { programmeSlug: slug, csv: "name,value\nA,3\n" })).rejects.toMatchObject({
      problems: [
        {
          line: 1,
          reasons: expect.arrayContaining([
            "Unknown column 'name'. Use the columns of an exported file.",
            "The column 'title' is missing.",
          ]),
        },
      ],
    });
    await expect(importUseCases(pm, { programmeSlug: slug, csv: `${HEADER}\n` })).rejects.toMatchObject({
      problems: [{ line: 2, reasons: ["The file has no use cases under its header."] }],
    });
  });

  it("imports a good file in one go, and an export imports into another programme unchanged", async () => {
    const a = await setup();
    const owner = await makeUser();
    await makeMember(a.pm, a.slug, owner, ["WORKFLOW_OWNER"]);
    const csv = [
      HEADER,
      `Credit memo drafts,Lending,"Drafts memos, with ""quotes""",5,2,PILOT,Time down 40%,Daniel Okafor,${owner.email.toUpperCase()},Confidential`,
      `=Formula-looking title,Ops,-5% handling time,3,3,Shortlisted,,,,`,
      `Board packs,Secretariat,,2,2,parked,,,,PUBLIC`,
    ].join("\r\n");
    const r = await importUseCases(a.pm, { programmeSlug: a.slug, csv });
    expect(r.imported).toBe(3);
    const memo = await db.useCase.findFirstOrThrow({
      where: { programmeId: a.programme.id, title: "Credit memo drafts" },
      include: { owner: { include: { user: true } } },
    });
    expect(memo).toMatchObject({
      status: "PILOT",
      description: 'Drafts memos, with "quotes"',
      dataSensitivity: "CONFIDENTIAL",
      businessSponsor: "Daniel Okafor",
      pocStartedAt: expect.any(Date),
    });
    expect(memo.owner?.user.email).toBe(owner.email);
    expect(await db.auditEvent.count({ where: { programmeId: a.programme.id, action: "usecase.create" } })).toBe(3);
    expect(await db.auditEvent.count({ where: { programmeId: a.programme.id, action: "usecase.import" } })).toBe(1);

    const exported = await exportUseCases(a.pm, a.slug);
    expect(exported.filename).toBe(`${a.slug}-use-cases.csv`);
    const lines = exported.csv.split("\r\n");
    expect(lines[0]).toBe(
      "title,business_function,description,business_value,complexity,priority_score,rank,status,success_criteria,business_sponsor,owner_email,owner_name,claude_product,model,data_sensitivity,poc_started_at,created_at,updated_at",
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^Credit memo drafts,Lending,"Drafts memos, with ""quotes""",5,2,20,1,PILOT,Time down 40%,Daniel Okafor,${owner.email.replace(/[.]/g, "\\.")},`,
      ),
    );
    // A value a spreadsheet would run as a formula is written with a leading ' (and read back without it).
    expect(lines[2]).toMatch(/^"'=Formula-looking title",Ops,"'-5% handling time",3,3,9,2,SHORTLISTED,/);

    // Into another programme where the owner is a member too: the same inventory comes out.
    const b = await setup();
    await makeMember(b.pm, b.slug, owner, ["VIEWER"]);
    await importUseCases(b.pm, { programmeSlug: b.slug, csv: exported.csv });
    const again = await exportUseCases(b.pm, b.slug);
    const stable = (csv: string) => parseCsv(csv).rows.map((x) => x.record);
    expect(stable(again.csv)).toEqual(stable(exported.csv));
    expect(stable(again.csv)).toHaveLength(3);
  });
});

describe("denied paths", () => {
  it("a viewer reads the inventory but cannot change it; nothing is written", async () => {
    const { pm, programme, slug } = await setup();
    const id = await makeUseCase(pm, slug, { ...ready, title: "Viewer test" }, "SHORTLISTED");
    const viewer = await makeUser();
    await makeMember(pm, slug, viewer, ["VIEWER"]);
    const events = await auditCount(programme.id);
    const { useCase } = await getUseCase(viewer, slug, id);
    await expect(createUseCase(viewer, input(slug))).rejects.toThrow(
      new ForbiddenError("Only a programme manager can do that in this programme."),
    );
    await expect(updateUseCase(viewer, { ...editOf(slug, useCase), title: "Renamed" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(move(viewer, slug, id, "POC")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importUseCases(viewer, { programmeSlug: slug, csv: `${HEADER}\nA row,Ops,,3,3,,,,,` })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await auditCount(programme.id)).toBe(events);
    expect(await db.useCase.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Viewer test", status: "SHORTLISTED" });
    // Reading is for every member.
    await expect(listUseCases(viewer, slug)).resolves.toMatchObject({ canManage: false, total: 1 });
    await expect(getUseCasePriorities(viewer, slug)).resolves.toBeTruthy();
    await expect(exportUseCases(viewer, slug)).resolves.toMatchObject({ count: 1 });
  });

  it("someone who is not a member gets 'not found' for every read and write", async () => {
    const { pm, programme, slug } = await setup();
    const id = await makeUseCase(pm, slug, { ...ready }, "SHORTLISTED");
    const { useCase } = await getUseCase(pm, slug, id);
    const outsider = await makeUser();
    const events = await auditCount(programme.id);
    await expect(listUseCases(outsider, slug)).rejects.toThrow(new NotFoundError("Programme not found."));
    await expect(getUseCase(outsider, slug, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUseCasePriorities(outsider, slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportUseCases(outsider, slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createUseCase(outsider, input(slug))).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateUseCase(outsider, { ...editOf(slug, useCase), title: "Mine now" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(move(outsider, slug, id, "POC")).rejects.toBeInstanceOf(NotFoundError);
    await expect(importUseCases(outsider, { programmeSlug: slug, csv: `${HEADER}\nA row,Ops,,3,3,,,,,` })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await auditCount(programme.id)).toBe(events);
  });

  it("a use case of another programme is not found through this one, and nothing changes", async () => {
    const a = await setup();
    const b = await setup();
    const bId = await makeUseCase(b.pm, b.slug, { ...ready, title: "Belongs to B" }, "SHORTLISTED");
    const { useCase } = await getUseCase(b.pm, b.slug, bId);
    // a's manager names b's use case through a's programme.
    await expect(getUseCase(a.pm, a.slug, bId)).rejects.toThrow(new NotFoundError("Use case not found."));
    await expect(updateUseCase(a.pm, { ...editOf(a.slug, useCase), title: "Taken over" })).rejects.toThrow(
      new NotFoundError("Use case not found."),
    );
    await expect(move(a.pm, a.slug, bId, "POC")).rejects.toThrow(new NotFoundError("Use case not found."));
    await expect(getUseCase(a.pm, a.slug, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.useCase.findUniqueOrThrow({ where: { id: bId } })).toMatchObject({
      title: "Belongs to B",
      status: "SHORTLISTED",
      programmeId: b.programme.id,
    });
    expect(await db.useCaseScopeChange.count({ where: { useCaseId: bId } })).toBe(0);
    // And b's manager has no rights in a.
    await expect(createUseCase(b.pm, input(a.slug))).rejects.toBeInstanceOf(NotFoundError);
  });
});
