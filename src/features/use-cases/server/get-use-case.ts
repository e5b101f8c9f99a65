import "server-only";

import { POC_OR_LATER, rankUseCases, STATUS_MOVES } from "@/domain/use-cases";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { inFlightUseCases, listOwnerChoices, useCaseSelect } from "./use-case-state";

/** One use case with its rank, the moves open to it, and its scope-change log (newest first). */
export async function getUseCase(actor: Actor, programmeSlug: string, useCaseId: string) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  if (!/^[0-9a-f-]{36}$/i.test(useCaseId)) throw new NotFoundError("Use case not found.");
  const row = await db.useCase.findFirst({ where: { id: useCaseId, programmeId }, select: useCaseSelect });
  if (!row) throw new NotFoundError("Use case not found.");
  const [all, scopeLog, inFlight, members] = await Promise.all([
    db.useCase.findMany({ where: { programmeId }, select: { id: true, title: true, status: true, businessValue: true, complexity: true } }),
    db.useCaseScopeChange.findMany({
      where: { programmeId, useCaseId },
      orderBy: [{ changedAt: "desc" }, { id: "asc" }],
      select: { id: true, field: true, before: true, after: true, changedBy: true, changedAt: true, scopeCreep: true },
    }),
    inFlightUseCases(db, programmeId),
    listOwnerChoices(programmeId),
  ]);
  const ranked = rankUseCases(all).find((r) => r.id === useCaseId);
  const { owner, ...useCase } = row;
  return {
    access,
    useCase: {
      ...useCase,
      ownerName: owner?.user.name ?? null,
      ownerEmail: owner?.user.email ?? null,
      rank: ranked?.rank ?? null,
      score: ranked?.score ?? null,
      top3: ranked?.top3 ?? false,
    },
    moves: STATUS_MOVES[useCase.status],
    pocStarted: useCase.pocStartedAt !== null,
    inPocOrLater: POC_OR_LATER.includes(useCase.status),
    inFlight: inFlight.map((u) => ({ id: u.id, title: u.title })),
    scopeLog,
    members,
    canManage: access.can("usecases.manage"),
  };
}
