import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { removeHourlyCostSchema, setHourlyCostSchema, type RemoveHourlyCostInput, type SetHourlyCostInput } from "../../schemas";

/**
 * Sets what an hour costs for a department, or for the whole programme (department ""), so minutes saved
 * become an estimated value in money (programme managers: "costs.manage"). Setting it again replaces it:
 * one row per department, settled by the unique key (concurrent saves leave the last one).
 */
export async function setHourlyCost(actor: Actor, raw: SetHourlyCostInput) {
  const input = setHourlyCostSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "costs.manage");
  const programmeId = access.programme.id;
  const usdPerHour = Math.round(input.usdPerHour * 100) / 100;
  return db.$transaction(async (tx) => {
    const before = await tx.hourlyCost.findUnique({
      where: { programmeId_department: { programmeId, department: input.department } },
      select: { usdPerHour: true },
    });
    const row = await tx.hourlyCost.upsert({
      where: { programmeId_department: { programmeId, department: input.department } },
      create: { programmeId, department: input.department, usdPerHour },
      update: { usdPerHour, updatedAt: new Date() },
      select: { id: true, department: true, usdPerHour: true },
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "hourly_cost.set",
      entityType: "HourlyCost",
      entityId: row.id,
      before: before ? { department: input.department, usdPerHour: before.usdPerHour } : undefined,
      after: { department: input.department, usdPerHour },
    });
    return row;
  });
}

/** Removes a department's hourly cost (its minutes then use the programme's, if set). */
export async function removeHourlyCost(actor: Actor, raw: RemoveHourlyCostInput) {
  const input = removeHourlyCostSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "costs.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const row = await tx.hourlyCost.findUnique({
      where: { programmeId_department: { programmeId, department: input.department } },
      select: { id: true, usdPerHour: true },
    });
    if (!row)
      throw new NotFoundError(
        input.department ? `No hourly cost is set for ${input.department}.` : "No programme-wide hourly cost is set.",
      );
    await tx.hourlyCost.delete({ where: { id: row.id } });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "hourly_cost.remove",
      entityType: "HourlyCost",
      entityId: row.id,
      before: { department: input.department, usdPerHour: row.usdPerHour },
    });
    return { removed: true as const };
  });
}
