import "server-only";

import type { z } from "zod";

import type { Permission } from "@/domain/permissions";
import { passRate } from "@/domain/workflows";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db, type Tx } from "@/server/db";
import { ConflictError, isUniqueViolation, RuleError } from "@/server/errors";

import { approveVersionSchema, versionRefSchema, type VersionRef } from "../schemas";
import { versionPromotionProblems } from "./promotion";
import { notifyApprovalRequested } from "./workflow-notifications";
import { findVersion, lockWorkflow } from "./workflow-state";

/** The version's latest evaluation (by start), as the promotion gate reads it. */
export async function latestEvaluation(client: Tx | typeof db, versionId: string) {
  const run = await client.evaluationRun.findFirst({
    where: { versionId },
    orderBy: { startedAt: "desc" },
    select: { id: true, status: true, mode: true, totalCases: true, passedCases: true },
  });
  return run ? { id: run.id, status: run.status, mode: run.mode, passRate: passRate(run.passedCases, run.totalCases) } : null;
}

interface Locked {
  tx: Tx;
  programmeId: string;
  workflow: Awaited<ReturnType<typeof lockWorkflow>>;
  version: Awaited<ReturnType<typeof findVersion>>;
}

/** Authorizes the actor, then runs `fn` in one transaction holding the workflow's row lock, with the version it names. */
async function withLockedVersion<T>(
  actor: Actor,
  input: { programmeSlug: string; workflowSlug: string; version: number },
  permission: Permission,
  fn: (l: Locked) => Promise<T>,
): Promise<T> {
  const access = await authorize(actor, input.programmeSlug, permission);
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const workflow = await lockWorkflow(tx, programmeId, input.workflowSlug);
    const version = await findVersion(tx, workflow.id, input.version);
    return fn({ tx, programmeId, workflow, version });
  });
}

/** Marks a version as the candidate for production: it leaves draft, which needs an owner. */
export async function markCandidate(actor: Actor, raw: VersionRef) {
  const input = versionRefSchema.parse(raw);
  return withLockedVersion(actor, input, "workflows.manage", async ({ tx, programmeId, workflow, version }) => {
    if (!workflow.ownerId) throw new RuleError("Give the workflow an owner before it leaves draft.");
    if (workflow.productionVersionId === version.id) throw new RuleError(`Version ${version.number} is already in production.`);
    if (workflow.candidateVersionId === version.id) throw new RuleError(`Version ${version.number} is already the candidate.`);
    await tx.workflow.update({ where: { id: workflow.id }, data: { candidateVersionId: version.id } });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "workflow.candidate",
      entityType: "Workflow",
      entityId: workflow.id,
      after: { workflow: workflow.slug, candidate: version.number },
    });
    await notifyApprovalRequested(tx, programmeId, workflow, version, actor.id);
    return { version: version.number };
  });
}

/** Another person's approval of a version: required before promotion. The author cannot approve their own. */
export async function approveVersion(actor: Actor, raw: z.input<typeof approveVersionSchema>) {
  const input = approveVersionSchema.parse(raw);
  try {
    return await withLockedVersion(actor, input, "workflows.approve", async ({ tx, programmeId, workflow, version }) => {
      if (version.authorId === actor.id)
        throw new RuleError(`You wrote version ${version.number}; its approval must come from someone else.`);
      const approval = await tx.workflowApproval.create({
        data: { versionId: version.id, approverId: actor.id, approverName: actor.name, note: input.note || null },
        select: { id: true },
      });
      await appendAudit(tx, {
        programmeId,
        actor: auditActor(actor),
        action: "workflow.approve",
        entityType: "Workflow",
        entityId: workflow.id,
        after: { workflow: workflow.slug, version: version.number, note: input.note || null },
      });
      return approval;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`You have already approved version ${input.version}.`);
    throw e;
  }
}

/**
 * The promotion gate, on the server, under the workflow's row lock: an owner, documentation, at least
 * three test cases, the version's latest evaluation at or above the threshold, and approval by someone
 * other than the author. A refusal names everything missing.
 */
export async function promoteVersion(actor: Actor, raw: VersionRef) {
  const input = versionRefSchema.parse(raw);
  return withLockedVersion(actor, input, "workflows.promote", async ({ tx, programmeId, workflow, version }) => {
    const [testCases, evaluation, approvals] = [
      await tx.workflowTestCase.count({ where: { workflowId: workflow.id } }),
      await latestEvaluation(tx, version.id),
      await tx.workflowApproval.findMany({ where: { versionId: version.id }, select: { approverId: true } }),
    ];
    const problems = versionPromotionProblems({
      workflow: {
        ownerName: workflow.owner?.user.name ?? null,
        threshold: workflow.threshold,
        productionVersionId: workflow.productionVersionId,
      },
      version,
      testCases,
      latestEvaluation: evaluation,
      approverIds: approvals.map((a) => a.approverId),
    });
    if (problems.length > 0) throw new RuleError(`Version ${version.number} cannot go to production: ${problems.join(" ")}`);
    const previous = workflow.productionVersionId
      ? await tx.workflowVersion.findUnique({ where: { id: workflow.productionVersionId }, select: { number: true } })
      : null;
    await tx.workflow.update({
      where: { id: workflow.id },
      data: { productionVersionId: version.id, ...(workflow.candidateVersionId === version.id ? { candidateVersionId: null } : {}) },
    });
    await tx.workflowPromotion.create({
      data: { versionId: version.id, kind: "PROMOTE", actorName: actor.name, passRate: evaluation!.passRate },
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "workflow.promote",
      entityType: "Workflow",
      entityId: workflow.id,
      before: { production: previous?.number ?? null },
      after: {
        workflow: workflow.slug,
        production: version.number,
        passRate: evaluation!.passRate,
        evaluationId: evaluation!.id,
        evaluation: evaluation!.mode === "MANUAL" ? "manual" : "api",
      },
    });
    return { version: version.number, previous: previous?.number ?? null };
  });
}

/** Rolling back moves the production label to an earlier version that was in production before. */
export async function rollbackTo(actor: Actor, raw: VersionRef) {
  const input = versionRefSchema.parse(raw);
  return withLockedVersion(actor, input, "workflows.promote", async ({ tx, programmeId, workflow, version }) => {
    const current = workflow.productionVersionId
      ? await tx.workflowVersion.findUnique({ where: { id: workflow.productionVersionId }, select: { number: true } })
      : null;
    if (!current) throw new RuleError("There is no production version to roll back from.");
    if (version.number >= current.number)
      throw new RuleError(`Roll back to a version earlier than the production version ${current.number}.`);
    const wasProduction = await tx.workflowPromotion.count({ where: { versionId: version.id, kind: "PROMOTE" } });
    if (wasProduction === 0) throw new RuleError(`Version ${version.number} was never in production; promote it through the gate instead.`);
    await tx.workflow.update({ where: { id: workflow.id }, data: { productionVersionId: version.id } });
    await tx.workflowPromotion.create({ data: { versionId: version.id, kind: "ROLLBACK", actorName: actor.name } });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "workflow.rollback",
      entityType: "Workflow",
      entityId: workflow.id,
      before: { production: current.number },
      after: { workflow: workflow.slug, production: version.number },
    });
    return { version: version.number, from: current.number };
  });
}
