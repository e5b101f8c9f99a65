import type { Metadata } from "next";
import Link from "next/link";

import { Badge, type Tone } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
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
      <PageHeader
        title="Architecture decision records"
        description="Which Claude product, which models per use case, the data flows, integration points and failure modes. An accepted record is the governance artefact the Architecture Review approves."
        actions={canManage && <ButtonLink href={`${base}/new`}>New decision record</ButtonLink>}
      />
      {decisions.length === 0 ? (
        <EmptyState title="No decision records yet">
          {canManage
            ? "Write the first record: the product, models, data flows, integration points and failure modes."
            : "The programme manager has not written one yet."}
        </EmptyState>
      ) : (
        <Card>
          <Table label="Decision records">
            <TableHead>
              <Tr>
                <Th>Record</Th>
                <Th>Decision</Th>
                <Th>Claude product</Th>
                <Th>Status</Th>
                <Th>Accepted</Th>
              </Tr>
            </TableHead>
            <TableBody>
              {decisions.map((d) => (
                <Tr key={d.id}>
                  <Td nowrap className="font-mono text-xs">
                    {adrLabel(d.number)}
                  </Td>
                  <Td>
                    <Link href={`${base}/${d.id}`} className="font-medium text-brand-700 hover:underline">
                      {d.title}
                    </Link>
                  </Td>
                  <Td className="text-xs">{d.claudeProduct}</Td>
                  <Td>
                    <Badge tone={DECISION_TONE[d.status]}>{DECISION_STATUS_LABELS[d.status]}</Badge>
                    {d.supersededBy && (
                      <p className="mt-1 text-xs">
                        by{" "}
                        <Link href={`${base}/${d.supersededBy.id}`} className="text-brand-700 underline">
                          {adrLabel(d.supersededBy.number)}
                        </Link>
                      </p>
                    )}
                  </Td>
                  <Td nowrap className="text-xs">
                    {d.acceptedAt ? formatDate(d.acceptedAt) : "—"}
                  </Td>
                </Tr>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
    </div>
  );
}
