import "server-only";

import { REVIEW_FUNCTION_LABELS } from "@/domain/enums";
import { newPdf } from "@/server/pdf";

import type { GateRecord } from "./get-gate-record";

export async function renderGateRecordPdf(r: GateRecord): Promise<Uint8Array> {
  const { w } = await newPdf(`${r.gate.name}, round ${r.gate.round} — ${r.programme.name}`, r.generatedAt);
  const grey: [number, number, number] = [0.35, 0.38, 0.45];

  w.text(`${r.programme.organisation} · ${r.programme.name}`, { color: grey });
  w.text(`Gate record: ${r.gate.name}, round ${r.gate.round} of ${r.gate.rounds}`, { size: 16, bold: true, gap: 4 });
  w.text(
    `Status: ${r.gate.status.replace("_", " ").toLowerCase()}${r.gate.decision ? ` · decision: ${r.gate.decision.replace("_", " ").toLowerCase()}` : ""}${r.gate.decidedAt ? ` · decided ${r.gate.decidedAt.toISOString()}` : ""}`,
  );
  w.text(`Required sign-offs: ${r.gate.requiredFunctions.map((f) => REVIEW_FUNCTION_LABELS[f]).join(", ")}`);
  w.text(`Generated ${r.generatedAt.toISOString()} (UTC)`, { color: grey });
  w.space();

  w.text("Signature manifests", { size: 12, bold: true, gap: 4 });
  if (r.signOffs.length === 0) w.text("No signatures in this round.");
  for (const s of r.signOffs) {
    w.text(`${s.meaning}${s.voidedAt ? "  [VOID]" : ""}`, { bold: true });
    w.text(`Printed name: ${s.printedName} · function: ${REVIEW_FUNCTION_LABELS[s.function]} · decision: ${s.decision}`, { indent: 10 });
    w.text(`Signed (UTC): ${s.signedAt.toISOString()} · IP address: ${s.ipAddress ?? "unknown"}`, { indent: 10 });
    w.text(`User agent: ${s.userAgent ?? "unknown"}`, { indent: 10 });
    if (s.reason) w.text(`Reason / conditions: ${s.reason}`, { indent: 10 });
    w.text(`Evidence SHA-256: ${s.evidenceHash}`, { indent: 10, mono: true, size: 8 });
    if (s.voidedAt)
      w.text(`Void since ${s.voidedAt.toISOString()}: ${s.voidReason ?? "evidence changed"}`, { indent: 10, color: [0.6, 0.35, 0] });
    w.space(4);
  }
  w.space();

  w.text("Evidence snapshots", { size: 12, bold: true, gap: 4 });
  w.text("Each snapshot is the canonical JSON (keys sorted, criteria ordered by id) whose SHA-256 the signatures carry.", { color: grey });
  for (const snap of r.snapshots) {
    w.text(`SHA-256 ${snap.hash}`, { mono: true, size: 8, bold: true });
    w.text(`Signed by: ${snap.signatures.join("; ")}`, { indent: 10 });
    const criteria =
      (
        snap.snapshot as {
          criteria?: {
            title: string;
            status: string;
            evidenceUrl: string | null;
            evidenceNote: string | null;
            waiverReason: string | null;
          }[];
        } | null
      )?.criteria ?? [];
    for (const c of criteria) {
      w.text(
        `[${c.status}] ${c.title}${c.evidenceUrl ? ` — ${c.evidenceUrl}` : ""}${c.evidenceNote ? ` — ${c.evidenceNote}` : ""}${c.waiverReason ? ` — waived: ${c.waiverReason}` : ""}`,
        { indent: 10, size: 8.5 },
      );
    }
    w.space(4);
  }
  w.space();

  w.text("Audit events of this gate", { size: 12, bold: true, gap: 4 });
  for (const e of r.events)
    w.text(`#${e.seq} ${e.createdAt.toISOString()} ${e.action} by ${e.actorLabel} · ${e.hash.slice(0, 16)}…`, { size: 8.5 });
  w.space();
  w.text("Verification", { size: 12, bold: true, gap: 4 });
  w.text(
    r.chain.ok
      ? `The programme's audit chain was intact when this record was generated: ${r.chain.events} events, head hash ${r.chain.headHash}.`
      : `The programme's audit chain was BROKEN at event #${r.chain.brokenAtSeq} when this record was generated: ${r.chain.reason}.`,
  );
  w.text(`Check it: npm run cli -- audit verify --programme ${r.programme.slug}`, { mono: true, size: 8.5 });
  return w.save();
}
