import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
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
  const beforeSeq = before && /^\d{1,15}$/.test(before) ? Number(before) : undefined;
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
          <EmptyState variant="inline" title="No events yet." />
        ) : (
          <Table>
            <TableHead>
              <Tr>
                <Th>#</Th>
                <Th>When (UTC)</Th>
                <Th>Who</Th>
                <Th>What</Th>
                <Th>Change</Th>
              </Tr>
            </TableHead>
            <TableBody>
              {events.map((e) => (
                <Tr key={e.seq}>
                  <Td className="font-mono text-xs text-slate-500">{e.seq}</Td>
                  <Td nowrap className="text-xs">
                    {formatDateTime(e.createdAt)}
                  </Td>
                  <Td className="text-xs">{e.actorLabel}</Td>
                  <Td>
                    <Badge>{e.action}</Badge>
                    <p className="mt-1 text-xs text-slate-500">{e.entityType}</p>
                  </Td>
                  <Td>
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
                      <p className="mt-1 break-all font-mono text-[10px] text-slate-500">sha256 {e.hash}</p>
                    </details>
                  </Td>
                </Tr>
              ))}
            </TableBody>
          </Table>
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
