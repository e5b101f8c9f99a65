import "server-only";

import { rankUseCases } from "@/domain/use-cases";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { toCsv } from "../csv";
import { useCaseSelect } from "./use-case-state";

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The whole inventory as CSV, in rank order (parked and unscored last), owners by email. */
export async function exportUseCases(actor: Actor, programmeSlug: string) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const rows = await db.useCase.findMany({
    where: { programmeId: access.programme.id },
    select: useCaseSelect,
    orderBy: [{ title: "asc" }, { id: "asc" }],
  });
  const ranked = new Map(rankUseCases(rows).map((r) => [r.id, r]));
  const ordered = [...rows].sort((a, b) => (ranked.get(a.id)?.rank ?? Infinity) - (ranked.get(b.id)?.rank ?? Infinity));
  const csv = toCsv(
    ordered.map((u) => ({
      title: u.title,
      businessFunction: u.businessFunction,
      description: u.description,
      businessValue: u.businessValue,
      complexity: u.complexity,
      priorityScore: ranked.get(u.id)?.score ?? null,
      rank: ranked.get(u.id)?.rank ?? null,
      status: u.status,
      successCriteria: u.successCriteria,
      businessSponsor: u.businessSponsor,
      ownerEmail: u.owner?.user.email ?? null,
      ownerName: u.owner?.user.name ?? null,
      claudeProduct: u.claudeProduct,
      model: u.model,
      dataSensitivity: u.dataSensitivity,
      pocStartedAt: isoDate(u.pocStartedAt),
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
    })),
  );
  return { csv, filename: `${access.programme.slug}-use-cases.csv`, count: rows.length };
}
