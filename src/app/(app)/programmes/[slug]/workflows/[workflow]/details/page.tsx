import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { WorkflowDetailsForm } from "@/features/workflows/components/workflow-form";
import { getEditorOptions, getWorkflow } from "@/features/workflows/server/queries";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Workflow details" };

export default async function WorkflowDetailsPage({ params }: { params: Promise<{ slug: string; workflow: string }> }) {
  const { slug, workflow } = await params;
  const user = await requirePageUser(`/programmes/${slug}/workflows/${workflow}/details`);
  const o = await loadOr404(() => getEditorOptions(user, slug));
  const { workflow: w } = await loadOr404(() => getWorkflow(user, slug, workflow));
  return (
    <div className="mx-auto max-w-3xl">
      <Card title={`Details of ${w.name}`}>
        <WorkflowDetailsForm
          programmeSlug={slug}
          workflowSlug={w.slug}
          useCases={o.useCases}
          members={o.members}
          values={{
            name: w.name,
            task: w.task,
            useCaseId: w.useCaseId ?? "",
            ownerId: w.ownerId ?? "",
            threshold: w.threshold,
            minutesSavedPerRun: w.minutesSavedPerRun,
          }}
        />
      </Card>
    </div>
  );
}
