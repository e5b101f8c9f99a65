import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { Breadcrumbs } from "@/components/ui/page-header";
import { ScenarioForm } from "@/features/costs/components/scenario-form";
import { getScenarioEditor } from "@/features/costs/server/get-scenario-editor";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "New cost scenario" };

export default async function NewScenarioPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/costs/scenarios/new`);
  const e = await loadOr404(() => getScenarioEditor(user, slug, null));
  return (
    <div className="space-y-4">
      <Breadcrumbs className="text-sm" items={[{ href: `/programmes/${slug}/costs`, label: "Cost model" }]} current="new scenario" />
      {e.canManage ? (
        <ScenarioForm programmeSlug={slug} models={e.models} prices={e.prices} claudeConfigured={e.claudeConfigured} />
      ) : (
        <Card>
          <p className="text-sm text-slate-600">Only a programme manager can build cost scenarios.</p>
        </Card>
      )}
    </div>
  );
}
