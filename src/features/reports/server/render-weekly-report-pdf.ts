import "server-only";

import { GATE_STATUS_LABELS, LEVEL_LABELS } from "@/domain/enums";
import {
  formatChange,
  formatCount,
  formatDate,
  formatDateTime,
  formatDay,
  formatFigure,
  formatRoi,
  formatUsd,
  formatUsdWhole,
} from "@/lib/format";
import { newPdf } from "@/server/pdf";

import { narrativeParagraphs, narrativeProvenance } from "../narrative";
import type { WeeklyReport } from "./get-weekly-report";
import { drawChart } from "./pdf-charts";

export async function renderWeeklyReportPdf(r: WeeklyReport, generatedAt = new Date()): Promise<Uint8Array> {
  const p = r.access.programme;
  const { w } = await newPdf(`${p.name} — weekly report, week ${r.week}`, generatedAt);
  const grey: [number, number, number] = [0.35, 0.38, 0.45];
  w.text(`${p.organisation} · ${p.name}`, { color: grey });
  w.text(`Weekly sponsor report: week ${r.week}`, { size: 16, bold: true, gap: 4 });
  w.text(
    `${formatDay(r.range.from)} to ${formatDate(new Date(`${r.range.to}T00:00:00Z`))} (UTC) · generated ${formatDateTime(generatedAt)}`,
    {
      color: grey,
    },
  );
  w.space();
  // The narrative goes into the PDF only once a person has published it; a draft never does.
  const n = r.narrative?.status === "PUBLISHED" ? r.narrative : null;
  if (n) {
    w.text("Summary", { size: 12, bold: true, gap: 4 });
    for (const para of narrativeParagraphs(n.text)) w.text(para, { gap: 5 });
    w.text(narrativeProvenance(n), { color: grey });
    w.space();
  }
  w.text("Metrics, and change from the week before", { size: 12, bold: true, gap: 4 });
  for (const f of r.figures)
    w.text(`${f.label}: ${formatFigure(f.value, f.unit)} (${formatChange(f.value, f.before, f.unit)}) — ${f.basis}`);
  w.space();
  const v = r.value;
  w.text("Value and return on cost (estimated)", { size: 12, bold: true, gap: 4 });
  w.text(
    v.valueUsd === null
      ? `No hourly cost is set: ${formatCount(v.minutesSaved)} minutes saved are not turned into money.`
      : `Value of time saved ${formatUsd(v.valueUsd)} (estimated: ${formatCount(v.valuedMinutes)} minutes × hourly cost) against cost ${formatUsd(v.costUsd)} (API ${formatUsd(v.apiCostUsd)}, seats ${v.seatCostUsd === null ? "not counted" : formatUsd(v.seatCostUsd)}): net ${formatUsd(v.netUsd)}, ROI ${formatRoi(v.roi)}.`,
  );
  w.space();
  if (r.trend.length > 0) {
    drawChart(w, {
      title: `Adoption: 28-day active users, % of licensed seats (${formatDay(r.trend[0]!.day)} to ${formatDay(r.trend.at(-1)!.day)})`,
      points: r.trend.map((d) => ({ day: d.day, value: d.active28Pct })),
      kind: "line",
      color: [0.12, 0.37, 0.75],
      yTicks: [0, 20, 40, 60, 80, 100],
      formatY: (n) => `${n}%`,
      refs: [
        { value: 60, label: "60%: on track", color: [0.02, 0.59, 0.41] },
        { value: 30, label: "30%: in trouble", color: [0.86, 0.15, 0.15] },
      ],
      seriesLabel: `28-day active (${r.adoption.label})`,
    });
    w.space(6);
    drawChart(w, {
      title: "API cost per day (USD)",
      points: r.trend.map((d) => ({ day: d.day, value: d.costUsd })),
      kind: "bars",
      color: [0.71, 0.33, 0.04],
      // One form for every tick: cents when any tick has them ($0.50, $1.00, $1.50), whole dollars otherwise.
      formatY: (n, ticks) => (ticks.some((t) => t % 1 !== 0) ? formatUsd(n) : formatUsdWhole(n)),
      seriesLabel: "API cost, measured",
    });
    w.space();
  }
  w.text("Gates", { size: 12, bold: true, gap: 4 });
  for (const g of r.gates) w.text(`${g.name}: ${GATE_STATUS_LABELS[g.status]} (planned ${formatDate(g.plannedDate)})`);
  w.space();
  w.text("Top risks", { size: 12, bold: true, gap: 4 });
  for (const k of r.topRisks)
    w.text(`${k.title} — ${LEVEL_LABELS[k.probability]} probability, ${LEVEL_LABELS[k.impact]} impact; owner: ${k.ownerName ?? "none"}`);
  w.space();
  w.text(`Milestones hit (${r.milestonesHit.length})`, { size: 12, bold: true, gap: 4 });
  for (const m of r.milestonesHit) w.text(`Week ${m.week}: ${m.title}`);
  w.space();
  w.text(`Milestones slipped (${r.milestonesSlipped.length})`, { size: 12, bold: true, gap: 4 });
  for (const m of r.milestonesSlipped) w.text(`Week ${m.week}: ${m.title} (due ${formatDate(m.dueDate)})`);
  w.space();
  w.text("Sponsor review", { size: 12, bold: true, gap: 4 });
  if (r.reviews.length === 0) w.text("Not reviewed by the sponsor yet.");
  for (const v of r.reviews) w.text(`Reviewed by ${v.reviewedBy} on ${formatDateTime(v.reviewedAt)}${v.note ? `: ${v.note}` : ""}`);
  return w.save();
}
