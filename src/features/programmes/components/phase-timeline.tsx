import { clsx } from "clsx";

import type { OverviewSummary } from "@/domain/overview";
import { formatDayMonth as fmt } from "@/lib/format";

/** The four phases as an ordered list: what is done, what is current, what is to come. */
export function PhaseTimeline({
  phases,
  progressPct,
  dayLabel,
}: {
  phases: OverviewSummary["phases"];
  progressPct: number;
  dayLabel: string;
}) {
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between text-sm">
        <span className="font-medium">{dayLabel}</span>
        <span className="text-slate-500">{progressPct}% of the 90-day plan elapsed</span>
      </div>
      <div
        className="h-2 overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-label="Plan elapsed"
        aria-valuenow={progressPct}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div className="h-full bg-brand-600" style={{ width: `${progressPct}%` }} />
      </div>
      <ol className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4" aria-label="Phases">
        {phases.map((p, i) => (
          <li
            key={p.key}
            aria-current={p.state === "current" ? "step" : undefined}
            className={clsx(
              "rounded-md border px-3 py-2",
              p.state === "current" && "border-brand-600 bg-brand-50",
              p.state === "done" && "border-emerald-200 bg-emerald-50",
              p.state === "upcoming" && "border-slate-200 bg-white",
            )}
          >
            <p className="text-xs text-slate-500">
              Phase {i + 1} · {p.state === "done" ? "done" : p.state === "current" ? "current" : "upcoming"}
            </p>
            <p className="text-sm font-medium">{p.name}</p>
            <p className="text-xs text-slate-600">
              {fmt(p.plannedStart)} – {p.plannedEnd ? fmt(p.plannedEnd) : "ongoing"}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
