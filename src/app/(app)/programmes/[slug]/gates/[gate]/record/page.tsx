import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PrintButton } from "@/components/ui/print-button";
import { REVIEW_FUNCTION_LABELS, type ReviewFunction } from "@/domain/enums";
import { getGateRecord } from "@/features/gates/server/get-gate-record";
import { gateKeyFromSlug } from "@/features/gates/slugs";
import { formatDateTime } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Gate record" };

type SnapshotCriteria = {
  criteria?: {
    id: string;
    title: string;
    status: string;
    evidenceUrl: string | null;
    evidenceNote: string | null;
    waiverReason: string | null;
  }[];
} | null;

export default async function GateRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; gate: string }>;
  searchParams: Promise<{ round?: string }>;
}) {
  const { slug, gate } = await params;
  const { round } = await searchParams;
  const key = gateKeyFromSlug(gate);
  if (!key || (round !== undefined && !/^\d{1,6}$/.test(round))) notFound();
  const user = await requirePageUser(`/programmes/${slug}/gates/${gate}/record`);
  const r = await loadOr404(() => getGateRecord(user, slug, key, round ? Number(round) : undefined));
  return (
    <article className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 print:border-0 print:p-0">
      <header>
        <PageHeader
          eyebrow={
            <>
              {r.programme.organisation} · {r.programme.name}
            </>
          }
          title={
            <>
              Gate record: {r.gate.name}, round {r.gate.round} of {r.gate.rounds}
            </>
          }
          align="start"
          actions={
            <div className="flex gap-2 print:hidden">
              {r.gate.rounds > 1 && (
                <nav aria-label="Rounds" className="flex gap-1">
                  {Array.from({ length: r.gate.rounds }, (_, i) => i + 1).map((n) => (
                    <Link
                      key={n}
                      href={`?round=${n}`}
                      aria-current={n === r.gate.round ? "page" : undefined}
                      className={buttonClass(n === r.gate.round ? "primary" : "ghost")}
                    >
                      Round {n}
                    </Link>
                  ))}
                </nav>
              )}
              <PrintButton />
              <a href={`/programmes/${slug}/gates/${gate}/record/pdf?round=${r.gate.round}`} className={buttonClass("primary")}>
                Download PDF
              </a>
            </div>
          }
        >
          <p className="text-sm">
            Status: {r.gate.status.replace("_", " ").toLowerCase()}
            {r.gate.decision && <> · decision: {r.gate.decision.replace("_", " ").toLowerCase()}</>}
            {r.gate.decidedAt && <> · decided {formatDateTime(r.gate.decidedAt)}</>}
          </p>
          <p className="text-xs text-slate-500">Generated {formatDateTime(r.generatedAt)}</p>
        </PageHeader>
      </header>

      <section>
        <h3 className="mb-2 font-semibold">Signature manifests</h3>
        {r.signOffs.length === 0 ? (
          <EmptyState variant="inline" title="No signatures in this round." />
        ) : (
          <ul className="space-y-3">
            {r.signOffs.map((s) => (
              <li key={s.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-medium">
                  {s.meaning} {s.voidedAt && <span className="text-amber-700">[void]</span>}
                </p>
                <dl className="mt-1 grid gap-x-4 gap-y-0.5 text-xs sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-500">Printed name</dt>
                  <dd>{s.printedName}</dd>
                  <dt className="text-slate-500">Function</dt>
                  <dd>{REVIEW_FUNCTION_LABELS[s.function as ReviewFunction]}</dd>
                  <dt className="text-slate-500">Signed (UTC)</dt>
                  <dd>{s.signedAt.toISOString()}</dd>
                  <dt className="text-slate-500">IP address</dt>
                  <dd>{s.ipAddress ?? "unknown"}</dd>
                  <dt className="text-slate-500">User agent</dt>
                  <dd className="break-all">{s.userAgent ?? "unknown"}</dd>
                  {s.reason && (
                    <>
                      <dt className="text-slate-500">Reason</dt>
                      <dd>{s.reason}</dd>
                    </>
                  )}
                  <dt className="text-slate-500">Evidence SHA-256</dt>
                  <dd className="break-all font-mono">{s.evidenceHash}</dd>
                  {s.voidedAt && (
                    <>
                      <dt className="text-slate-500">Void</dt>
                      <dd>
                        {s.voidedAt.toISOString()}: {s.voidReason}
                      </dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h3 className="mb-2 font-semibold">Evidence snapshots</h3>
        <p className="mb-2 text-xs text-slate-500">
          Each is the canonical JSON (keys sorted, criteria ordered by id) whose SHA-256 the signatures carry.
        </p>
        {[
          ...r.snapshots,
          ...(r.currentEvidence && !r.snapshots.some((s) => s.hash === r.currentEvidence!.hash)
            ? [{ hash: r.currentEvidence.hash, snapshot: r.currentEvidence.snapshot, signatures: [] as string[] }]
            : []),
        ].map((snap) => (
          <div key={snap.hash} className="mb-3 rounded-md border border-slate-200 p-3">
            <p className="break-all font-mono text-xs font-semibold">SHA-256 {snap.hash}</p>
            <p className="text-xs text-slate-600">
              {snap.signatures.length > 0 ? `Signed by: ${snap.signatures.join("; ")}` : "Current evidence (not signed yet)"}
            </p>
            <ul className="mt-2 space-y-0.5 text-xs">
              {((snap.snapshot as SnapshotCriteria)?.criteria ?? []).map((c) => (
                <li key={c.id}>
                  [{c.status}] {c.title}
                  {c.evidenceUrl && <> — {c.evidenceUrl}</>}
                  {c.evidenceNote && <> — {c.evidenceNote}</>}
                  {c.waiverReason && <> — waived: {c.waiverReason}</>}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section>
        <h3 className="mb-2 font-semibold">Audit events of this gate</h3>
        <ol className="space-y-0.5 font-mono text-xs">
          {r.events.map((e) => (
            <li key={e.seq}>
              #{e.seq} {e.createdAt.toISOString()} {e.action} · {e.actorLabel} · {e.hash.slice(0, 16)}…
            </li>
          ))}
        </ol>
      </section>

      <section className="rounded-md bg-slate-50 p-3 text-sm">
        <h3 className="font-semibold">Verification</h3>
        {r.chain.ok ? (
          <p>
            The audit chain was intact when this record was generated: {r.chain.events} events, head hash{" "}
            <span className="break-all font-mono text-xs">{r.chain.headHash}</span>.
          </p>
        ) : (
          <p className="text-red-800">
            The audit chain was broken at event #{r.chain.brokenAtSeq}: {r.chain.reason}.
          </p>
        )}
        <p className="mt-1 font-mono text-xs">npm run cli -- audit verify --programme {slug}</p>
      </section>
    </article>
  );
}
