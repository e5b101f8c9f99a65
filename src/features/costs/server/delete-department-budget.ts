import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { deleteDepartmentBudgetSchema, type DeleteDepartmentBudgetInput } from "../schemas";

export async function deleteDepartmentBudget(actor: Actor, raw: DeleteDepartmentBudgetInput) {
  const input = deleteDepartmentBudgetSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "costs.manage");
  const programmeId = access.programme.id;
  return db.$transaction(async (tx) => {
    const before = await tx.departmentBudget.findFirst({
      where: { id: input.budgetId, programmeId },
      select: { id: true, department: true, monthlyAmount: true, ownerId: true },
    });
    if (!before) throw new NotFoundError("Department budget not found.");
    await tx.departmentBudget.delete({ where: { id: before.id } });
    await appendAudit(tx, {
      programmeId,
      actor: auditActor(actor),
      action: "department-budget.delete",
      entityType: "DepartmentBudget",
      entityId: before.id,
      before,
    });
    return { deleted: before.id };
  });
}
