/** Figures of the weekly report, as text (shared by the page and the PDF). */
export function formatFigure(v: number | null, unit: string): string {
  if (v === null) return "—";
  if (unit === "%") return `${v}%`;
  if (unit === "$") return v < 1 ? `$${v.toFixed(4)}` : `$${v.toLocaleString("en-US", { maximumFractionDigits: 2 })}`;
  if (unit === "ratio") return `${(v * 100).toFixed(1)}%`;
  return Math.round(v).toLocaleString("en-US");
}

export function formatChange(v: number | null, before: number | null, unit: string): string {
  if (v === null || before === null) return "—";
  if (unit === "%") return `${v - before >= 0 ? "+" : ""}${(Math.round((v - before) * 10) / 10).toString()} pts`;
  if (before === 0) return v === 0 ? "0%" : "new";
  const pct = ((v - before) / Math.abs(before)) * 100;
  return `${pct >= 0 ? "+" : ""}${pct.toFixed(1)}%`;
}
