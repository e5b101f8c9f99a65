import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ManualEvaluationForm } from "@/features/workflows/components/manual-evaluation-form";
import { getManualEvaluationForm } from "@/features/workflows/server/manual-evaluation";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Manual evaluation" };

export default async function ManualEvaluationPage({ params }: { params: Promise<{ slug: string; workflow: string; version: string }> }) {
  const { slug, workflow, version } = await params;
  const base = `/programmes/${slug}/workflows/${workflow}`;
  const user = await requirePageUser(`${base}/versions/${version}/evaluate`);
  const n = /^\d{1,7}$/.test(version) ? Number(version) : 0;
  const form = await loadOr404(() => getManualEvaluationForm(user, slug, workflow, n));
  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumbs={[{ href: base, label: form.workflow.name }]}
        title={`Evaluate v${form.version.number} by hand`}
        description={
          <>
            For Claude&apos;s apps, without an API key: paste each prompt into a new Claude chat (model {form.version.model} if you can
            choose), paste Claude&apos;s answer back here, and grade each rubric criterion. The same checks as an API evaluation run on the
            outputs; the evaluation is labelled manual wherever it shows. Threshold {form.workflow.threshold}%.
          </>
        }
      />
      {form.cases.length === 0 ? (
        <EmptyState title="No test cases yet">
          Add test cases to the workflow first: a manual evaluation pastes one output per case.
        </EmptyState>
      ) : (
        <ManualEvaluationForm programmeSlug={slug} form={form} />
      )}
    </div>
  );
}
