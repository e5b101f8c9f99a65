import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { RetryJobButton } from "@/features/jobs/components/retry-job-button";
import { FAILED_JOBS_SHOWN, listFailedJobs } from "@/features/jobs/server/list-failed-jobs";
import { formatDateTime } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { ForbiddenError } from "@/server/errors";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Failed jobs" };

export default async function JobsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/jobs`);
  const jobs = await loadOr404(() =>
    listFailedJobs(user, slug).catch((e: unknown) => (e instanceof ForbiddenError ? null : Promise.reject(e))),
  );
  if (!jobs)
    return (
      <EmptyState title="Only a programme manager sees this programme's failed jobs.">
        Ask a programme manager if an evaluation or a usage sync seems stuck.
      </EmptyState>
    );
  return (
    <div className="space-y-6">
      <PageHeader
        title="Failed jobs"
        description="Work Gatehouse does in the background for this programme (evaluations, usage syncs) is retried by itself a few times. What still failed is listed here with the reason; Retry runs it again."
      />
      <Card title={`Failed jobs (${jobs.length}${jobs.length === FAILED_JOBS_SHOWN ? "+" : ""})`}>
        {jobs.length === 0 ? (
          <EmptyState title="No failed jobs." variant="inline">
            Every background job of this programme has finished or is still running.
          </EmptyState>
        ) : (
          <Table label="Failed jobs">
            <TableHead>
              <Tr>
                <Th>Kind</Th>
                <Th>For</Th>
                <Th numeric>Attempts</Th>
                <Th>Last error</Th>
                <Th>Failed</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </Tr>
            </TableHead>
            <TableBody>
              {jobs.map((j) => (
                <Tr key={j.id}>
                  <Th scope="row">{j.kind}</Th>
                  <Td>{j.subject ?? "—"}</Td>
                  <Td numeric>{j.attempts}</Td>
                  <Td className="max-w-md break-words text-sm">{j.lastError ?? "—"}</Td>
                  <Td nowrap>{j.failedAt ? formatDateTime(j.failedAt) : "—"}</Td>
                  <Td>
                    <RetryJobButton programmeSlug={slug} job={{ id: j.id, kind: j.kind }} />
                  </Td>
                </Tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
