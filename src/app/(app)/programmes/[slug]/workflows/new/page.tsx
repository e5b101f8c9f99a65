import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { DEFAULT_THRESHOLD } from "@/domain/workflows";
import { DOCUMENTATION_SKELETON, NewWorkflowForm } from "@/features/workflows/components/workflow-form";
import { getEditorOptions } from "@/features/workflows/server/queries";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "New workflow" };

export default async function NewWorkflowPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/workflows/new`);
  const o = await loadOr404(() => getEditorOptions(user, slug));
  const defaultModel = o.models.find((m) => m.id === "claude-sonnet-4-6")?.id ?? o.models[0]?.id ?? "";
  return (
    <div className="mx-auto max-w-3xl">
      <Card title="New workflow">
        <NewWorkflowForm
          programmeSlug={slug}
          useCases={o.useCases}
          members={o.members}
          models={o.models}
          defaults={{
            name: "",
            task: "",
            useCaseId: "",
            ownerId: o.myMembershipId,
            threshold: DEFAULT_THRESHOLD,
            minutesSavedPerRun: 0,
            contextWho: "",
            contextVoice: "",
            contextStandards: "",
            exampleOutput: "",
            template: "",
            model: defaultModel,
            maxTokens: 1024,
            documentation: DOCUMENTATION_SKELETON,
          }}
        />
      </Card>
    </div>
  );
}
