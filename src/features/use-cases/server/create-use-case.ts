import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { RuleError } from "@/server/errors";

import { createUseCaseSchema, type CreateUseCaseInput } from "../schemas";
import { findMember, useCaseAuditSelect } from "./use-case-state";

/** The programme manager adds a use case to the inventory, scored against the rubric. It starts as a candidate. */
export async function createUseCase(actor: Actor, raw: CreateUseCaseInput) {
  const { programmeSlug, ...input } = createUseCaseSchema.parse(raw);
  const access = await authorize(actor, programmeSlug, "usecases.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    if (input.ownerId && !(await findMember(tx, programmeId, input.ownerId)))
      throw new RuleError("The owner must be a member of this programme.", "ownerId");
    const created = await tx.useCase.create({ data: { ...input, programmeId, status: "CANDIDATE" }, select: useCaseAuditSelect });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "usecase.create",
      entityType: "UseCase",
      entityId: created.id,
      after: created,
    });
    return { id: created.id, title: created.title };
  });
}
