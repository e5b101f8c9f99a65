import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { Breadcrumbs } from "@/components/ui/page-header";
import { ScenarioForm } from "@/features/costs/components/scenario-form";
import { getScenarioEditor } from "@/features/costs/server/get-scenario-editor";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Edit cost scenario" };

export default async function EditScenarioPage({ params }: { params: Promise<{ slug: string; scenarioId: string }> }) {
  const { slug, scenarioId } = await params;
  const user = await requirePageUser(`/programmes/${slug}/costs/scenarios/${scenarioId}/edit`);
  const e = await loadOr404(() => getScenarioEditor(user, slug, scenarioId));
  const scenario = e.scenario!;
  return (
    <div className="space-y-4">
      <Breadcrumbs
        className="text-sm"
        items={[
          { href: `/programmes/${slug}/costs`, label: "Cost model" },
          { href: `/programmes/${slug}/costs/scenarios/${scenario.id}`, label: scenario.name },
        ]}
        current="edit"
      />
      {e.canManage ? (
        <ScenarioForm programmeSlug={slug} models={e.models} prices={e.prices} claudeConfigured={e.claudeConfigured} scenario={scenario} />
      ) : (
        <Card>
          <p className="text-sm text-slate-600">Only a programme manager can change cost scenarios.</p>
        </Card>
      )}
    </div>
  );
}
