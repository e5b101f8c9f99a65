import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { formatRate } from "@/domain/workflows";
import { MaturityDots } from "@/features/workflows/components/maturity";
import { getLibrary } from "@/features/workflows/server/queries";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Workflow library" };

export default async function WorkflowLibraryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/workflows`);
  const { workflows, canManage } = await loadOr404(() => getLibrary(user, slug));
  const base = `/programmes/${slug}/workflows`;
  const unowned = workflows.filter((w) => !w.ownerName);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Workflow library"
        description="Tasks the business repeats, turned into workflows anyone on the team can run: specific, configured, documented, owned — and tested before they reach production. Listed most mature first."
        actions={canManage && <ButtonLink href={`${base}/new`}>New workflow</ButtonLink>}
      />
      {unowned.length > 0 && (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {unowned.length === 1 ? "1 workflow has" : `${unowned.length} workflows have`} no owner: {unowned.map((w) => w.name).join(", ")}.
          A workflow without an owner cannot leave draft.
        </p>
      )}
      {workflows.length === 0 ? (
        <EmptyState
          title="No workflows yet"
          action={canManage ? <ButtonLink href={`${base}/new`}>Write the first workflow</ButtonLink> : undefined}
        >
          Start with one task a team does every week, write down the context a new colleague would need, and test it on three real examples.
        </EmptyState>
      ) : (
        <Card>
          <Table label="Workflows">
            <TableHead>
              <Tr>
                <Th>Workflow</Th>
                <Th>Maturity</Th>
                <Th>Labels</Th>
                <Th>Owner</Th>
                <Th>Use case</Th>
                <Th numeric>Test cases</Th>
                <Th numeric>Latest evaluation</Th>
              </Tr>
            </TableHead>
            <TableBody>
              {workflows.map((w) => (
                <Tr key={w.id}>
                  <Td>
                    <Link href={`${base}/${w.slug}`} className="font-medium text-brand-700 hover:underline">
                      {w.name}
                    </Link>
                    <p className="max-w-md text-xs text-slate-500">{w.task}</p>
                  </Td>
                  <Td>
                    <MaturityDots properties={w.properties} />
                  </Td>
                  <Td nowrap className="space-x-1">
                    {w.productionVersion && <Badge tone="success">production v{w.productionVersion}</Badge>}
                    {w.candidateVersion && <Badge tone="info">candidate v{w.candidateVersion}</Badge>}
                    {w.latestVersion !== w.productionVersion && w.latestVersion !== w.candidateVersion && (
                      <Badge>draft v{w.latestVersion}</Badge>
                    )}
                  </Td>
                  <Td className="text-xs">{w.ownerName ?? <Badge tone="warning">No owner</Badge>}</Td>
                  <Td className="text-xs">{w.useCase ?? "—"}</Td>
                  <Td numeric>{w.testCases}</Td>
                  <Td numeric>{w.latestPassRate === null ? "—" : formatRate(w.latestPassRate)}</Td>
                </Tr>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
    </div>
  );
}
