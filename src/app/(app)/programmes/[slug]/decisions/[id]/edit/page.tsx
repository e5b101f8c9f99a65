import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { adrLabel } from "@/domain/decisions";
import { DECISION_STATUS_LABELS } from "@/domain/enums";
import { EditDecisionForm } from "@/features/decisions/components/decision-form";
import { getDecision } from "@/features/decisions/server/get-decision";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Edit decision record" };

export default async function EditDecisionPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const user = await requirePageUser(`/programmes/${slug}/decisions/${id}/edit`);
  const d = await loadOr404(() => getDecision(user, slug, id));
  const r = d.record;
  return (
    <div className="mx-auto max-w-3xl">
      <Card title={`Edit ${adrLabel(r.number)}`}>
        {d.canEdit ? (
          <EditDecisionForm
            programmeSlug={slug}
            decisionId={r.id}
            values={{
              title: r.title,
              claudeProduct: r.claudeProduct,
              models: r.models,
              dataFlows: r.dataFlows,
              integrationPoints: r.integrationPoints,
              failureModes: r.failureModes,
            }}
          />
        ) : (
          <p className="text-sm text-slate-600">
            {d.canManage
              ? `${adrLabel(r.number)} is ${DECISION_STATUS_LABELS[r.status].toLowerCase()}; only a proposed record can be edited. Write a successor that supersedes it.`
              : "Only a programme manager can edit decision records."}
          </p>
        )}
      </Card>
    </div>
  );
}
