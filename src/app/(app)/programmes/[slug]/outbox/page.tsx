import type { Metadata } from "next";
import Link from "next/link";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { EmailStatus } from "@/features/notifications/components/email-status";
import { listOutbox } from "@/features/notifications/server/outbox";
import { formatDateTime } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { ForbiddenError } from "@/server/errors";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/outbox`);
  const outbox = await loadOr404(() =>
    listOutbox(user, slug).catch((e: unknown) => (e instanceof ForbiddenError ? null : Promise.reject(e))),
  );
  if (!outbox)
    return (
      <EmptyState title="Only a programme manager reads this programme's outbox.">
        Your own notifications are in your inbox (the bell at the top).
      </EmptyState>
    );
  const { emails } = outbox;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Outbox"
        description="Every email about this programme: sent, waiting to be sent, failed, or — with no SMTP server configured — kept here so you can read what would have gone out."
      />
      {emails.length === 0 ? (
        <EmptyState title="No emails yet">
          Emails appear here when someone is notified: a gate opened for review, a signature voided, a decision.
        </EmptyState>
      ) : (
        <Table label="Emails">
          <TableHead>
            <Tr>
              <Th>Subject</Th>
              <Th>To</Th>
              <Th>Kind</Th>
              <Th>Status</Th>
              <Th>Queued</Th>
            </Tr>
          </TableHead>
          <TableBody>
            {emails.map((e) => (
              <Tr key={e.id}>
                <Th scope="row" className="font-normal">
                  <Link href={`/programmes/${slug}/outbox/${e.id}`} className="text-brand-700 hover:underline">
                    {e.subject}
                  </Link>
                </Th>
                <Td className="break-all">{e.toAddress}</Td>
                <Td>{e.category}</Td>
                <Td>
                  <EmailStatus status={e.status} />
                  {e.lastError && e.status !== "NOT_SENT" && <p className="mt-1 text-xs text-slate-600">{e.lastError}</p>}
                </Td>
                <Td nowrap>{formatDateTime(e.createdAt)}</Td>
              </Tr>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
