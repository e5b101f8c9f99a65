import type { Metadata } from "next";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { LEVEL_LABELS, RISK_STATUS_LABELS } from "@/domain/enums";
import { EditRiskForm } from "@/features/risks/components/risk-form";
import { getRisk } from "@/features/risks/server/get-risk";
import { formatDate } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Risk" };

export default async function RiskPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const user = await requirePageUser(`/programmes/${slug}/risks/${id}`);
  const { risk, members, canManage } = await loadOr404(() => getRisk(user, slug, id));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader
        back={{ href: `/programmes/${slug}/risks`, label: "Risk register" }}
        title={risk.title}
        align="start"
        actions={
          <div className="flex flex-wrap gap-1.5">
            {risk.fromPlaybook && <Badge>Playbook</Badge>}
            <Badge tone="info">{RISK_STATUS_LABELS[risk.status]}</Badge>
            {risk.unowned && <Badge tone="warning">No owner</Badge>}
            {risk.overdue && <Badge tone="warning">Review overdue</Badge>}
          </div>
        }
      />
      {canManage ? (
        <Card>
          <EditRiskForm
            programmeSlug={slug}
            riskId={risk.id}
            members={members}
            values={{
              title: risk.title,
              probability: risk.probability,
              impact: risk.impact,
              consequence: risk.consequence,
              mitigation: risk.mitigation,
              ownerId: risk.ownerId,
              status: risk.status,
              reviewDate: risk.reviewDate ? risk.reviewDate.toISOString().slice(0, 10) : "",
            }}
          />
        </Card>
      ) : (
        <Card>
          <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-500">Probability × impact</dt>
            <dd>
              {LEVEL_LABELS[risk.probability]} × {LEVEL_LABELS[risk.impact]} (score {risk.score})
            </dd>
            <dt className="text-slate-500">Consequence</dt>
            <dd>{risk.consequence}</dd>
            <dt className="text-slate-500">Mitigation</dt>
            <dd className="whitespace-pre-wrap">{risk.mitigation}</dd>
            <dt className="text-slate-500">Owner</dt>
            <dd>{risk.ownerName ?? <span className="font-medium text-amber-800">No owner</span>}</dd>
            <dt className="text-slate-500">Next review</dt>
            <dd>{risk.reviewDate ? formatDate(risk.reviewDate) : "Not set"}</dd>
          </dl>
        </Card>
      )}
    </div>
  );
}
