import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

import { resolveAlertSchema, type ResolveAlertInput } from "../schemas";
import { applyStatusChange } from "./change-cohort-status";
import { assertRollbackAuthority } from "./rollback-authority";

/**
 * Resolves an open rollback alert: roll the cohort back (its status and the dashboard show it; its other open
 * alerts close with it) or accept the alert with a written reason. Only the people with rollback authority may.
 */
export async function resolveRollbackAlert(actor: Actor, raw: ResolveAlertInput, now = new Date()) {
  const input = resolveAlertSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    // The cohorts first, then the alert: the same order as rolling back a cohort, so the two never deadlock.
    await tx.$queryRaw`SELECT "id" FROM "Cohort" WHERE "programmeId" = ${programmeId}::uuid ORDER BY "ordinal" FOR UPDATE`;
    const rows = await tx.$queryRaw<{ id: string; cohortId: string; status: string }[]>`
      SELECT "id"::text AS "id", "cohortId"::text AS "cohortId", "status"::text AS "status" FROM "RollbackAlert"
      WHERE "id" = ${input.alertId}::uuid AND "programmeId" = ${programmeId}::uuid FOR UPDATE`;
    const alert = rows[0];
    if (!alert) throw new NotFoundError("Rollback alert not found.");
    await assertRollbackAuthority(tx, programmeId, access.membership.id);
    if (alert.status !== "OPEN") throw new RuleError("This alert is already resolved.");
    if (input.resolution === "rollBack") {
      await applyStatusChange(tx, access, alert.cohortId, "rollBack", input.reason, now);
      return { alertId: alert.id, status: "ROLLED_BACK" as const };
    }
    await tx.rollbackAlert.update({
      where: { id: alert.id },
      data: { status: "ACCEPTED", resolvedAt: now, resolvedById: actor.id, reason: input.reason },
    });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "rollback-alert.accept",
      entityType: "RollbackAlert",
      entityId: alert.id,
      before: { status: "OPEN" },
      after: { status: "ACCEPTED", reason: input.reason },
    });
    return { alertId: alert.id, status: "ACCEPTED" as const };
  });
}
