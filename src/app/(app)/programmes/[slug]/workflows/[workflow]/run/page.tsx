import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { renderPolicyMarkdown } from "@/domain/policies";
import { PolicyBody } from "@/features/policies/components/policy-body";
import { RunConsole } from "@/features/workflows/components/run-console";
import { getRunConsole } from "@/features/workflows/server/queries";
import { NO_KEY_FOR_RUNS } from "@/features/workflows/server/workflow-state";
import { requirePageUser } from "@/server/auth/session";
import { claudeConfigured } from "@/server/claude/client";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Run workflow" };

export default async function RunWorkflowPage({ params }: { params: Promise<{ slug: string; workflow: string }> }) {
  const { slug, workflow } = await params;
  const user = await requirePageUser(`/programmes/${slug}/workflows/${workflow}/run`);
  const { workflow: w } = await loadOr404(() => getRunConsole(user, slug, workflow));
  const v = w.productionVersion;
  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumbs={[{ href: `/programmes/${slug}/workflows/${w.slug}`, label: w.name }]}
        title={`Run ${w.name}`}
        description={w.task}
      />
      {!v ? (
        <Card>
          <p className="text-sm text-slate-600">
            This workflow has no production version yet, so it cannot be run. Its owner promotes a tested, approved version first.
          </p>
        </Card>
      ) : (
        <>
          <Card title={`Production version v${v.number} · ${v.model}`}>
            <RunConsole
              programmeSlug={slug}
              workflowSlug={w.slug}
              variables={v.variables}
              noKeyMessage={claudeConfigured() ? null : NO_KEY_FOR_RUNS}
            />
          </Card>
          {v.documentation.trim() && (
            <Card title="How to use it">
              <PolicyBody html={renderPolicyMarkdown(v.documentation)} label="Documentation" />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
