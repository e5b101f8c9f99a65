import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { SaveVersionForm } from "@/features/workflows/components/workflow-form";
import { getEditorOptions, getWorkflow } from "@/features/workflows/server/queries";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Edit workflow" };

export default async function EditWorkflowPage({ params }: { params: Promise<{ slug: string; workflow: string }> }) {
  const { slug, workflow } = await params;
  const user = await requirePageUser(`/programmes/${slug}/workflows/${workflow}/edit`);
  const o = await loadOr404(() => getEditorOptions(user, slug));
  const { workflow: w } = await loadOr404(() => getWorkflow(user, slug, workflow));
  const latest = w.versions[0]!;
  const models = o.models.some((m) => m.id === latest.model)
    ? o.models
    : [{ id: latest.model, label: `${latest.model} (not in the price table)` }, ...o.models];
  return (
    <div className="mx-auto max-w-3xl">
      <Card title={`Edit ${w.name}: starts from v${latest.number}`}>
        <p className="mb-4 text-xs text-slate-600">
          Saving creates version {latest.number + 1}; earlier versions never change, and the production label stays where it is until a
          version is promoted.
        </p>
        <SaveVersionForm
          programmeSlug={slug}
          workflowSlug={w.slug}
          baseVersion={latest.number}
          models={models}
          values={{
            contextWho: latest.contextWho,
            contextVoice: latest.contextVoice,
            contextStandards: latest.contextStandards,
            exampleOutput: latest.exampleOutput,
            template: latest.template,
            model: latest.model,
            maxTokens: latest.maxTokens,
            documentation: latest.documentation,
          }}
        />
      </Card>
    </div>
  );
}
