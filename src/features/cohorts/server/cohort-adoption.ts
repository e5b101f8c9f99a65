import "server-only";

import { utcDateOf } from "@/domain/template";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { cohortAdoptionSchema, type CohortAdoption } from "../api-schemas";
import { cohortAdoption, measuredAsOf } from "./measure";

/** The shape of one cohort's adoption, for other features' API schemas (the metrics API). */
export { cohortAdoptionSchema };

/** Each cohort's active people over the 7 days to `asOf` against its own seats (at most 20 cohorts, one query each). */
export async function listCohortAdoption(programmeId: string, asOf: Date): Promise<CohortAdoption[]> {
  const cohorts = await db.cohort.findMany({
    where: { programmeId },
    orderBy: { ordinal: "asc" },
    take: 20,
    select: { key: true, name: true, ordinal: true, status: true, plannedSeats: true, _count: { select: { people: true } } },
  });
  const out: CohortAdoption[] = [];
  for (const c of cohorts) {
    const a = await cohortAdoption(db, programmeId, { ...c, peopleCount: c._count.people }, utcDateOf(asOf));
    out.push({ key: c.key, name: c.name, ordinal: c.ordinal, status: c.status, ...a });
  }
  return out;
}

/** The dashboard's cohort panel: measured to the last day of usage data. */
export async function getCohortAdoptionPanel(actor: Actor, programmeSlug: string, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const asOf = await measuredAsOf(db, access.programme.id, now);
  return { licensedSeats: access.programme.licensedSeats, cohorts: await listCohortAdoption(access.programme.id, asOf) };
}
