import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
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
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Workflow library</h2>
          <p className="max-w-3xl text-sm text-slate-600">
            Tasks the business repeats, turned into workflows anyone on the team can run: specific, configured, documented, owned — and
            tested before they reach production. Listed most mature first.
          </p>
        </div>
        {canManage && <ButtonLink href={`${base}/new`}>New workflow</ButtonLink>}
      </div>
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
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" aria-label="Workflows">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Workflow
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Maturity
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Labels
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Owner
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Use case
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Test cases
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Latest evaluation
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {workflows.map((w) => (
                  <tr key={w.id}>
                    <td className="py-2 pr-3">
                      <Link href={`${base}/${w.slug}`} className="font-medium text-brand-700 hover:underline">
                        {w.name}
                      </Link>
                      <p className="max-w-md text-xs text-slate-500">{w.task}</p>
                    </td>
                    <td className="py-2 pr-3">
                      <MaturityDots properties={w.properties} />
                    </td>
                    <td className="space-x-1 whitespace-nowrap py-2 pr-3">
                      {w.productionVersion && <Badge tone="success">production v{w.productionVersion}</Badge>}
                      {w.candidateVersion && <Badge tone="info">candidate v{w.candidateVersion}</Badge>}
                      {w.latestVersion !== w.productionVersion && w.latestVersion !== w.candidateVersion && (
                        <Badge>draft v{w.latestVersion}</Badge>
                      )}
                    </td>
                    <td className="py-2 pr-3 text-xs">{w.ownerName ?? <Badge tone="warning">No owner</Badge>}</td>
                    <td className="py-2 pr-3 text-xs">{w.useCase ?? "—"}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{w.testCases}</td>
                    <td className="py-2 text-right tabular-nums">{w.latestPassRate === null ? "—" : formatRate(w.latestPassRate)}</td>
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
