import "server-only";

import { db } from "@/server/db";

/**
 * Scope creep for the overview: how many changes of scope were made after a use case's POC started,
 * and which use cases they touched (most changes first). The caller has authorized the programme.
 */
export async function countScopeCreep(
  programmeId: string,
): Promise<{ changes: number; useCases: { id: string; title: string; changes: number }[] }> {
  const groups = await db.useCaseScopeChange.groupBy({
    by: ["useCaseId"],
    where: { programmeId, scopeCreep: true },
    _count: { _all: true },
  });
  if (groups.length === 0) return { changes: 0, useCases: [] };
  const titles = await db.useCase.findMany({
    where: { programmeId, id: { in: groups.map((g) => g.useCaseId) } },
    select: { id: true, title: true },
  });
  const title = new Map(titles.map((t) => [t.id, t.title]));
  const useCases = groups
    .map((g) => ({ id: g.useCaseId, title: title.get(g.useCaseId) ?? "", changes: g._count._all }))
    .sort((a, b) => b.changes - a.changes || a.title.localeCompare(b.title, "en", { sensitivity: "base" }));
  return { changes: useCases.reduce((n, u) => n + u.changes, 0), useCases };
}
