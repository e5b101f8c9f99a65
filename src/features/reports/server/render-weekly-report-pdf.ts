import "server-only";

import { GATE_STATUS_LABELS, LEVEL_LABELS } from "@/domain/enums";
import { formatChange, formatFigure } from "@/lib/format";
import { newPdf } from "@/server/pdf";

import { narrativeParagraphs, narrativeProvenance } from "../narrative";
import type { WeeklyReport } from "./get-weekly-report";

export async function renderWeeklyReportPdf(r: WeeklyReport, generatedAt = new Date()): Promise<Uint8Array> {
  const p = r.access.programme;
  const { w } = await newPdf(`${p.name} — weekly report, week ${r.week}`, generatedAt);
  const grey: [number, number, number] = [0.35, 0.38, 0.45];
  w.text(`${p.organisation} · ${p.name}`, { color: grey });
  w.text(`Weekly sponsor report: week ${r.week}`, { size: 16, bold: true, gap: 4 });
  w.text(`${r.range.from} to ${r.range.to} (UTC) · generated ${generatedAt.toISOString()}`, { color: grey });
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
  w.text("Gates", { size: 12, bold: true, gap: 4 });
  for (const g of r.gates) w.text(`${g.name}: ${GATE_STATUS_LABELS[g.status]} (planned ${g.plannedDate.toISOString().slice(0, 10)})`);
  w.space();
  w.text("Top risks", { size: 12, bold: true, gap: 4 });
  for (const k of r.topRisks)
    w.text(`${k.title} — ${LEVEL_LABELS[k.probability]} probability, ${LEVEL_LABELS[k.impact]} impact; owner: ${k.ownerName ?? "none"}`);
  w.space();
  w.text(`Milestones hit (${r.milestonesHit.length})`, { size: 12, bold: true, gap: 4 });
  for (const m of r.milestonesHit) w.text(`Week ${m.week}: ${m.title}`);
  w.space();
  w.text(`Milestones slipped (${r.milestonesSlipped.length})`, { size: 12, bold: true, gap: 4 });
  for (const m of r.milestonesSlipped) w.text(`Week ${m.week}: ${m.title} (due ${m.dueDate.toISOString().slice(0, 10)})`);
  w.space();
  w.text("Sponsor review", { size: 12, bold: true, gap: 4 });
  if (r.reviews.length === 0) w.text("Not reviewed by the sponsor yet.");
  for (const v of r.reviews) w.text(`Reviewed by ${v.reviewedBy} on ${v.reviewedAt.toISOString()}${v.note ? `: ${v.note}` : ""}`);
  return w.save();
}
