import "server-only";

import type { z } from "zod";

import { expectationProblems } from "@/domain/workflows";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { ConflictError, isUniqueViolation, NotFoundError, RuleError } from "@/server/errors";

import { deleteTestCaseSchema, saveTestCaseSchema, type SaveTestCaseInput } from "../schemas";
import { lockWorkflow } from "./workflow-state";

/** Adds a test case, or edits one (with a test case id). Values are kept as given; runs check them against the version. */
export async function saveTestCase(actor: Actor, raw: SaveTestCaseInput) {
  const input = saveTestCaseSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "workflows.manage");
  const programmeId = access.programme.id;
  const problem = expectationProblems(input)[0];
  if (problem) throw new RuleError(problem.message, problem.field);
  const data = {
    name: input.name,
    variables: input.variables,
    mustContain: input.mustContain,
    mustNotContain: input.mustNotContain,
    pattern: input.pattern,
    minLength: input.minLength,
    maxLength: input.maxLength,
    rubric: input.rubric,
  };
  try {
    return await db.$transaction(async (tx) => {
      const workflow = await lockWorkflow(tx, programmeId, input.workflowSlug);
      if (input.testCaseId) {
        const existing = await tx.workflowTestCase.findFirst({
          where: { id: input.testCaseId, workflowId: workflow.id },
          select: { id: true, name: true },
        });
        if (!existing) throw new NotFoundError("Test case not found.");
        const after = await tx.workflowTestCase.update({ where: { id: existing.id }, data, select: { id: true, name: true } });
        await appendAudit(tx, {
          programmeId,
          actor: auditActor(actor),
          action: "workflow.testcase.update",
          entityType: "WorkflowTestCase",
          entityId: existing.id,
          after: { workflow: workflow.slug, ...data },
        });
        return after;
      }
      const created = await tx.workflowTestCase.create({ data: { workflowId: workflow.id, ...data }, select: { id: true, name: true } });
      await appendAudit(tx, {
        programmeId,
        actor: auditActor(actor),
        action: "workflow.testcase.create",
        entityType: "WorkflowTestCase",
        entityId: created.id,
        after: { workflow: workflow.slug, ...data },
      });
      return created;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`This workflow already has a test case called "${input.name}".`, "name");
    throw e;
  }
}

export async function deleteTestCase(actor: Actor, raw: z.input<typeof deleteTestCaseSchema>) {
  const input = deleteTestCaseSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "workflows.manage");
  const programmeId = access.programme.id;
  await db.$transaction(async (tx) => {
    const workflow = await lockWorkflow(tx, programmeId, input.workflowSlug);
    const existing = await tx.workflowTestCase.findFirst({
      where: { id: input.testCaseId, workflowId: workflow.id },
      select: { id: true, name: true },
    });
    if (!existing) throw new NotFoundError("Test case not found.");
    await tx.workflowTestCase.delete({ where: { id: existing.id } });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "workflow.testcase.delete",
      entityType: "WorkflowTestCase",
      entityId: existing.id,
      before: { workflow: workflow.slug, name: existing.name },
    });
  });
}
