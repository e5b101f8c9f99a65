import "server-only";

import { templateVariables } from "@/domain/workflows";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { ConflictError, RuleError } from "@/server/errors";

import { saveVersionSchema, updateWorkflowDetailsSchema, type SaveVersionInput, type UpdateWorkflowDetailsInput } from "../schemas";
import { templateProblemsOrThrow } from "./create-workflow";
import { checkReferences, lockWorkflow, versionSelect } from "./workflow-state";

/** Name, task, use case, owner, threshold and minutes saved per run: edited in place, audited. */
export async function updateWorkflowDetails(actor: Actor, raw: UpdateWorkflowDetailsInput) {
  const input = updateWorkflowDetailsSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "workflows.manage");
  const programmeId = access.programme.id;
  await checkReferences(programmeId, input);
  return db.$transaction(async (tx) => {
    const before = await lockWorkflow(tx, programmeId, input.workflowSlug);
    if (!input.ownerId && (before.productionVersionId || before.candidateVersionId))
      throw new RuleError("A workflow with a candidate or production version must keep an owner.", "ownerId");
    const { owner: _owner, ...beforeFields } = before;
    const after = await tx.workflow.update({
      where: { id: before.id },
      data: {
        name: input.name,
        task: input.task,
        useCaseId: input.useCaseId,
        ownerId: input.ownerId,
        threshold: input.threshold,
        minutesSavedPerRun: input.minutesSavedPerRun,
      },
      select: { id: true, slug: true, name: true, task: true, useCaseId: true, ownerId: true, threshold: true, minutesSavedPerRun: true },
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "workflow.update",
      entityType: "Workflow",
      entityId: before.id,
      before: beforeFields,
      after,
    });
    return after;
  });
}

const CONTENT_FIELDS = [
  "contextWho",
  "contextVoice",
  "contextStandards",
  "exampleOutput",
  "template",
  "model",
  "maxTokens",
  "documentation",
] as const;

/**
 * Saves an edit as a new immutable version, numbered after the latest under the workflow's row lock.
 * An edit started from an older version than the latest is refused (someone saved meanwhile), and a
 * save that changes nothing is refused, so every version is a real change with its note.
 */
export async function saveVersion(actor: Actor, raw: SaveVersionInput) {
  const input = saveVersionSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "workflows.manage");
  const programmeId = access.programme.id;
  const variables = templateProblemsOrThrow(input.template);
  return db.$transaction(async (tx) => {
    const workflow = await lockWorkflow(tx, programmeId, input.workflowSlug);
    const latest = await tx.workflowVersion.findFirstOrThrow({
      where: { workflowId: workflow.id },
      orderBy: { number: "desc" },
      select: versionSelect,
    });
    if (latest.number !== input.baseVersion)
      throw new ConflictError(
        `Version ${latest.number} was saved by ${latest.authorName} after you started editing version ${input.baseVersion}. Open the latest version and make your change there.`,
      );
    if (CONTENT_FIELDS.every((f) => latest[f] === input[f])) throw new RuleError(`Nothing changed since version ${latest.number}.`, "note");
    const version = await tx.workflowVersion.create({
      data: {
        workflowId: workflow.id,
        number: latest.number + 1,
        note: input.note,
        authorId: actor.id,
        authorName: actor.name,
        ...Object.fromEntries(CONTENT_FIELDS.map((f) => [f, input[f]])),
        template: input.template,
        model: input.model,
        maxTokens: input.maxTokens,
        variables,
      },
      select: { id: true, number: true, note: true, variables: true, model: true },
    });
    const removed = templateVariables(latest.template).filter((v) => !variables.includes(v));
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "workflow.version.save",
      entityType: "Workflow",
      entityId: workflow.id,
      after: { ...version, changed: CONTENT_FIELDS.filter((f) => latest[f] !== input[f]), removedVariables: removed },
    });
    return version;
  });
}
