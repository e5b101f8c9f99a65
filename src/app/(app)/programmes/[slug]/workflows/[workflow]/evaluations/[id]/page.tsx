import type { Metadata } from "next";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { OUTCOME_LABEL, OUTCOME_TONE, ResultBody } from "@/features/workflows/components/evaluation-result";
import { RefreshWhileRunning } from "@/features/workflows/components/version-controls";
import { getEvaluation } from "@/features/workflows/server/queries";
import { formatCount, formatDateTime, formatPassRate, formatUsdPrecise } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Evaluation" };

const STATUS_LABEL: Record<string, string> = {
  RUNNING: "Running",
  COMPLETED: "Completed",
  COMPLETED_WITH_ERRORS: "Completed with errors",
  FAILED: "Failed",
};

export default async function EvaluationPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; workflow: string; id: string }>;
  searchParams: Promise<{ with?: string }>;
}) {
  const { slug, workflow, id } = await params;
  const { with: withId } = await searchParams;
  const user = await requirePageUser(`/programmes/${slug}/workflows/${workflow}/evaluations/${id}`);
  const { workflow: w, run, others } = await loadOr404(() => getEvaluation(user, slug, workflow, id));
  const other = withId ? await loadOr404(() => getEvaluation(user, slug, workflow, withId)) : null;
  const base = `/programmes/${slug}/workflows/${w.slug}`;
  const running = run.status === "RUNNING";
  const pct = run.totalCases === 0 ? 0 : Math.round((run.doneCases / run.totalCases) * 100);
  const otherResults = new Map(other?.run.results.map((r) => [r.caseName, r]) ?? []);
  return (
    <div className="space-y-6">
      <RefreshWhileRunning running={running} />
      <PageHeader
        breadcrumbs={[{ href: base, label: w.name }]}
        title={
          <>
            Evaluation of v{run.version.number} · {formatDateTime(run.startedAt)}
          </>
        }
        description={
          <>
            {run.mode === "MANUAL" ? (
              <>
                <Badge tone="info">manual</Badge> outputs pasted from a Claude app and graded by hand by {run.startedBy}
              </>
            ) : (
              <>
                {run.version.model} · started by {run.startedBy}
              </>
            )}{" "}
            · threshold {w.threshold}%
          </>
        }
      />
      <Card>
        <div className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <span>
              <Badge tone={running ? "info" : run.status === "COMPLETED" ? "success" : "warning"}>{STATUS_LABEL[run.status]}</Badge>{" "}
              <span aria-live="polite">
                {run.doneCases} of {run.totalCases} cases done
              </span>
            </span>
            {!running && (
              <span className="font-medium">
                Pass rate {formatPassRate(run.passedCases, run.totalCases)} ({run.passedCases} passed, {run.erroredCases} errors)
                {run.mode === "MANUAL" ? (
                  " · manual evaluation"
                ) : (
                  <>
                    {" "}
                    · {formatCount(Number(run.inputTokens))} in / {formatCount(Number(run.outputTokens))} out tokens ·{" "}
                    {formatUsdPrecise(run.costUsd)}
                  </>
                )}
              </span>
            )}
          </div>
          <div
            role="progressbar"
            aria-label="Evaluation progress"
            aria-valuemin={0}
            aria-valuemax={run.totalCases}
            aria-valuenow={run.doneCases}
            className="h-2 overflow-hidden rounded-full bg-slate-100"
          >
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
          </div>
          {run.error && (
            <p role="alert" className="text-sm text-red-800">
              {run.error}
            </p>
          )}
        </div>
      </Card>

      {others.length > 0 && (
        <form method="get" className="flex flex-wrap items-end gap-2 text-sm" aria-label="Compare with another evaluation">
          <label className="flex items-center gap-2">
            Compare side by side with
            <select name="with" defaultValue={withId ?? ""} className="rounded-md border border-slate-300 px-2 py-1">
              <option value="">—</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  v{o.version.number}, {formatDateTime(o.startedAt)} ({formatPassRate(o.passedCases, o.totalCases)})
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md px-3 py-1 ring-1 ring-slate-300 hover:bg-slate-50">
            Compare
          </button>
        </form>
      )}

      <div className="space-y-4">
        {run.results.length === 0 && (
          <p className="text-sm text-slate-600">{running ? "The first results appear as soon as each case finishes…" : "No results."}</p>
        )}
        {run.results.map((r) => {
          const o = otherResults.get(r.caseName);
          return (
            <Card
              key={r.id}
              title={
                <span className="flex items-center gap-2">
                  {r.caseName} <Badge tone={OUTCOME_TONE[r.outcome]}>{OUTCOME_LABEL[r.outcome]}</Badge>
                </span>
              }
            >
              <div className={other ? "grid gap-4 lg:grid-cols-2" : ""}>
                <ResultBody title={other ? `This run (v${run.version.number})` : null} r={r} />
                {other &&
                  (o ? (
                    <ResultBody title={`v${other.run.version.number}, ${formatDateTime(other.run.startedAt)}`} r={o} />
                  ) : (
                    <p className="text-sm text-slate-500">This case was not in the other run.</p>
                  ))}
              </div>
            </Card>
          );
        })}
      </div>
    </div>
  );
}
