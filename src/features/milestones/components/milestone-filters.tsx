import Link from "next/link";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { MILESTONE_STATUS_LABELS, MILESTONE_STATUSES, PHASE_KEYS, PHASE_LABELS } from "@/domain/enums";
import type { MilestoneFilter } from "@/domain/milestones";

/** Filters by phase, owner and status: a GET form, so a filtered plan is a link. */
export function MilestoneFilters({
  slug,
  view,
  filter,
  members,
}: {
  slug: string;
  view: "table" | "timeline";
  filter: MilestoneFilter;
  members: { id: string; name: string }[];
}) {
  return (
    <form method="get" action={`/programmes/${slug}/milestones`} className="flex flex-wrap items-end gap-3" aria-label="Filter milestones">
      {view === "timeline" && <input type="hidden" name="view" value="timeline" />}
      <div className="space-y-1">
        <label htmlFor="mf-phase" className="block text-xs font-medium text-slate-700">
          Phase
        </label>
        <select id="mf-phase" name="phase" defaultValue={filter.phase ?? ""} className={inputClass()}>
          <option value="">Every phase</option>
          {PHASE_KEYS.map((p) => (
            <option key={p} value={p}>
              {PHASE_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="mf-owner" className="block text-xs font-medium text-slate-700">
          Owner
        </label>
        <select id="mf-owner" name="owner" defaultValue={filter.owner ?? ""} className={inputClass()}>
          <option value="">Anyone</option>
          <option value="none">No owner</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="mf-status" className="block text-xs font-medium text-slate-700">
          Status
        </label>
        <select id="mf-status" name="status" defaultValue={filter.status ?? ""} className={inputClass()}>
          <option value="">Any status</option>
          {MILESTONE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {MILESTONE_STATUS_LABELS[s]}
            </option>
          ))}
          <option value="SLIPPED">Slipped (late, not done)</option>
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Filter
      </Button>
      <Link
        href={`/programmes/${slug}/milestones${view === "timeline" ? "?view=timeline" : ""}`}
        className="self-center text-sm font-medium text-brand-700 hover:underline"
      >
        Clear
      </Link>
    </form>
  );
}
