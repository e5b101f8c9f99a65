"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { Td, Th, Tr } from "@/components/ui/table";
import { formatUsd } from "@/lib/format";

import { deleteDepartmentBudgetAction, saveDepartmentBudgetAction } from "../actions";
import { saveDepartmentBudgetSchema } from "../schemas";

export interface DepartmentBudgetView {
  id: string;
  department: string;
  monthlyAmount: number;
  ownerId: string | null;
  ownerName: string | null;
}

/** Add a department budget, or change one (department, monthly amount, owner). */
export function DepartmentBudgetForm({
  programmeSlug,
  members,
  budget,
  onDone,
}: {
  programmeSlug: string;
  members: { id: string; name: string }[];
  budget?: DepartmentBudgetView;
  onDone?: () => void;
}) {
  const defaults = {
    programmeSlug,
    budgetId: budget?.id ?? null,
    department: budget?.department ?? "",
    monthlyAmount: budget?.monthlyAmount ?? ("" as unknown as number),
    ownerId: budget?.ownerId ?? null,
  };
  const { form, action, handleSubmitWithAction } = useHookFormAction(saveDepartmentBudgetAction, zodResolver(saveDepartmentBudgetSchema), {
    formProps: { defaultValues: defaults },
    actionProps: {
      onSuccess: () => {
        if (!budget) form.reset(defaults);
        onDone?.();
      },
    },
  });
  const errors = form.formState.errors;
  const id = (f: string) => `dept-${budget?.id ?? "new"}-${f}`;
  return (
    <form
      method="post"
      onSubmit={handleSubmitWithAction}
      noValidate
      className="space-y-3"
      aria-label={budget ? `Budget of ${budget.department}` : "Add a department budget"}
    >
      <FormError message={action.result.serverError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id("department")} label="Department" error={errors.department?.message}>
          <input
            id={id("department")}
            className={inputClass(!!errors.department)}
            aria-invalid={!!errors.department}
            aria-describedby={describedBy(id("department"), errors.department?.message)}
            {...form.register("department")}
          />
        </Field>
        <Field id={id("amount")} label="Monthly budget (USD)" error={errors.monthlyAmount?.message}>
          <input
            id={id("amount")}
            type="number"
            min={0}
            step="100"
            inputMode="decimal"
            className={inputClass(!!errors.monthlyAmount)}
            aria-invalid={!!errors.monthlyAmount}
            aria-describedby={describedBy(id("amount"), errors.monthlyAmount?.message)}
            {...form.register("monthlyAmount")}
          />
        </Field>
        <Field id={id("owner")} label="Owner" error={errors.ownerId?.message}>
          <select
            id={id("owner")}
            className={inputClass(!!errors.ownerId)}
            aria-invalid={!!errors.ownerId}
            {...form.register("ownerId", { setValueAs: (v: string | null) => v || null })}
          >
            <option value="">No owner</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit" pending={action.isPending}>
          {budget ? "Save budget" : "Add budget"}
        </Button>
        {budget && (
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              action.reset();
              onDone?.();
            }}
          >
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

/** One row of the department budget table; the programme manager edits or deletes it in place. */
export function DepartmentBudgetRow({
  programmeSlug,
  budget,
  members,
  canManage,
}: {
  programmeSlug: string;
  budget: DepartmentBudgetView;
  members: { id: string; name: string }[];
  canManage: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useAction(deleteDepartmentBudgetAction);
  if (editing)
    return (
      <Tr>
        <Td colSpan={canManage ? 4 : 3}>
          <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
            <DepartmentBudgetForm programmeSlug={programmeSlug} members={members} budget={budget} onDone={() => setEditing(false)} />
          </div>
        </Td>
      </Tr>
    );
  return (
    <Tr>
      <Th scope="row">{budget.department}</Th>
      <Td numeric>{formatUsd(budget.monthlyAmount)}</Td>
      <Td>{budget.ownerName ?? <span className="font-medium text-amber-800">No owner</span>}</Td>
      {canManage && (
        <Td className="text-right">
          {confirming ? (
            <span
              role="alertdialog"
              aria-label={`Delete the budget of ${budget.department}?`}
              className="inline-flex flex-wrap items-center justify-end gap-2"
            >
              <FormError message={remove.result.serverError} />
              <Button variant="danger" pending={remove.isPending} onClick={() => remove.execute({ programmeSlug, budgetId: budget.id })}>
                Delete
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </span>
          ) : (
            <span className="inline-flex gap-2">
              <Button variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit the budget of ${budget.department}`}>
                Edit
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(true)} aria-label={`Delete the budget of ${budget.department}`}>
                Delete
              </Button>
            </span>
          )}
        </Td>
      )}
    </Tr>
  );
}
