import "server-only";

import { malformedPlaceholders, slugify, templateVariables } from "@/domain/workflows";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { ConflictError, isUniqueViolation, RuleError } from "@/server/errors";

import { createWorkflowSchema, type CreateWorkflowInput } from "../schemas";
import { checkReferences, workflowAuditSelect } from "./workflow-state";

/** Template problems shared by create and save: at least one variable, no half-written placeholders. */
export function templateProblemsOrThrow(template: string) {
  const bad = malformedPlaceholders(template);
  if (bad.length > 0)
    throw new RuleError(
      `${bad.join(", ")} ${bad.length === 1 ? "is not a valid variable" : "are not valid variables"}: use letters, digits and underscores, as in {{customer_name}}.`,
      "template",
    );
  const variables = templateVariables(template);
  if (variables.length === 0)
    throw new RuleError("The template needs at least one {{variable}} for the input that changes from run to run.", "template");
  return variables;
}

/** A workflow owner or manager writes a new workflow: its details and version 1 (a draft). */
export async function createWorkflow(actor: Actor, raw: CreateWorkflowInput) {
  const input = createWorkflowSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "workflows.manage");
  const programmeId = access.programme.id;
  await checkReferences(programmeId, input);
  const variables = templateProblemsOrThrow(input.template);
  const slug = slugify(input.name);
  if (!slug) throw new RuleError("Give the workflow a name with letters or digits.", "name");
  try {
    return await db.$transaction(async (tx) => {
      const workflow = await tx.workflow.create({
        data: {
          programmeId,
          slug,
          name: input.name,
          task: input.task,
          useCaseId: input.useCaseId,
          ownerId: input.ownerId,
          threshold: input.threshold,
          minutesSavedPerRun: input.minutesSavedPerRun,
        },
        select: workflowAuditSelect,
      });
      const version = await tx.workflowVersion.create({
        data: {
          workflowId: workflow.id,
          number: 1,
          note: "First version",
          authorId: actor.id,
          authorName: actor.name,
          contextWho: input.contextWho,
          contextVoice: input.contextVoice,
          contextStandards: input.contextStandards,
          exampleOutput: input.exampleOutput,
          template: input.template,
          variables,
          model: input.model,
          maxTokens: input.maxTokens,
          documentation: input.documentation,
        },
        select: { id: true, number: true },
      });
      await appendAudit(tx, {
        programmeId,
        actor: auditActor(actor),
        action: "workflow.create",
        entityType: "Workflow",
        entityId: workflow.id,
        after: { ...workflow, version: 1, variables, model: input.model },
      });
      return { ...workflow, versionId: version.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError(`A workflow called "${input.name}" already exists in this programme.`, "name");
    throw e;
  }
}
