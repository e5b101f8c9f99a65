import "server-only";

import {
  describeVariableProblems,
  deterministicChecks,
  humanRubricChecks,
  manualCasePrompt,
  passRate,
  variableProblems,
} from "@/domain/workflows";
import type { Prisma } from "@/generated/prisma/client";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { manualEvaluationSchema, type ManualEvaluationInput } from "../schemas";
import { findVersion, lockWorkflow } from "./workflow-state";

/**
 * A manual evaluation, for organisations that use Claude through its apps (no API key): the owner ran
 * each test case in a Claude app, pastes each output here and grades each rubric criterion by hand
 * (pass or fail, with a note). The same deterministic checks as an API evaluation run on the outputs;
 * the run is recorded complete, with mode MANUAL and the grader's name, and the promotion gate reads
 * it like any other evaluation (the pages and the API label it manual). Every test case of the workflow
 * must have an output and every criterion a grade, so a manual pass rate covers the same cases.
 */
export async function recordManualEvaluation(actor: Actor, raw: ManualEvaluationInput, now = new Date()) {
  const input = manualEvaluationSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "workflows.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const workflow = await lockWorkflow(tx, programmeId, input.workflowSlug);
    const version = await findVersion(tx, workflow.id, input.version);
    const running = await tx.evaluationRun.findFirst({ where: { versionId: version.id, status: "RUNNING" }, select: { id: true } });
    if (running) throw new RuleError(`An evaluation of version ${version.number} is running; wait for it to finish.`);
    const cases = await tx.workflowTestCase.findMany({ where: { workflowId: workflow.id }, orderBy: { createdAt: "asc" } });
    if (cases.length === 0) throw new RuleError("Add a test case before evaluating.");
    const given = new Map(input.cases.map((c) => [c.testCaseId, c]));
    if (given.size !== input.cases.length) throw new RuleError("Each test case may have one output only.", "cases");
    const known = new Set(cases.map((c) => c.id));
    if (input.cases.some((c) => !known.has(c.testCaseId)))
      throw new RuleError("A test case was changed or deleted while you were pasting; reload the page.", "cases");
    const missing = cases.filter((c) => !given.has(c.id)).map((c) => c.name);
    if (missing.length > 0) throw new RuleError(`Paste an output for every test case: ${missing.join(", ")} has none.`, "cases");
    const ungraded = cases.filter((c) => (given.get(c.id)!.grades.length ?? 0) !== c.rubric.length).map((c) => c.name);
    if (ungraded.length > 0) throw new RuleError(`Grade every rubric criterion: ${ungraded.join(", ")}.`, "cases");

    const results = cases.map((c): Omit<Prisma.EvaluationResultCreateManyInput, "runId"> => {
      const { output, grades } = given.get(c.id)!;
      const variables = c.variables as Record<string, unknown>;
      const caseSnapshot = {
        variables,
        mustContain: c.mustContain,
        mustNotContain: c.mustNotContain,
        pattern: c.pattern,
        minLength: c.minLength,
        maxLength: c.maxLength,
        rubric: c.rubric,
      } as Prisma.InputJsonObject;
      const problems = variableProblems(version.variables, variables);
      if (problems.length > 0)
        return {
          testCaseId: c.id,
          caseName: c.name,
          caseSnapshot,
          outcome: "ERROR",
          output,
          errorType: "invalid_variables",
          errorMessage: `The test case's variables do not fit version ${version.number}: ${describeVariableProblems(problems)}.`,
        };
      const checks = [
        ...deterministicChecks(output, c),
        ...humanRubricChecks(
          c.rubric,
          grades.map((g) => ({ pass: g.result === "pass", note: g.note })),
          actor.name,
        ),
      ];
      return {
        testCaseId: c.id,
        caseName: c.name,
        caseSnapshot,
        outcome: checks.every((k) => k.passed) ? "PASSED" : "FAILED",
        output,
        checks: checks as object[],
      };
    });
    const passed = results.filter((r) => r.outcome === "PASSED").length;
    const errored = results.filter((r) => r.outcome === "ERROR").length;
    const run = await tx.evaluationRun.create({
      data: {
        workflowId: workflow.id,
        versionId: version.id,
        mode: "MANUAL",
        status: errored > 0 ? "COMPLETED_WITH_ERRORS" : "COMPLETED",
        totalCases: cases.length,
        doneCases: cases.length,
        passedCases: passed,
        erroredCases: errored,
        startedBy: actor.name,
        startedAt: now,
        finishedAt: now,
      },
      select: { id: true },
    });
    await tx.evaluationResult.createMany({
      data: results.map((r) => ({ ...r, runId: run.id })),
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "workflow.evaluate.manual",
      entityType: "EvaluationRun",
      entityId: run.id,
      after: {
        workflow: workflow.slug,
        version: version.number,
        mode: "manual",
        cases: cases.length,
        passed,
        passRate: passRate(passed, cases.length),
      },
    });
    return { runId: run.id, passed, total: cases.length };
  });
}

/** The manual evaluation page: each test case with the prompt to paste into a Claude app, and its expectations. */
export async function getManualEvaluationForm(actor: Actor, programmeSlug: string, workflowSlug: string, versionNumber: number) {
  const access = await authorize(actor, programmeSlug, "workflows.manage");
  const workflow = await db.workflow.findUnique({
    where: { programmeId_slug: { programmeId: access.programme.id, slug: workflowSlug } },
    select: { id: true, slug: true, name: true, threshold: true },
  });
  if (!workflow) throw new NotFoundError("Workflow not found.");
  const version = await findVersion(db, workflow.id, versionNumber);
  const cases = await db.workflowTestCase.findMany({ where: { workflowId: workflow.id }, orderBy: { createdAt: "asc" } });
  return {
    workflow,
    version: { number: version.number, model: version.model },
    cases: cases.map((c) => {
      const variables = c.variables as Record<string, unknown>;
      const problems = variableProblems(version.variables, variables);
      return {
        id: c.id,
        name: c.name,
        variables,
        prompt: problems.length ? null : manualCasePrompt(version, variables as Record<string, string>),
        problem: problems.length ? `Its variables do not fit version ${version.number}: ${describeVariableProblems(problems)}.` : null,
        expectations: deterministicChecks("", c).map((k) => k.expectation),
        rubric: c.rubric,
      };
    }),
  };
}
