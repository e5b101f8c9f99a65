import "server-only";

import { editProblems, isScopeCreep, scopeChanges } from "@/domain/use-cases";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { updateUseCaseSchema, type UpdateUseCaseInput } from "../schemas";
import { findMember, lockUseCase, useCaseAuditSelect } from "./use-case-state";

/**
 * The programme manager edits a use case. A change to a scope field (title, description, success
 * criteria, business function, Claude product, model, data sensitivity) is written to its scope-change
 * log, flagged as scope creep once its POC has started.
 */
export async function updateUseCase(actor: Actor, raw: UpdateUseCaseInput, now = new Date()) {
  const { programmeSlug, useCaseId, ...input } = updateUseCaseSchema.parse(raw);
  const access = await authorize(actor, programmeSlug, "usecases.manage");
  const programmeId = access.programme.id;
  const who = auditActor(actor);
  return db.$transaction(async (tx) => {
    const before = await lockUseCase(tx, programmeId, useCaseId);
    if (!before) throw new NotFoundError("Use case not found.");
    const problem = editProblems(before, input)[0];
    if (problem) throw new RuleError(problem.message, problem.field);
    if (input.ownerId && !(await findMember(tx, programmeId, input.ownerId)))
      throw new RuleError("The owner must be a member of this programme.", "ownerId");

    const changes = scopeChanges(before, input);
    const scopeCreep = isScopeCreep(before.pocStartedAt);
    const after = await tx.useCase.update({ where: { id: useCaseId }, data: input, select: useCaseAuditSelect });
    if (changes.length > 0)
      await tx.useCaseScopeChange.createMany({
        data: changes.map((c) => ({
          programmeId,
          useCaseId,
          field: c.field,
          before: c.before,
          after: c.after,
          changedBy: who.label,
          changedAt: now,
          scopeCreep,
        })),
      });
    await appendAudit(tx, {
      programmeId,
      actor: who,
      action: "usecase.update",
      entityType: "UseCase",
      entityId: useCaseId,
      before,
      after: { ...after, ...(changes.length > 0 ? { scopeChanges: changes.map((c) => c.field), scopeCreep } : {}) },
    });
    return { id: useCaseId, scopeChanges: changes.length, scopeCreep: scopeCreep && changes.length > 0 };
  });
}
