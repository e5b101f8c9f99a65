import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { listAuditEvents } from "@/features/audit/server/list-audit-events";
import { formatDateTime } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const { slug } = await params;
  const { before } = await searchParams;
  const beforeSeq = before && /^\d+$/.test(before) ? Number(before) : undefined;
  const user = await requirePageUser(`/programmes/${slug}/audit`);
  const { events, olderThan, verdict } = await loadOr404(() => listAuditEvents(user, slug, beforeSeq));
  return (
    <div className="space-y-4">
      <div
        role="status"
        className={
          verdict.ok
            ? "rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
            : "rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
        }
      >
        {verdict.ok ? (
          <>
            <strong>Chain intact.</strong> {verdict.events} events, each hash-linked to the one before. Head hash{" "}
            <code className="break-all font-mono text-xs">{verdict.headHash}</code>. Check it with{" "}
            <code className="font-mono text-xs">npm run cli -- audit verify --programme {slug}</code>.
          </>
        ) : (
          <>
            <strong>Chain broken at event #{verdict.brokenAtSeq}:</strong> {verdict.reason}.
          </>
        )}
      </div>
      <Card title="Events, newest first">
        {events.length === 0 ? (
          <p className="text-sm text-slate-600">No events yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    #
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    When (UTC)
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Who
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    What
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {events.map((e) => (
                  <tr key={e.seq}>
                    <td className="py-2 pr-3 font-mono text-xs text-slate-500">{e.seq}</td>
                    <td className="whitespace-nowrap py-2 pr-3 text-xs">{formatDateTime(e.createdAt)}</td>
                    <td className="py-2 pr-3 text-xs">{e.actorLabel}</td>
                    <td className="py-2 pr-3">
                      <Badge>{e.action}</Badge>
                      <p className="mt-1 text-xs text-slate-500">{e.entityType}</p>
                    </td>
                    <td className="py-2">
                      <details>
                        <summary className="cursor-pointer text-xs text-brand-700">Before and after</summary>
                        <div className="mt-2 grid gap-2 md:grid-cols-2">
                          <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">
                            {e.before ? JSON.stringify(e.before, null, 2) : "—"}
                          </pre>
                          <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">
                            {e.after ? JSON.stringify(e.after, null, 2) : "—"}
                          </pre>
                        </div>
                        <p className="mt-1 break-all font-mono text-[10px] text-slate-400">sha256 {e.hash}</p>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {olderThan && (
          <div className="mt-4">
            <Link href={`/programmes/${slug}/audit?before=${olderThan}`} className="text-sm font-medium text-brand-700 hover:underline">
              Older events →
            </Link>
          </div>
        )}
      </Card>
    </div>
  );
}
