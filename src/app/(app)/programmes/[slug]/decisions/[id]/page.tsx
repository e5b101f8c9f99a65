import type { Metadata } from "next";
import Link from "next/link";

import { Badge, type Tone } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { adrLabel } from "@/domain/decisions";
import { DECISION_STATUS_LABELS, type DecisionStatus } from "@/domain/enums";
import { AcceptDecisionButton, SupersedeDecisionForm } from "@/features/decisions/components/decision-actions";
import { getDecision } from "@/features/decisions/server/get-decision";
import { formatDate } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Decision record" };

const TONE: Record<DecisionStatus, Tone> = { PROPOSED: "info", ACCEPTED: "success", SUPERSEDED: "neutral" };

export default async function DecisionPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const user = await requirePageUser(`/programmes/${slug}/decisions/${id}`);
  const d = await loadOr404(() => getDecision(user, slug, id));
  const r = d.record;
  const base = `/programmes/${slug}/decisions`;
  const sections = [
    { title: "Claude product", body: r.claudeProduct },
    { title: "Models per use case", body: r.models },
    { title: "Data flows", body: r.dataFlows },
    { title: "Integration points and MCP connectors", body: r.integrationPoints },
    { title: "Failure modes", body: r.failureModes },
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: base, label: "Decision records" }}
        eyebrow={<span className="font-mono text-xs text-slate-500">{adrLabel(r.number)}</span>}
        title={r.title}
        align="start"
        actions={
          <>
            <Badge tone={TONE[r.status]}>{DECISION_STATUS_LABELS[r.status]}</Badge>
            {d.canEdit && (
              <ButtonLink href={`${base}/${r.id}/edit`} variant="secondary">
                Edit
              </ButtonLink>
            )}
          </>
        }
      >
        <p className="text-xs text-slate-500">
          Proposed {formatDate(r.createdAt)}
          {r.acceptedAt && <> · accepted {formatDate(r.acceptedAt)}</>}
        </p>
      </PageHeader>

      {(r.supersededBy || r.supersedes.length > 0) && (
        <div className="space-y-1 rounded-md border border-slate-200 bg-white px-4 py-3 text-sm" aria-label="Related records" role="group">
          {r.supersededBy && (
            <p>
              Superseded by{" "}
              <Link href={`${base}/${r.supersededBy.id}`} className="font-medium text-brand-700 underline">
                {adrLabel(r.supersededBy.number)}: {r.supersededBy.title}
              </Link>
            </p>
          )}
          {r.supersedes.map((s) => (
            <p key={s.id}>
              Supersedes{" "}
              <Link href={`${base}/${s.id}`} className="font-medium text-brand-700 underline">
                {adrLabel(s.number)}: {s.title}
              </Link>
            </p>
          ))}
        </div>
      )}

      <Card>
        <dl className="space-y-4">
          {sections.map((s) => (
            <div key={s.title}>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{s.title}</dt>
              <dd className="mt-1 whitespace-pre-wrap text-sm text-slate-800">
                {s.body || <span className="text-slate-500">Not written yet.</span>}
              </dd>
            </div>
          ))}
        </dl>
      </Card>

      {d.canManage && r.status !== "SUPERSEDED" && (
        <Card title="Status">
          <div className="space-y-4">
            {d.canAccept && <AcceptDecisionButton programmeSlug={slug} decisionId={r.id} number={r.number} />}
            {d.successors.length > 0 && (
              <SupersedeDecisionForm programmeSlug={slug} decisionId={r.id} number={r.number} successors={d.successors} />
            )}
            <p className="text-sm text-slate-600">
              To replace this decision,{" "}
              <Link href={`${base}/new?from=${r.id}`} className="font-medium text-brand-700 underline">
                write a successor from its text
              </Link>
              , accept it, then mark {adrLabel(r.number)} superseded by it.
            </p>
          </div>
        </Card>
      )}
    </div>
  );
}
