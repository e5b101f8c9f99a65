import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { Stat } from "@/components/ui/stat";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { USE_CASE_STATUS_LABELS, USE_CASE_STATUSES } from "@/domain/enums";
import { MAX_IN_FLIGHT } from "@/domain/use-cases";
import { UseCaseStatusBadge } from "@/features/use-cases/components/status-badge";
import { UseCasesNav } from "@/features/use-cases/components/use-cases-nav";
import { listUseCases } from "@/features/use-cases/server/list-use-cases";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Use cases" };

type Search = Record<string, string | string[] | undefined>;

export default async function UseCasesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const search = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const user = await requirePageUser(`/programmes/${slug}/use-cases`);
  const data = await loadOr404(() =>
    listUseCases(user, slug, { status: first(search.status), fn: first(search.fn), owner: first(search.owner), q: first(search.q) }),
  );
  const { filters, useCases, canManage } = data;
  const base = `/programmes/${slug}/use-cases`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <UseCasesNav slug={slug} canManage={canManage} />
        <div className="flex flex-wrap gap-2">
          {data.total > 0 && (
            <a href={`${base}/export`} className={buttonClass("secondary")} download>
              Export CSV
            </a>
          )}
          {canManage && <ButtonLink href={`${base}/new`}>Add use case</ButtonLink>}
        </div>
      </div>

      {data.total === 0 ? (
        <EmptyState
          title="No use cases yet"
          action={
            canManage ? (
              <div className="flex justify-center gap-2">
                <ButtonLink href={`${base}/new`}>Add use case</ButtonLink>
                <ButtonLink variant="secondary" href={`${base}/import`}>
                  Import CSV
                </ButtonLink>
              </div>
            ) : undefined
          }
        >
          List every use case the business has proposed, score each for business value and implementation complexity, and force-rank the top
          three for the pilot.
          {!canManage && " The programme manager adds them."}
        </EmptyState>
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <Stat label="Use cases" value={String(data.total)} />
            <Stat
              label="In POC or pilot"
              value={`${data.inFlight} of ${MAX_IN_FLIGHT}`}
              tone={data.inFlight >= MAX_IN_FLIGHT ? "warning" : "neutral"}
              detail="At most three at once."
            />
            <Stat
              label="Without an owner"
              value={String(data.unowned)}
              tone={data.unowned > 0 ? "warning" : "success"}
              detail="Parked use cases not counted."
            />
          </div>

          <form
            method="get"
            action={base}
            role="search"
            aria-label="Filter use cases"
            className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
          >
            <div className="min-w-48 flex-1 space-y-1">
              <label htmlFor="f-q" className="block text-xs font-medium text-slate-700">
                Search
              </label>
              <input
                id="f-q"
                name="q"
                type="search"
                defaultValue={filters.q ?? ""}
                placeholder="Title, description, criteria, sponsor"
                className={inputClass()}
              />
            </div>
            <div className="space-y-1">
              <label htmlFor="f-status" className="block text-xs font-medium text-slate-700">
                Status
              </label>
              <select id="f-status" name="status" defaultValue={filters.status ?? ""} className={inputClass()}>
                <option value="">All statuses</option>
                {USE_CASE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {USE_CASE_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="f-fn" className="block text-xs font-medium text-slate-700">
                Business function
              </label>
              <select id="f-fn" name="fn" defaultValue={filters.fn ?? ""} className={inputClass()}>
                <option value="">All functions</option>
                {data.functions.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="f-owner" className="block text-xs font-medium text-slate-700">
                Owner
              </label>
              <select id="f-owner" name="owner" defaultValue={filters.owner ?? ""} className={inputClass()}>
                <option value="">Anyone or no one</option>
                <option value="unowned">No owner</option>
                {data.members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              Filter
            </button>
            {data.filtered && (
              <Link href={base} className="py-2 text-sm text-brand-700 hover:underline">
                Clear filters
              </Link>
            )}
          </form>

          <Card title={data.filtered ? `${useCases.length} of ${data.total} use cases` : `Inventory (${data.total})`}>
            {useCases.length === 0 ? (
              <EmptyState variant="inline" title="No use cases match these filters.">
                <Link href={base} className="text-brand-700 underline">
                  Clear filters
                </Link>
              </EmptyState>
            ) : (
              <Table label="Use cases">
                <TableHead>
                  <Tr>
                    <Th>Rank</Th>
                    <Th>Use case</Th>
                    <Th>Value</Th>
                    <Th>Complexity</Th>
                    <Th>Score</Th>
                    <Th>Status</Th>
                    <Th>Owner</Th>
                    <Th>Sponsor</Th>
                  </Tr>
                </TableHead>
                <TableBody>
                  {useCases.map((u) => (
                    <Tr key={u.id}>
                      <Td className="tabular-nums">
                        {u.rank ?? "—"}
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
                        <p className="text-xs text-slate-500">{u.businessFunction}</p>
                        {u.scopeCreep > 0 && (
                          <span className="mt-1 inline-block">
                            <Badge tone="danger">Scope creep · {u.scopeCreep}</Badge>
                          </span>
                        )}
                      </Td>
                      <Td className="tabular-nums">{u.businessValue ?? "—"}</Td>
                      <Td className="tabular-nums">{u.complexity ?? "—"}</Td>
                      <Td className="tabular-nums">{u.score ?? "—"}</Td>
                      <Td>
                        <UseCaseStatusBadge status={u.status} />
                      </Td>
                      <Td>
                        {u.ownerName ??
                          (u.status === "PARKED" ? (
                            <span className="text-slate-500">No owner</span>
                          ) : (
                            <span className="font-medium text-amber-800">No owner</span>
                          ))}
                      </Td>
                      <Td>{u.businessSponsor ?? <span className="text-slate-500">—</span>}</Td>
                    </Tr>
                  ))}
                </TableBody>
              </Table>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
