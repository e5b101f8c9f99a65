"use client";

import type { UseFormReturn } from "react-hook-form";

import { REVIEW_FUNCTION_LABELS, REVIEW_FUNCTIONS, ROLE_LABELS, ROLES } from "@/domain/enums";

type RoleForm = UseFormReturn<{ roles: string[]; functions: string[] } & Record<string, unknown>>;

/** Role checkboxes, and review-function checkboxes shown when "Gate reviewer" is ticked. */
export function RoleFields({ form, idPrefix }: { form: RoleForm; idPrefix: string }) {
  const roles = form.watch("roles") ?? [];
  const errors = form.formState.errors as { roles?: { message?: string }; functions?: { message?: string } };
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Roles</legend>
        <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-2">
          {ROLES.map((r) => (
            <label key={r} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                value={r}
                id={`${idPrefix}-role-${r}`}
                {...form.register("roles", {
                  // Functions belong to gate reviewers only: dropping the role drops them too.
                  onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
                    if (r === "GATE_REVIEWER" && !e.target.checked) form.setValue("functions", []);
                  },
                })}
              />
              {ROLE_LABELS[r]}
            </label>
          ))}
        </div>
        {errors.roles?.message && (
          <p className="mt-1 text-xs font-medium text-red-700" role="alert">
            {errors.roles.message}
          </p>
        )}
      </fieldset>
      {(roles.includes("GATE_REVIEWER") || errors.functions) && (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Review functions</legend>
          <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-2">
            {REVIEW_FUNCTIONS.map((f) => (
              <label key={f} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" value={f} id={`${idPrefix}-fn-${f}`} {...form.register("functions")} />
                {REVIEW_FUNCTION_LABELS[f]}
              </label>
            ))}
          </div>
          {errors.functions?.message && (
            <p className="mt-1 text-xs font-medium text-red-700" role="alert">
              {errors.functions.message}
            </p>
          )}
        </fieldset>
      )}
    </div>
  );
}
