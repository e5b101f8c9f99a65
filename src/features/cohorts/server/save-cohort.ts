import "server-only";

import { cohortKeyOf, cohortMatchKey } from "@/domain/cohorts";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { ConflictError, isUniqueViolation, NotFoundError, RuleError } from "@/server/errors";

import { saveCohortSchema, type SaveCohortInput } from "../schemas";

/** Adds a cohort after the last one, or edits one (its name, kind, seats or traffic share, planned go-live). */
export async function saveCohort(actor: Actor, raw: SaveCohortInput) {
  const input = saveCohortSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "cohorts.manage");
  const programmeId = access.programme.id;
  const key = cohortKeyOf(input.name);
  if (!key) throw new RuleError("Name the cohort with at least one letter or digit.", "name");
  const data = {
    name: input.name,
    key,
    nameKey: cohortMatchKey(input.name),
    kind: input.kind,
    plannedSeats: input.kind === "PEOPLE" ? (input.plannedSeats ?? null) : null,
    trafficSharePct: input.kind === "TRAFFIC" ? (input.trafficSharePct ?? null) : null,
    plannedGoLive: input.plannedGoLive ? new Date(`${input.plannedGoLive}T00:00:00Z`) : null,
  };
  try {
    return await db.$transaction(async (tx) => {
      // Serialises additions, so two cohorts added at once get consecutive places.
      await tx.$queryRaw`SELECT id FROM "Programme" WHERE id = ${programmeId}::uuid FOR UPDATE`;
      if (input.cohortId) {
        const before = await tx.cohort.findFirst({ where: { id: input.cohortId, programmeId } });
        if (!before) throw new NotFoundError("Cohort not found.");
        const cohort = await tx.cohort.update({ where: { id: before.id }, data, select: { id: true, name: true } });
        await appendAudit(tx, {
          programmeId,
          actor: auditActor(actor),
          action: "cohort.update",
          entityType: "Cohort",
          entityId: cohort.id,
          before: { name: before.name, kind: before.kind, plannedSeats: before.plannedSeats, trafficSharePct: before.trafficSharePct },
          after: {
            name: data.name,
            kind: data.kind,
            plannedSeats: data.plannedSeats,
            trafficSharePct: data.trafficSharePct,
            plannedGoLive: input.plannedGoLive,
          },
        });
        return cohort;
      }
      const last = await tx.cohort.findFirst({ where: { programmeId }, orderBy: { ordinal: "desc" }, select: { ordinal: true } });
      const cohort = await tx.cohort.create({
        data: { ...data, programmeId, ordinal: (last?.ordinal ?? 0) + 1 },
        select: { id: true, name: true },
      });
      await appendAudit(tx, {
        programmeId,
        actor: auditActor(actor),
        action: "cohort.create",
        entityType: "Cohort",
        entityId: cohort.id,
        after: { ...data, plannedGoLive: input.plannedGoLive, ordinal: (last?.ordinal ?? 0) + 1 },
      });
      return cohort;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("This programme already has a cohort with that name.", "name");
    throw e;
  }
}
