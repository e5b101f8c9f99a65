import "server-only";

import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { ConflictError, isUniqueViolation, NotFoundError, RuleError } from "@/server/errors";

import { saveDepartmentBudgetSchema, type SaveDepartmentBudgetInput } from "../schemas";

const budgetSelect = { id: true, department: true, monthlyAmount: true, ownerId: true } as const;

/** The programme manager adds or changes a department's monthly budget and its owner (a member). */
export async function saveDepartmentBudget(actor: Actor, raw: SaveDepartmentBudgetInput) {
  const input = saveDepartmentBudgetSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "costs.manage");
  const programmeId = access.programme.id;
  const taken = () => new ConflictError(`${input.department} already has a budget; change that one.`, "department");
  try {
    return await db.$transaction(async (tx) => {
      if (input.ownerId && !(await tx.membership.findFirst({ where: { id: input.ownerId, programmeId }, select: { id: true } })))
        throw new RuleError("The owner must be a member of this programme.", "ownerId");
      const clash = await tx.departmentBudget.findFirst({
        where: {
          programmeId,
          department: { equals: input.department, mode: "insensitive" },
          ...(input.budgetId ? { id: { not: input.budgetId } } : {}),
        },
        select: { id: true },
      });
      if (clash) throw taken();
      const data = { department: input.department, monthlyAmount: input.monthlyAmount, ownerId: input.ownerId };
      if (!input.budgetId) {
        const created = await tx.departmentBudget.create({ data: { programmeId, ...data }, select: budgetSelect });
        await appendAudit(tx, {
          programmeId,
          actor: auditActor(actor),
          action: "department-budget.create",
          entityType: "DepartmentBudget",
          entityId: created.id,
          after: created,
        });
        return created;
      }
      const before = await tx.departmentBudget.findFirst({ where: { id: input.budgetId, programmeId }, select: budgetSelect });
      if (!before) throw new NotFoundError("Department budget not found.");
      const updated = await tx.departmentBudget.update({ where: { id: before.id }, data, select: budgetSelect });
      await appendAudit(tx, {
        programmeId,
        actor: auditActor(actor),
        action: "department-budget.update",
        entityType: "DepartmentBudget",
        entityId: updated.id,
        before,
        after: updated,
      });
      return updated;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
}
