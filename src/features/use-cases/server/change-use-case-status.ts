import "server-only";

import { USE_CASE_STATUS_LABELS } from "@/domain/enums";
import { statusChangeProblems, type StatusChange } from "@/domain/use-cases";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { changeUseCaseStatusSchema, type ChangeUseCaseStatusInput } from "../schemas";
import { inFlightUseCases, lockProgrammeForUseCases, lockUseCase, useCaseAuditSelect } from "./use-case-state";

/** Throws the first reason a status change is refused (a move not allowed, POC preconditions, the three-in-flight limit). */
export function assertStatusChange(change: StatusChange): void {
  const problems = statusChangeProblems(change);
  if (problems.length > 0) throw new RuleError(problems.join(" "));
}

/**
 * Moves a use case along candidate → shortlisted → POC → pilot → production, back a step, or to
 * parked. The rules are checked on a plain read first, then again inside the transaction after
 * locking the programme row, so concurrent moves to POC cannot exceed three in flight. Entering POC
 * from before it records when the POC started (from then on a change of scope is scope creep).
 */
export async function changeUseCaseStatus(actor: Actor, raw: ChangeUseCaseStatusInput, now = new Date()) {
  const input = changeUseCaseStatusSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "usecases.manage");
  const programmeId = access.programme.id;

  const current = await db.useCase.findFirst({ where: { id: input.useCaseId, programmeId }, select: useCaseAuditSelect });
  if (!current) throw new NotFoundError("Use case not found.");
  assertStatusChange({ useCase: current, to: input.status, inFlight: await inFlightUseCases(db, programmeId) });

  return db.$transaction(async (tx) => {
    await lockProgrammeForUseCases(tx, programmeId);
    const before = await lockUseCase(tx, programmeId, input.useCaseId);
    if (!before) throw new NotFoundError("Use case not found.");
    assertStatusChange({ useCase: before, to: input.status, inFlight: await inFlightUseCases(tx, programmeId) });

    const startsPoc = input.status === "POC" && before.status !== "PILOT";
    const after = await tx.useCase.update({
      where: { id: before.id },
      data: { status: input.status, ...(startsPoc ? { pocStartedAt: now } : {}) },
      select: useCaseAuditSelect,
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "usecase.status",
      entityType: "UseCase",
      entityId: before.id,
      before: { title: before.title, status: before.status, pocStartedAt: before.pocStartedAt },
      after: { title: after.title, status: after.status, pocStartedAt: after.pocStartedAt },
    });
    return { id: after.id, status: after.status, label: USE_CASE_STATUS_LABELS[after.status], pocStartedAt: after.pocStartedAt };
  });
}
