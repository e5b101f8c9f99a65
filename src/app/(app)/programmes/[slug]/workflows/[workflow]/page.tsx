import type { Metadata } from "next";

import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { MIN_TEST_CASES } from "@/domain/workflows";
import { EvaluationsTable } from "@/features/workflows/components/evaluations-table";
import { MaturityChecklist, MaturityDots } from "@/features/workflows/components/maturity";
import { RunsTable } from "@/features/workflows/components/runs-table";
import { TestCaseList } from "@/features/workflows/components/test-case-list";
import { RefreshWhileRunning } from "@/features/workflows/components/version-controls";
import { VersionList } from "@/features/workflows/components/version-list";
import { getWorkflow } from "@/features/workflows/server/queries";
import { NO_KEY_FOR_RUNS } from "@/features/workflows/server/workflow-state";
import { requirePageUser } from "@/server/auth/session";
import { claudeConfigured } from "@/server/claude/client";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Workflow" };

export default async function WorkflowPage({ params }: { params: Promise<{ slug: string; workflow: string }> }) {
  const { slug, workflow: workflowSlug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/workflows/${workflowSlug}`);
  const data = await loadOr404(() => getWorkflow(user, slug, workflowSlug));
  const { workflow: w, production, properties, can } = data;
  const base = `/programmes/${slug}/workflows/${w.slug}`;
  const keyMissing = claudeConfigured() ? null : NO_KEY_FOR_RUNS;
  const running = w.evaluations.some((e) => e.status === "RUNNING");

  return (
    <div className="space-y-6">
      <RefreshWhileRunning running={running} />
      <PageHeader
        breadcrumbs={[{ href: `/programmes/${slug}/workflows`, label: "Workflow library" }]}
        title={w.name}
        description={w.task}
        align="start"
        actions={
          <>
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
          </>
        }
      >
        <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <MaturityDots properties={properties} />
          <span>Owner: {w.owner?.user.name ?? <Badge tone="warning">No owner</Badge>}</span>
          <span>· Use case: {w.useCase?.title ?? "none"}</span>
          <span>· Threshold {w.threshold}%</span>
          <span>· {w.minutesSavedPerRun} min saved per run (estimate)</span>
        </p>
      </PageHeader>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={`Maturity of v${data.focus?.number ?? "—"}${production ? " (production)" : ""}`}>
          <MaturityChecklist properties={properties} />
        </Card>
        <Card title="Versions" className="lg:col-span-2">
          <VersionList programmeSlug={slug} data={data} userId={user.id} keyMissing={keyMissing} />
        </Card>
      </div>

      <Card title={`Test cases (${w.testCases.length}; at least ${MIN_TEST_CASES} before promotion)`}>
        <TestCaseList programmeSlug={slug} data={data} />
      </Card>

      <Card title="Evaluations">
        {w.evaluations.length === 0 ? (
          <EmptyState title="No evaluations yet">
            Run an evaluation of a version: every test case goes through Claude and is checked against its expectations.
          </EmptyState>
        ) : (
          <EvaluationsTable base={base} evaluations={w.evaluations} />
        )}
      </Card>

      <Card title="Recent runs">
        {w.runs.length === 0 ? (
          <EmptyState
            variant="inline"
            title={
              production
                ? "No runs yet. Anyone in the programme can run the production version from the console or the API."
                : "Runs start once a version is in production."
            }
          />
        ) : (
          <RunsTable runs={w.runs} />
        )}
      </Card>
    </div>
  );
}
