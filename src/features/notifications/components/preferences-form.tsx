"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { FormError } from "@/components/ui/field";
import { DELIVERIES, DELIVERY_LABELS, type Delivery } from "@/server/notifications/kinds";

import { setNotificationPreferenceAction } from "../actions";

export interface PreferenceEntry {
  kind: string;
  label: string;
  description: string;
  delivery: Delivery;
}

/** One group of radio buttons per kind; a change is saved at once (arrow keys move within a group). */
export function PreferencesForm({ rows }: { rows: PreferenceEntry[] }) {
  const save = useAction(setNotificationPreferenceAction);
  const [values, setValues] = useState<Record<string, Delivery>>(() => Object.fromEntries(rows.map((r) => [r.kind, r.delivery])));
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      <FormError message={save.result.serverError} />
      <p role="status" className="min-h-5 text-sm text-emerald-800">
        {saved && !save.isPending ? `Saved: ${saved}` : ""}
      </p>
      {rows.map((r) => (
        <fieldset key={r.kind} className="rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 font-medium text-slate-900">{r.label}</legend>
          <p className="mb-3 text-sm text-slate-600">{r.description}</p>
          <div className="flex flex-col gap-2 sm:flex-row sm:gap-6">
            {DELIVERIES.map((d) => (
              <label key={d} className="inline-flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={r.kind}
                  value={d}
                  checked={values[r.kind] === d}
                  onChange={() => {
                    setValues((v) => ({ ...v, [r.kind]: d }));
                    setSaved(`${r.label}: ${DELIVERY_LABELS[d].toLowerCase()}`);
                    save.execute({ kind: r.kind, delivery: d });
                  }}
                  className="h-4 w-4"
                />
                {DELIVERY_LABELS[d]}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
