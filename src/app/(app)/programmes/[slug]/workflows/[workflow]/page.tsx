import type { Metadata } from "next";
import Link from "next/link";

import { Badge, type Tone } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatRate, MIN_TEST_CASES, promotionProblems } from "@/domain/workflows";
import { MaturityChecklist, MaturityDots } from "@/features/workflows/components/maturity";
import { EditableTestCase, TestCaseForm, type TestCaseValues } from "@/features/workflows/components/test-case-form";
import {
  ApproveButton,
  MarkCandidateButton,
  PromoteButton,
  RefreshWhileRunning,
  RollbackButton,
  RunEvaluationButton,
} from "@/features/workflows/components/version-controls";
import { getWorkflow } from "@/features/workflows/server/queries";
import { NO_KEY_FOR_RUNS } from "@/features/workflows/server/workflow-state";
import { formatCount, formatDateTime, formatPassRate, formatSeconds, formatUsdPrecise } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { claudeConfigured } from "@/server/claude/client";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Workflow" };

const EVAL_TONE: Record<string, Tone> = { RUNNING: "info", COMPLETED: "success", COMPLETED_WITH_ERRORS: "warning", FAILED: "danger" };
const EVAL_LABEL: Record<string, string> = {
  RUNNING: "Running",
  COMPLETED: "Completed",
  COMPLETED_WITH_ERRORS: "Completed with errors",
  FAILED: "Failed",
};

