import "server-only";

import { isInFlight, rankUseCases } from "@/domain/use-cases";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { useCaseFiltersSchema, type UseCaseFilters } from "../schemas";
import { listOwnerChoices, useCaseSelect } from "./use-case-state";

/**
 * The inventory, filtered by status, business function, owner (a member, or "unowned") and text
 * (title, description, success criteria, sponsor), each row with its rank among all the programme's
 * use cases and its scope-creep count.
 */
export async function listUseCases(actor: Actor, programmeSlug: string, rawFilters: Record<string, unknown> = {}) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  const filters: UseCaseFilters = useCaseFiltersSchema.parse(rawFilters);
  const where: Prisma.UseCaseWhereInput = {
    programmeId,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.fn ? { businessFunction: { equals: filters.fn, mode: "insensitive" } } : {}),
    ...(filters.owner === "unowned" ? { ownerId: null } : filters.owner ? { ownerId: filters.owner } : {}),
    ...(filters.q
      ? {
          OR: (["title", "description", "successCriteria", "businessSponsor", "businessFunction"] as const).map((f) => ({
            [f]: { contains: filters.q, mode: "insensitive" },
          })),
        }
      : {}),
  };
  const [rows, all, functions, members, creep] = await Promise.all([
    db.useCase.findMany({ where, select: useCaseSelect, orderBy: [{ title: "asc" }] }),
    db.useCase.findMany({
      where: { programmeId },
      select: { id: true, title: true, status: true, businessValue: true, complexity: true, ownerId: true },
    }),
    db.useCase.findMany({
      where: { programmeId },
      distinct: ["businessFunction"],
      select: { businessFunction: true },
      orderBy: { businessFunction: "asc" },
    }),
    listOwnerChoices(programmeId),
    db.useCaseScopeChange.groupBy({ by: ["useCaseId"], where: { programmeId, scopeCreep: true }, _count: { _all: true } }),
  ]);
  const ranked = new Map(rankUseCases(all).map((r) => [r.id, r]));
  const creepBy = new Map(creep.map((c) => [c.useCaseId, c._count._all]));
  const useCases = rows
    .map(({ owner, ...u }) => ({
      ...u,
      ownerName: owner?.user.name ?? null,
      ownerEmail: owner?.user.email ?? null,
      rank: ranked.get(u.id)?.rank ?? null,
      score: ranked.get(u.id)?.score ?? null,
      top3: ranked.get(u.id)?.top3 ?? false,
      scopeCreep: creepBy.get(u.id) ?? 0,
    }))
    // Ranked first, in rank order; then parked and unscored, by title.
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.title.localeCompare(b.title, "en", { sensitivity: "base" }));
  return {
    access,
    filters,
    filtered: Object.values(filters).some((v) => v !== undefined),
    useCases,
    total: all.length,
    inFlight: all.filter((u) => isInFlight(u.status)).length,
    unowned: all.filter((u) => u.status !== "PARKED" && !u.ownerId).length,
    functions: functions.map((f) => f.businessFunction),
    members,
    canManage: access.can("usecases.manage"),
  };
}
