import type { Metadata } from "next";
import Link from "next/link";

import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { AuditChainStatus } from "@/features/audit/components/audit-chain-status";
import { AuditEventList } from "@/features/audit/components/audit-event-list";
import { AuditFiltersForm } from "@/features/audit/components/audit-filters";
import type { AuditFilters } from "@/features/audit/schemas";
import { listAuditEvents } from "@/features/audit/server/list-audit-events";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Audit trail" };

type Search = Partial<Record<"actor" | "type" | "action" | "gate" | "from" | "to" | "before", string | string[]>>;

/** The query string of the filters (and optionally a page), for links that keep them. */
function query(f: AuditFilters, before?: number) {
  const q = new URLSearchParams();
  for (const k of ["actor", "type", "action", "gate", "from", "to"] as const) {
    const v = f[k];
    if (v) q.set(k, v);
  }
  if (before) q.set("before", String(before));
  return q.toString();
}

export default async function AuditPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const user = await requirePageUser(`/programmes/${slug}/audit`);
  const { events, olderThan, verdict, filters, problems, options } = await loadOr404(() => listAuditEvents(user, slug, raw));
  const filtered = query(filters) !== "";
  return (
    <div className="space-y-4">
      <AuditChainStatus verdict={verdict} slug={slug} />
      <Card title="Find events">
        <AuditFiltersForm slug={slug} filters={filters} options={options} />
        {problems.length > 0 && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {problems.join(" ")} That filter was left out.
          </p>
        )}
      </Card>
      <Card title={filtered ? "Matching events, newest first" : "Events, newest first"}>
        {events.length === 0 ? (
          <EmptyState variant="inline" title={filtered ? "No events match these filters." : "No events yet."}>
            {filtered ? "Widen the dates or clear a filter." : "Every change in the programme is recorded here."}
          </EmptyState>
        ) : (
          <AuditEventList events={events} />
        )}
        <div className="mt-4 flex flex-wrap gap-4 text-sm">
          {filters.before && (
            <Link href={`/programmes/${slug}/audit?${query(filters)}`} className="font-medium text-brand-700 hover:underline">
              ← Newest events
            </Link>
          )}
          {olderThan && (
            <Link href={`/programmes/${slug}/audit?${query(filters, olderThan)}`} className="font-medium text-brand-700 hover:underline">
              Older events →
            </Link>
          )}
          <a href={`/programmes/${slug}/audit/export`} className="ml-auto font-medium text-brand-700 hover:underline" download>
            Export the whole chain (JSON Lines)
          </a>
        </div>
      </Card>
    </div>
  );
}