export default async function WorkflowPage({ params }: { params: Promise<{ slug: string; workflow: string }> }) {
  const { slug, workflow: workflowSlug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/workflows/${workflowSlug}`);
  const data = await loadOr404(() => getWorkflow(user, slug, workflowSlug));
  const { workflow: w, production, properties, can } = data;
  const base = `/programmes/${slug}/workflows/${w.slug}`;
  const latest = w.versions[0]!;
  const keyMissing = claudeConfigured() ? null : NO_KEY_FOR_RUNS;
  const running = w.evaluations.some((e) => e.status === "RUNNING");
  const ref = (version: number) => ({ programmeSlug: slug, workflowSlug: w.slug, version });
  const evalOf = (versionId: string) => data.latestByVersion.get(versionId);

  return (
    <div className="space-y-6">
      <RefreshWhileRunning running={running} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs text-slate-500">
            <Link href={`/programmes/${slug}/workflows`} className="hover:underline">
              Workflow library
            </Link>{" "}
            /
          </p>
          <h2 className="text-lg font-semibold">{w.name}</h2>
          <p className="max-w-3xl text-sm text-slate-600">{w.task}</p>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
            <MaturityDots properties={properties} />
            <span>Owner: {w.owner?.user.name ?? <Badge tone="warning">No owner</Badge>}</span>
            <span>· Use case: {w.useCase?.title ?? "none"}</span>
            <span>· Threshold {w.threshold}%</span>
            <span>· {w.minutesSavedPerRun} min saved per run (estimate)</span>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {production && can.run && <ButtonLink href={`${base}/run`}>Run v{production.number}</ButtonLink>}
          {can.manage && (
            <ButtonLink href={`${base}/edit`} variant="secondary">
              Edit (new version)
            </ButtonLink>
          )}
          {can.manage && (
            <ButtonLink href={`${base}/details`} variant="ghost">
              Details
            </ButtonLink>
          )}
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={`Maturity of v${data.focus?.number ?? "—"}${production ? " (production)" : ""}`}>
          <MaturityChecklist properties={properties} />
        </Card>
        <Card title="Versions" className="lg:col-span-2">
          <ol className="divide-y divide-slate-100" aria-label="Versions">
            {w.versions.map((v) => {
              const ev = evalOf(v.id);
              const isProd = v.id === w.productionVersionId;
              const isCandidate = v.id === w.candidateVersionId;
              const everProd = v.promotions.some((p) => p.kind === "PROMOTE");
              const problems = promotionProblems({
                ownerName: w.owner?.user.name ?? null,
                documentation: v.documentation,
                testCases: w.testCases.length,
                threshold: w.threshold,
                versionNumber: v.number,
                latestEvaluation: ev ?? null,
                authorId: v.authorId,
                approverIds: v.approvals.map((a) => a.approverId),
                isProduction: isProd,
              });
              const approvedByMe = v.approvals.some((a) => a.approverId === user.id);
              return (
                <li key={v.id} className="space-y-2 py-3" aria-label={`Version ${v.number}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-mono text-sm font-semibold">v{v.number}</span>
                    {isProd && <Badge tone="success">production</Badge>}
                    {isCandidate && <Badge tone="info">candidate</Badge>}
                    {!isProd && !isCandidate && <Badge>{everProd ? "earlier production" : "draft"}</Badge>}
                    <span className="text-sm">{v.note}</span>
                    <span className="text-xs text-slate-500">
                      by {v.authorName}, {formatDateTime(v.createdAt)} · {v.model}
                    </span>
                  </div>
                  <p className="text-xs text-slate-600">
                    Latest evaluation: {ev ? `${formatRate(ev.passRate)} (${EVAL_LABEL[ev.status]})` : "none"} · Approvals:{" "}
                    {v.approvals.length ? v.approvals.map((a) => a.approverName).join(", ") : "none"}
                    {v.promotions.length > 0 && (
                      <>
                        {" "}
                        ·{" "}
                        {v.promotions
                          .map(
                            (p) =>
                              `${p.kind === "PROMOTE" ? "promoted" : "rolled back to"} by ${p.actorName} ${formatDateTime(p.createdAt)}`,
                          )
                          .join("; ")}
                      </>
                    )}
                  </p>
                  {!isProd && problems.length > 0 && (
                    <details className="text-xs text-slate-600">
                      <summary className="cursor-pointer">
                        Not ready for production: {problems.length} condition{problems.length === 1 ? "" : "s"} missing
                      </summary>
                      <ul className="ml-5 list-disc">
                        {problems.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                  <div className="flex flex-wrap items-start gap-2">
                    {can.manage && (
                      <RunEvaluationButton
                        refTo={ref(v.number)}
                        disabledReason={keyMissing ?? (w.testCases.length === 0 ? "Add a test case first." : null)}
                      />
                    )}
                    {can.manage && !isProd && !isCandidate && v.number === latest.number && <MarkCandidateButton refTo={ref(v.number)} />}
                    {can.approve && !isProd && v.authorId !== user.id && !approvedByMe && <ApproveButton refTo={ref(v.number)} />}
                    {can.promote && !isProd && problems.length === 0 && <PromoteButton refTo={ref(v.number)} />}
                    {can.promote && everProd && !isProd && production && v.number < production.number && (
                      <RollbackButton refTo={ref(v.number)} />
                    )}
                    {everProd && (
                      <a href={`${base}/versions/${v.number}/skill`} className="self-center text-xs text-brand-700 underline" download>
                        Export as Claude Skill (.zip)
                      </a>
                    )}
                    {v.number > 1 && (
                      <Link
                        href={`${base}/compare?a=${v.number - 1}&b=${v.number}`}
                        className="self-center text-xs text-brand-700 underline"
                      >
                        Compare with v{v.number - 1}
                      </Link>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </Card>
      </div>

      <Card title={`Test cases (${w.testCases.length}; at least ${MIN_TEST_CASES} before promotion)`}>
        {w.testCases.length === 0 ? (
          <p className="text-sm text-slate-600">No test cases yet. Add real examples with what a good output must and must not contain.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Test cases">
            {w.testCases.map((c) => {
              const vars = c.variables as Record<string, string>;
              const values: TestCaseValues = {
                name: c.name,
                variables: Object.fromEntries(latest.variables.map((v) => [v, vars[v] ?? ""])),
                mustContain: c.mustContain.join("\n"),
                mustNotContain: c.mustNotContain.join("\n"),
                pattern: c.pattern ?? "",
                minLength: c.minLength?.toString() ?? "",
                maxLength: c.maxLength?.toString() ?? "",
                rubric: c.rubric.join("\n"),
              };
              const summary = (
                <div className="text-sm">
                  <p className="font-medium">{c.name}</p>
                  <p className="text-xs text-slate-600">
                    {Object.entries(vars)
                      .map(([k, v]) => `${k} = “${v}”`)
                      .join(", ")}
                  </p>
                  <p className="text-xs text-slate-500">
                    {[
                      c.mustContain.length && `contains ${c.mustContain.map((s) => `“${s}”`).join(", ")}`,
                      c.mustNotContain.length && `not ${c.mustNotContain.map((s) => `“${s}”`).join(", ")}`,
                      c.pattern && `matches /${c.pattern}/`,
                      (c.minLength !== null || c.maxLength !== null) && `length ${c.minLength ?? 0}–${c.maxLength ?? "∞"}`,
                      c.rubric.length && `${c.rubric.length} rubric criteri${c.rubric.length === 1 ? "on" : "a"}`,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </div>
              );
              return (
                <li key={c.id} className="py-2">
                  {can.manage ? (
                    <EditableTestCase
                      programmeSlug={slug}
                      workflowSlug={w.slug}
                      variables={latest.variables}
                      testCaseId={c.id}
                      values={values}
                      summary={summary}
                    />
                  ) : (
                    summary
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {can.manage && (
          <details className="mt-4 rounded-md border border-slate-200 p-3" open={w.testCases.length < MIN_TEST_CASES}>
            <summary className="cursor-pointer text-sm font-medium">Add a test case</summary>
            <div className="mt-3">
              <TestCaseForm programmeSlug={slug} workflowSlug={w.slug} variables={latest.variables} />
            </div>
          </details>
        )}
      </Card>

      <Card title="Evaluations">
        {w.evaluations.length === 0 ? (
          <EmptyState title="No evaluations yet">
            Run an evaluation of a version: every test case goes through Claude and is checked against its expectations.
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" aria-label="Evaluations">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Started
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Version
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Progress
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Pass rate
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Cost
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    By
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {w.evaluations.map((e) => (
                  <tr key={e.id}>
                    <td className="py-2 pr-3">
                      <Link href={`${base}/evaluations/${e.id}`} className="text-brand-700 hover:underline">
                        {formatDateTime(e.startedAt)}
                      </Link>
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs">v{e.version.number}</td>
                    <td className="py-2 pr-3">
                      <Badge tone={EVAL_TONE[e.status]}>{EVAL_LABEL[e.status]}</Badge>
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {e.doneCases}/{e.totalCases}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {e.status === "RUNNING" ? "—" : formatPassRate(e.passedCases, e.totalCases)}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatUsdPrecise(e.costUsd)}</td>
                    <td className="py-2 text-xs">{e.startedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title="Recent runs">
        {w.runs.length === 0 ? (
          <p className="text-sm text-slate-600">
            {production
              ? "No runs yet. Anyone in the programme can run the production version from the console or the API."
              : "Runs start once a version is in production."}
          </p>
        ) : (
          <table className="w-full text-left text-sm" aria-label="Recent runs">
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  When
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  By
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Version
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Result
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  Tokens
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  Cost
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Latency
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {w.runs.map((r) => (
                <tr key={r.id}>
                  <td className="py-2 pr-3 text-xs">{formatDateTime(r.createdAt)}</td>
                  <td className="py-2 pr-3 text-xs">
                    {r.runBy} <span className="text-slate-400">({r.channel})</span>
                  </td>
                  <td className="py-2 pr-3 font-mono text-xs">v{r.version.number}</td>
                  <td className="py-2 pr-3">
                    {r.status === "SUCCEEDED" ? (
                      <Badge tone="success">Succeeded</Badge>
                    ) : (
                      <Badge tone="danger">{r.errorType ?? "Failed"}</Badge>
                    )}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatCount(r.inputTokens + r.outputTokens)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatUsdPrecise(r.costUsd)}</td>
                  <td className="py-2 text-right tabular-nums">{formatSeconds(r.latencyMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
