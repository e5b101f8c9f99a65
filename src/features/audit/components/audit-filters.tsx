import Link from "next/link";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

import type { AuditFilters } from "../schemas";

interface Options {
  actors: { id: string; name: string }[];
  actions: { value: string; label: string }[];
  types: { value: string; label: string }[];
  gates: { id: string; label: string }[];
}

function Select({ id, label, value, children }: { id: string; label: string; value?: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={`audit-${id}`} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={`audit-${id}`} name={id} defaultValue={value ?? ""} className={inputClass()}>
        {children}
      </select>
    </div>
  );
}

/** The audit page's filters: a plain GET form, so a filtered view is a link a reviewer can share. */
export function AuditFiltersForm({ slug, filters, options }: { slug: string; filters: AuditFilters; options: Options }) {
  return (
    <form
      method="get"
      action={`/programmes/${slug}/audit`}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-7 lg:items-end"
      aria-label="Filter events"
    >
      <Select id="actor" label="Who" value={filters.actor}>
        <option value="">Anyone</option>
        {options.actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
        <option value="none">No person (system, CLI, demo)</option>
      </Select>
      <Select id="type" label="Record type" value={filters.type}>
        <option value="">Any record</option>
        {options.types.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </Select>
      <Select id="action" label="Action" value={filters.action}>
        <option value="">Any action</option>
        {options.actions.map((a) => (
          <option key={a.value} value={a.value}>
            {a.label}
          </option>
        ))}
      </Select>
      <Select id="gate" label="Gate" value={filters.gate}>
        <option value="">Any gate</option>
        {options.gates.map((g) => (
          <option key={g.id} value={g.id}>
            {g.label}
          </option>
        ))}
      </Select>
      <div className="space-y-1">
        <label htmlFor="audit-from" className="block text-xs font-medium text-slate-700">
          From
        </label>
        <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass()} />
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-to" className="block text-xs font-medium text-slate-700">
          To
        </label>
        <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass()} />
      </div>
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        <Link href={`/programmes/${slug}/audit`} className="self-center text-sm font-medium text-brand-700 hover:underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
