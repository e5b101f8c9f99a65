import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { approveVersion, markCandidate, promoteVersion } from "@/features/workflows/server/labels";
import { getManualEvaluationForm, recordManualEvaluation } from "@/features/workflows/server/manual-evaluation";
import { getWorkflow, listWorkflowsForProgramme } from "@/features/workflows/server/queries";
import { db } from "@/server/db";
import { ForbiddenError, NotFoundError, RuleError } from "@/server/errors";

import { makeReadyWorkflow } from "../support/workflow-fixture";

/** Outputs a person might paste from a Claude app for the fixture's three cases (Ann has one rubric criterion). */
async function pasted(
  workflowId: string,
  over: Record<string, { output?: string; grades?: { result: "pass" | "fail"; note?: string }[] }> = {},
) {
  const cases = await db.workflowTestCase.findMany({ where: { workflowId }, orderBy: { createdAt: "asc" } });
  return cases.map((c) => ({
    testCaseId: c.id,
    output:
      over[c.name]?.output ??
      `Dear ${c.name}, we have received claim ${(c.variables as { claim_ref: string }).claim_ref} and will call you.`,
    grades: over[c.name]?.grades ?? c.rubric.map(() => ({ result: "pass" as const, note: "Greets them by name." })),
  }));
}

describe("manual evaluations (Claude apps, no API key)", () => {
  it("an owner pastes outputs and grades the rubric; the gate accepts the manual evaluation and promotes, labelled manual", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const { w, owner, reviewer, ref } = await makeReadyWorkflow(pm, p.slug);
    await markCandidate(owner, ref);

    const form = await getManualEvaluationForm(owner, p.slug, w.slug, 1);
    expect(form.cases.map((c) => c.name)).toEqual(["Ann", "Bo", "Cy"]);
    expect(form.cases[0]!.prompt).toContain("## Who we are\nAcme Insurance");
    expect(form.cases[0]!.prompt).toContain("Acknowledge claim C-1 for Ann.");
    expect(form.cases[0]!.rubric).toEqual(['Names the customer "Ann"']);

    const r = await recordManualEvaluation(owner, { ...ref, cases: await pasted(w.id) });
    expect(r).toMatchObject({ passed: 3, total: 3 });
    const run = await db.evaluationRun.findUniqueOrThrow({
      where: { id: r.runId },
      include: { results: { orderBy: { caseName: "asc" } } },
    });
    expect(run).toMatchObject({
      mode: "MANUAL",
      status: "COMPLETED",
      passedCases: 3,
      totalCases: 3,
      doneCases: 3,
      startedBy: "Olu Owner",
      costUsd: 0,
    });
    expect(run.results[0]!.checks).toEqual([
      { kind: "contains", expectation: 'contains "C-1"', passed: true, detail: "Found." },
      {
        kind: "rubric",
        expectation: 'Names the customer "Ann"',
        passed: true,
        detail: "Graded by hand by Olu Owner: Greets them by name.",
      },
    ]);

    // Not promotable before the approval; then the promotion relies on the manual evaluation.
    await expect(promoteVersion(pm, ref)).rejects.toThrow(/approv/i);
    await approveVersion(reviewer, { ...ref, note: "Read the pasted outputs." });
    expect((await getWorkflow(pm, p.slug, w.slug)).promotionProblemsByVersion.get(run.versionId)).toEqual([]);
    await promoteVersion(pm, ref);
    const wf = await db.workflow.findUniqueOrThrow({ where: { id: w.id }, include: { productionVersion: true } });
    expect(wf.productionVersion?.number).toBe(1);
    expect(await db.workflowPromotion.findFirstOrThrow({ where: { versionId: run.versionId } })).toMatchObject({
      kind: "PROMOTE",
      passRate: 100,
    });
    const promoted = await db.auditEvent.findFirstOrThrow({ where: { programmeId: p.id, action: "workflow.promote" } });
    expect(promoted.after).toMatchObject({ evaluation: "manual", evaluationId: r.runId, passRate: 100 });
    expect(await db.auditEvent.count({ where: { programmeId: p.id, action: "workflow.evaluate.manual", entityId: r.runId } })).toBe(1);
    const [entry] = await listWorkflowsForProgramme(p.id);
    expect(entry).toMatchObject({ latestEvaluationMode: "MANUAL", productionVariables: ["claim_ref", "customer"] });
    expect((await verifyAuditChain(p.id)).ok).toBe(true);
  });

  it("the same checks run on pasted outputs: a failed check or a failed grade lowers the pass rate, and the gate refuses below the threshold", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const { w, owner, reviewer, ref } = await makeReadyWorkflow(pm, p.slug);
    const r = await recordManualEvaluation(owner, {
      ...ref,
      cases: await pasted(w.id, {
        Ann: { grades: [{ result: "fail", note: "Calls her Anne." }] },
        Cy: { output: "We guarantee payment, Cy, for claim C-3." },
      }),
    });
    expect(r).toMatchObject({ passed: 1, total: 3 });
    const results = await db.evaluationResult.findMany({ where: { runId: r.runId }, orderBy: { caseName: "asc" } });
    expect(results.map((x) => x.outcome)).toEqual(["FAILED", "PASSED", "FAILED"]);
    expect(results[2]!.checks).toEqual([expect.objectContaining({ kind: "not_contains", passed: false })]);
    await approveVersion(reviewer, { ...ref, note: "" });
    await expect(promoteVersion(pm, ref)).rejects.toThrow(RuleError);
    expect((await db.workflow.findUniqueOrThrow({ where: { id: w.id } })).productionVersionId).toBeNull();
  });

  it("refuses a viewer, another programme's manager, a missing output, an ungraded criterion and a foreign case — writing nothing", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const { w, owner, ref } = await makeReadyWorkflow(pm, p.slug);
    const viewer = await makeUser();
    await makeMember(pm, p.slug, viewer, ["VIEWER"]);
    const outsider = await makeUser();
    const other = await makeProgramme(outsider);
    const cases = await pasted(w.id);

    await expect(recordManualEvaluation(viewer, { ...ref, cases })).rejects.toThrow(ForbiddenError);
    await expect(getManualEvaluationForm(viewer, p.slug, w.slug, 1)).rejects.toThrow(ForbiddenError);
    await expect(recordManualEvaluation(outsider, { ...ref, cases })).rejects.toThrow(NotFoundError);
    await expect(recordManualEvaluation(outsider, { ...ref, programmeSlug: other.slug, cases })).rejects.toThrow(NotFoundError);
    await expect(recordManualEvaluation(owner, { ...ref, cases: cases.slice(1) })).rejects.toThrow(
      /Paste an output for every test case: Ann/,
    );
    await expect(recordManualEvaluation(owner, { ...ref, cases: cases.map((c) => ({ ...c, grades: [] })) })).rejects.toThrow(
      /Grade every rubric criterion: Ann/,
    );
    await expect(
      recordManualEvaluation(owner, { ...ref, cases: cases.map((c, i) => (i === 0 ? { ...c, output: "   " } : c)) }),
    ).rejects.toThrow(/Paste the output/);
    await expect(
      recordManualEvaluation(owner, { ...ref, cases: [...cases.slice(1), { ...cases[0]!, testCaseId: crypto.randomUUID() }] }),
    ).rejects.toThrow(/changed or deleted/);
    await expect(recordManualEvaluation(owner, { ...ref, version: 9, cases })).rejects.toThrow(NotFoundError);
    expect(await db.evaluationRun.count({ where: { workflowId: w.id } })).toBe(0);
  });
});
