import { clsx } from "clsx";

import { MILESTONE_STATUS_LABELS, PHASE_KEYS, PHASE_LABELS } from "@/domain/enums";
import { formatDate } from "@/lib/format";

import type { MilestoneRow } from "./milestone-table";

const chip = (m: MilestoneRow) =>
  m.status === "DONE"
    ? "border-emerald-300 bg-emerald-50 text-emerald-900"
    : m.slipped
      ? "border-amber-400 bg-amber-50 text-amber-900"
      : m.status === "BLOCKED"
        ? "border-red-300 bg-red-50 text-red-900"
        : m.status === "IN_PROGRESS"
          ? "border-sky-300 bg-sky-50 text-sky-900"
          : "border-slate-300 bg-white text-slate-800";

/** Phases down, weeks across: each milestone in its week, today's week marked. Scrolls sideways on a phone. */
export function MilestoneTimeline({ weeks, todayWeek }: { weeks: { week: number; milestones: MilestoneRow[] }[]; todayWeek: number }) {
  const columns = `8rem repeat(${weeks.length}, minmax(7rem, 1fr))`;
  return (
    <div className="overflow-x-auto" role="region" aria-label="Timeline by week" tabIndex={0}>
      <div className="grid min-w-max gap-px bg-slate-200 text-xs" style={{ gridTemplateColumns: columns }}>
        <div className="bg-white p-2 font-medium text-slate-700">Phase</div>
        {weeks.map((w) => (
          <div
            key={w.week}
            className={clsx("p-2 font-medium", w.week === todayWeek ? "bg-brand-50 text-brand-800" : "bg-white text-slate-700")}
          >
            Week {w.week}
            {w.week === todayWeek && <span className="block font-normal">this week</span>}
          </div>
        ))}
        {PHASE_KEYS.map((phase) => (
          <div key={phase} className="contents">
            <div className="bg-white p-2 font-medium text-slate-800">{PHASE_LABELS[phase]}</div>
            {weeks.map((w) => (
              <div key={w.week} className={clsx("space-y-1 p-1", w.week === todayWeek ? "bg-brand-50/60" : "bg-white")}>
                {w.milestones
                  .filter((m) => m.phase === phase)
                  .map((m) => (
                    <p
                      key={m.id}
                      className={clsx("rounded border px-1.5 py-1 leading-snug", chip(m))}
                      title={`${m.title}: ${MILESTONE_STATUS_LABELS[m.status]}, due ${formatDate(m.dueDate)}`}
                    >
                      {m.title}
                      <span className="block">
                        {MILESTONE_STATUS_LABELS[m.status]}
                        {m.slipped ? ` · ${m.daysLate} days late` : ""}
                      </span>
                    </p>
                  ))}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
