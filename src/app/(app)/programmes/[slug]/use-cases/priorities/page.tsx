import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { QUADRANT_HINTS, QUADRANT_LABELS, QUADRANTS, RANKING_RULE, TOP_N } from "@/domain/use-cases";
import { PriorityMatrix } from "@/features/use-cases/components/priority-matrix";
import { UseCaseStatusBadge } from "@/features/use-cases/components/status-badge";
import { UseCasesNav } from "@/features/use-cases/components/use-cases-nav";
import { getUseCasePriorities } from "@/features/use-cases/server/get-use-case-priorities";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Use-case priorities" };

export default async function UseCasePrioritiesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/use-cases/priorities`);
  const { access, ranked, parked, unscored } = await loadOr404(() => getUseCasePriorities(user, slug));
  const canManage = access.can("usecases.manage");
  const base = `/programmes/${slug}/use-cases`;
  const top = ranked.filter((r) => r.top3);

  return (
    <div className="space-y-6">
      <UseCasesNav slug={slug} canManage={canManage} />
      {ranked.length === 0 ? (
        <EmptyState title="Nothing to rank yet" action={canManage ? <ButtonLink href={`${base}/new`}>Add use case</ButtonLink> : undefined}>
          Score use cases for business value and implementation complexity and they appear here, ranked and on the priority matrix.
        </EmptyState>
      ) : (
        <>
          <Card title={`Top ${TOP_N}`}>
            <ol className="grid gap-3 sm:grid-cols-3" aria-label={`Top ${TOP_N} use cases`}>
              {top.map((u) => (
                <li key={u.id} className="rounded-md border border-brand-100 bg-brand-50 p-3">
                  <p className="text-xs font-medium text-brand-700">
                    #{u.rank} · score {u.score}
                  </p>
                  <Link href={`${base}/${u.id}`} className="font-medium text-slate-900 hover:underline">
                    {u.title}
                  </Link>
                  <p className="text-xs text-slate-600">
                    {u.businessFunction} · {QUADRANT_LABELS[u.quadrant]}
                  </p>
                </li>
              ))}
            </ol>
          </Card>

          <Card title="Priority matrix">
            <PriorityMatrix
              points={ranked.map((r) => ({
                id: r.id,
                title: r.title,
                rank: r.rank,
                top3: r.top3,
                businessValue: r.businessValue,
                complexity: r.complexity,
                score: r.score,
              }))}
            />
            <ul className="mt-2 grid gap-1 text-xs text-slate-600 sm:grid-cols-2">
              {QUADRANTS.map((q) => (
                <li key={q}>
                  <strong className="text-slate-800">{QUADRANT_LABELS[q]}:</strong> {QUADRANT_HINTS[q]}
                </li>
              ))}
            </ul>
          </Card>

          <Card title="Force-ranked list">
            <p className="mb-3 text-sm text-slate-600" data-testid="ranking-rule">
              {RANKING_RULE}
            </p>
            <Table label="Ranked use cases">
              <TableHead>
                <Tr>
                  <Th>Rank</Th>
                  <Th>Use case</Th>
                  <Th>Business value</Th>
                  <Th>Complexity</Th>
                  <Th>Score</Th>
                  <Th>Quadrant</Th>
                  <Th>Status</Th>
                  <Th>Owner</Th>
                </Tr>
              </TableHead>
              <TableBody>
                {ranked.map((u) => (
                  <Tr key={u.id} className={u.top3 ? "bg-brand-50/40" : undefined}>
                    <Td className="tabular-nums">
                      {u.rank}
                      {u.top3 && (
                        <span className="ml-1.5">
                          <Badge tone="info">Top 3</Badge>
                        </span>
                      )}
                    </Td>
                    <Td>
                      <Link href={`${base}/${u.id}`} className="font-medium text-brand-700 hover:underline">
                        {u.title}
                      </Link>
                    </Td>
                    <Td className="tabular-nums">{u.businessValue}</Td>
                    <Td className="tabular-nums">{u.complexity}</Td>
                    <Td className="tabular-nums">{u.score}</Td>
                    <Td>{QUADRANT_LABELS[u.quadrant]}</Td>
                    <Td>
                      <UseCaseStatusBadge status={u.status} />
                    </Td>
                    <Td>{u.ownerName ?? <span className="font-medium text-amber-800">No owner</span>}</Td>
                  </Tr>
                ))}
              </TableBody>
            </Table>
            {(parked.length > 0 || unscored.length > 0) && (
              <p className="mt-3 text-xs text-slate-500">
                {parked.length > 0 && <>Not ranked, parked: {parked.map((p) => p.title).join(", ")}. </>}
                {unscored.length > 0 && <>Not ranked, not scored yet: {unscored.map((p) => p.title).join(", ")}.</>}
              </p>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
