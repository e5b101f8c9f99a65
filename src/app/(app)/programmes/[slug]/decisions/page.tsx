import type { Metadata } from "next";
import Link from "next/link";

import { Badge, type Tone } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { adrLabel } from "@/domain/decisions";
import { DECISION_STATUS_LABELS, type DecisionStatus } from "@/domain/enums";
import { listDecisions } from "@/features/decisions/server/list-decisions";
import { formatDate } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Decision records" };

const DECISION_TONE: Record<DecisionStatus, Tone> = { PROPOSED: "info", ACCEPTED: "success", SUPERSEDED: "neutral" };

export default async function DecisionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/decisions`);
  const { decisions, canManage } = await loadOr404(() => listDecisions(user, slug));
  const base = `/programmes/${slug}/decisions`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Architecture decision records</h2>
          <p className="max-w-3xl text-sm text-slate-600">
            Which Claude product, which models per use case, the data flows, integration points and failure modes. An accepted record is the
            governance artefact the Architecture Review approves.
          </p>
        </div>
        {canManage && <ButtonLink href={`${base}/new`}>New decision record</ButtonLink>}
      </div>
      {decisions.length === 0 ? (
        <EmptyState title="No decision records yet">
          {canManage
            ? "Write the first record: the product, models, data flows, integration points and failure modes."
            : "The programme manager has not written one yet."}
        </EmptyState>
      ) : (
        <Card>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" aria-label="Decision records">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Record
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Decision
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Claude product
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Accepted
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {decisions.map((d) => (
                  <tr key={d.id}>
                    <td className="whitespace-nowrap py-2 pr-3 font-mono text-xs">{adrLabel(d.number)}</td>
                    <td className="py-2 pr-3">
                      <Link href={`${base}/${d.id}`} className="font-medium text-brand-700 hover:underline">
                        {d.title}
                      </Link>
                    </td>
                    <td className="py-2 pr-3 text-xs">{d.claudeProduct}</td>
                    <td className="py-2 pr-3">
                      <Badge tone={DECISION_TONE[d.status]}>{DECISION_STATUS_LABELS[d.status]}</Badge>
                      {d.supersededBy && (
                        <p className="mt-1 text-xs">
                          by{" "}
                          <Link href={`${base}/${d.supersededBy.id}`} className="text-brand-700 underline">
                            {adrLabel(d.supersededBy.number)}
                          </Link>
                        </p>
                      )}
                    </td>
                    <td className="whitespace-nowrap py-2 text-xs">{d.acceptedAt ? formatDate(d.acceptedAt) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </div>
  );
}
