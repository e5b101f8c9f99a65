import { clsx } from "clsx";

import type { MaturityProperty } from "@/domain/workflows";

/** Five dots, one per property, with a readable summary for screen readers and a tooltip of what is missing. */
export function MaturityDots({ properties }: { properties: MaturityProperty[] }) {
  const met = properties.filter((p) => p.met).length;
  const missing = properties.filter((p) => !p.met).map((p) => p.label.toLowerCase());
  const summary = `${met} of ${properties.length}${missing.length ? `; not yet ${missing.join(", ")}` : ""}`;
  return (
    <span className="inline-flex items-center gap-2" title={summary}>
      <span className="inline-flex gap-0.5" aria-hidden>
        {properties.map((p) => (
          <span key={p.key} className={clsx("size-2.5 rounded-full", p.met ? "bg-emerald-500" : "bg-slate-200")} />
        ))}
      </span>
      <span className="text-xs tabular-nums text-slate-600">
        {met}/{properties.length}
        <span className="sr-only"> mature: {summary}</span>
      </span>
    </span>
  );
}

/** The five properties as a checklist, each with what is missing. */
export function MaturityChecklist({ properties }: { properties: MaturityProperty[] }) {
  return (
    <ul className="space-y-2 text-sm" aria-label="Maturity">
      {properties.map((p) => (
        <li key={p.key} className="flex gap-2">
          <span
            aria-hidden
            className={clsx(
              "mt-0.5 inline-flex size-4 shrink-0 items-center justify-center rounded-full text-[10px] font-bold text-white",
              p.met ? "bg-emerald-500" : "bg-slate-300",
            )}
          >
            {p.met ? "✓" : ""}
          </span>
          <span>
            <span className="font-medium">{p.label}</span>
            <span className="sr-only">{p.met ? ": yes" : ": not yet"}</span>
            {!p.met && <span className="block text-xs text-slate-600">Missing: {p.missing.join("; ")}.</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
