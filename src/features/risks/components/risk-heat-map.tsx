import { clsx } from "clsx";
import Link from "next/link";

import { LEVEL_LABELS, type Level } from "@/domain/enums";
import type { HeatMapCell } from "@/domain/risk";

const BAND: Record<Level, { cell: string; label: string }> = {
  LOW: { cell: "bg-emerald-50 text-emerald-900 ring-emerald-200", label: "low" },
  MEDIUM: { cell: "bg-amber-50 text-amber-900 ring-amber-200", label: "medium" },
  HIGH: { cell: "bg-red-100 text-red-900 ring-red-200", label: "high" },
};
const IMPACTS: Level[] = ["LOW", "MEDIUM", "HIGH"];

/**
 * The probability × impact heat map as a table: probability down the side (high at the top), impact
 * along the top; each cell says how many risks it holds and links to the register narrowed to them.
 */
export function RiskHeatMap({
  programmeSlug,
  rows,
  selected,
}: {
  programmeSlug: string;
  rows: { probability: Level; cells: HeatMapCell[] }[];
  selected: { probability: Level; impact: Level } | null;
}) {
  return (
    <table className="w-full max-w-xl table-fixed border-separate border-spacing-1 text-sm">
      <caption className="mb-1 text-left text-xs text-slate-600">
        Risks by probability and impact (closed risks are not on the map). Choose a cell to list its risks.
      </caption>
      <thead>
        <tr>
          <td className="w-28" />
          {IMPACTS.map((i) => (
            <th key={i} scope="col" className="px-1 pb-1 text-center text-xs font-medium text-slate-600">
              Impact: {LEVEL_LABELS[i]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.probability}>
            <th scope="row" className="pr-2 text-right text-xs font-medium text-slate-600">
              Probability: {LEVEL_LABELS[row.probability]}
            </th>
            {row.cells.map((c) => {
              const isSelected = selected?.probability === c.probability && selected?.impact === c.impact;
              return (
                <td key={c.impact} className="p-0">
                  <Link
                    href={
                      isSelected
                        ? `/programmes/${programmeSlug}/risks#register`
                        : `/programmes/${programmeSlug}/risks?probability=${c.probability}&impact=${c.impact}#register`
                    }
                    aria-current={isSelected ? "true" : undefined}
                    data-testid={`heat-${c.probability}-${c.impact}`}
                    className={clsx(
                      "flex h-16 flex-col items-center justify-center rounded-md ring-1 ring-inset hover:ring-2 hover:ring-brand-600",
                      BAND[c.band].cell,
                      isSelected && "outline-3 outline-offset-1 outline-brand-600",
                    )}
                  >
                    {/* The link's name is its visible text with the words a screen reader needs around it
                        (WCAG 2.5.3): "Low probability, High impact: 1 risk, score 3 (medium band)". */}
                    <span className="sr-only">
                      {LEVEL_LABELS[c.probability]} probability, {LEVEL_LABELS[c.impact]} impact:{" "}
                    </span>
                    <span className={clsx("text-xl", c.count === 0 ? "font-normal" : "font-semibold")}>{c.count}</span>
                    <span className="sr-only"> {c.count === 1 ? "risk" : "risks"}, </span>
                    <span className="text-[10px] uppercase tracking-wide">score {c.score}</span>
                    <span className="sr-only"> ({BAND[c.band].label} band)</span>
                  </Link>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
