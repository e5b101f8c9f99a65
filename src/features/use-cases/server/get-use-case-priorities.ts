import "server-only";

import { isInFlight, quadrantOf, rankUseCases } from "@/domain/use-cases";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

/** The force-ranked list (top three marked) and the priority matrix: every scored use case that is not parked. */
export async function getUseCasePriorities(actor: Actor, programmeSlug: string) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  const all = await db.useCase.findMany({
    where: { programmeId },
    select: {
      id: true,
      title: true,
      businessFunction: true,
      status: true,
      businessValue: true,
      complexity: true,
      ownerId: true,
      owner: { select: { user: { select: { name: true } } } },
    },
    orderBy: { title: "asc" },
  });
  const ranked = rankUseCases(all).map(({ owner, ...u }) => ({
    ...u,
    businessValue: u.businessValue!,
    complexity: u.complexity!,
    ownerName: owner?.user.name ?? null,
    quadrant: quadrantOf(u.businessValue!, u.complexity!),
  }));
  return {
    access,
    ranked,
    parked: all.filter((u) => u.status === "PARKED").map((u) => ({ id: u.id, title: u.title })),
    unscored: all
      .filter((u) => u.status !== "PARKED" && (u.businessValue === null || u.complexity === null))
      .map((u) => ({ id: u.id, title: u.title })),
    inFlight: all.filter((u) => isInFlight(u.status)).map((u) => u.title),
  };
}
