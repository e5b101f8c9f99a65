import { GATE_STATUS_LABELS, LEVEL_LABELS, type GateStatus, type Level } from "@/domain/enums";
import { formatChange, formatFigure } from "@/lib/format";

/**
 * The weekly report's narrative, drafted by Claude: the model, the system prompt, and the week's facts
 * as compact structured text (the figures formatted exactly as the page and the PDF show them, so the
 * narrative can quote them and has no reason to compute its own).
 */

/** The model that drafts narratives (in the seeded price table). */
export const NARRATIVE_MODEL = "claude-sonnet-4-6";
/** Room for about 250 words with margin; a draft cut at the limit is still a draft a person edits. */
export const NARRATIVE_MAX_TOKENS = 1024;
export const NARRATIVE_MAX_CHARS = 10_000;

export const NARRATIVE_SYSTEM_PROMPT = [
  "You draft the narrative of a weekly report to the executive sponsor of an enterprise Claude deployment programme.",
  "Write three or four short paragraphs of plain text (no headings, no lists, no Markdown), under 250 words in all: where the programme stands, what changed since the week before, and what needs the sponsor's attention.",
  'Use only the facts given. Do not invent, estimate, round or compute numbers, percentages, dates or names: quote figures exactly as written in the facts, or leave them out. A figure shown as "—" is not available; say so only if it matters.',
  "Do not speculate about causes the facts do not state. Be factual and calm; no praise, no marketing language.",
  "A person will check and edit your draft before it is published.",
].join("\n");

export interface NarrativeFactsInput {
  programme: { name: string; organisation: string; licensedSeats: number };
  week: number;
  range: { from: string; to: string };
  figures: { label: string; value: number | null; before: number | null; unit: string; basis: string }[];
  gates: { name: string; status: GateStatus; plannedDate: Date }[];
  topRisks: { title: string; probability: Level; impact: Level; ownerName: string | null }[];
  milestonesHit: { week: number; title: string }[];
  milestonesSlipped: { week: number; title: string; dueDate: Date }[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The week's facts, as the user message of the drafting request. */
export function weeklyReportFacts(r: NarrativeFactsInput, today: Date): string {
  const lines: string[] = [
    `Programme: ${r.programme.name} (${r.programme.organisation}); ${r.programme.licensedSeats} licensed seats.`,
    `Report: programme week ${r.week}, ${r.range.from} to ${r.range.to} (UTC).`,
    "",
    `Metrics of week ${r.week} (value; change from the week before; how it is measured):`,
    ...r.figures.map(
      (f) => `- ${f.label}: ${formatFigure(f.value, f.unit)}; change ${formatChange(f.value, f.before, f.unit)}; ${f.basis}`,
    ),
    "",
    `Gates (status on ${iso(today)}):`,
    ...r.gates.map((g) => `- ${g.name}: ${GATE_STATUS_LABELS[g.status]}; planned ${iso(g.plannedDate)}`),
    "",
    "Top open risks (highest probability × impact first):",
    ...(r.topRisks.length
      ? r.topRisks.map(
          (k) =>
            `- ${k.title}: ${LEVEL_LABELS[k.probability]} probability, ${LEVEL_LABELS[k.impact]} impact; owner: ${k.ownerName ?? "none"}`,
        )
      : ["- none"]),
    "",
    `Milestones completed in week ${r.week} (${r.milestonesHit.length}):`,
    ...(r.milestonesHit.length ? r.milestonesHit.map((m) => `- Week ${m.week}: ${m.title}`) : ["- none"]),
    "",
    `Milestones slipped: not done and due by ${r.range.to} (${r.milestonesSlipped.length}):`,
    ...(r.milestonesSlipped.length ? r.milestonesSlipped.map((m) => `- Week ${m.week}: ${m.title}; due ${iso(m.dueDate)}`) : ["- none"]),
  ];
  return lines.join("\n");
}

/** The narrative's paragraphs (split on blank lines), for the page and the PDF. */
export function narrativeParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);
}

/** Who wrote and published a narrative, in one line: "Drafted with Claude (claude-sonnet-4-6); edited by …; published by … on …". */
export function narrativeProvenance(n: {
  draftedByModel: string | null;
  editedBy: string | null;
  publishedBy: string | null;
  publishedAt: Date | null;
}): string {
  const parts = [
    n.draftedByModel ? `Drafted with Claude (${n.draftedByModel})` : null,
    n.editedBy ? `${n.draftedByModel ? "edited" : "written"} by ${n.editedBy}` : n.draftedByModel ? "not edited" : null,
    n.publishedBy && n.publishedAt
      ? `published by ${n.publishedBy} on ${n.publishedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`
      : null,
  ].filter(Boolean);
  const line = parts.join("; ");
  return line.charAt(0).toUpperCase() + line.slice(1) + ".";
}
