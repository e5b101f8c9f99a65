import type { Metadata } from "next";
import Link from "next/link";

import { Badge, type Tone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { POLICY_VERSION_STATUS_LABELS, type PolicyVersionStatus } from "@/domain/enums";
import { NewDraftButton } from "@/features/policies/components/new-draft-button";
import { PolicyBody } from "@/features/policies/components/policy-body";
import { PolicyDraftEditor } from "@/features/policies/components/policy-draft-editor";
import { getAcceptableUsePolicy } from "@/features/policies/server/get-policy";
import { formatDate, formatDateTime } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Acceptable use policy" };

const TONE: Record<PolicyVersionStatus, Tone> = { DRAFT: "info", PUBLISHED: "success", RETIRED: "neutral" };

export default async function PolicyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/policy`);
  const p = await loadOr404(() => getAcceptableUsePolicy(user, slug));
  const base = `/programmes/${slug}/policy`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={p.title}
        description="What people can and cannot do with Claude, published before anyone uses it. The published version is evidence for the Architecture Review, and the pilot cannot start without one."
      />

      {p.published ? (
        <Card
          title={
            <>
              Published: version {p.published.version}
              <span className="ml-2 font-normal text-slate-500">since {formatDate(p.published.publishedAt ?? p.published.createdAt)}</span>
            </>
          }
          action={<Badge tone="success">Published</Badge>}
        >
          <PolicyBody html={p.published.html} label={`Acceptable use policy, version ${p.published.version}`} />
        </Card>
      ) : (
        <div role="status" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <strong>Not published yet.</strong> The pilot cannot start until an acceptable use policy is published.
        </div>
      )}

      {p.draft ? (
        <div className="grid gap-6 xl:grid-cols-2">
          {p.canManage && (
            <Card title={`Draft: version ${p.draft.version}`} action={<Badge tone="info">Draft</Badge>}>
              <PolicyDraftEditor
                programmeSlug={slug}
                versionId={p.draft.id}
                version={p.draft.version}
                body={p.draft.body}
                hasPublished={p.published !== null}
              />
            </Card>
          )}
          <Card title={`Preview of the saved draft (version ${p.draft.version})`}>
            <PolicyBody html={p.draft.html} label={`Draft version ${p.draft.version} preview`} />
          </Card>
        </div>
      ) : (
        p.canManage && (
          <Card title="Next version">
            <p className="mb-3 text-sm text-slate-600">
              {p.history.length === 0
                ? "The first draft starts from an outline: what Claude is for, what users must not do, data retention and monitoring, and where to get help."
                : `A new draft starts from version ${p.history[0]!.version}'s text.`}
            </p>
            <NewDraftButton programmeSlug={slug} first={p.history.length === 0} />
          </Card>
        )
      )}

      <Card title="Version history">
        {p.history.length === 0 ? (
          <EmptyState variant="inline" title="No versions yet." />
        ) : (
          <Table label="Version history">
            <TableHead>
              <Tr>
                <Th>Version</Th>
                <Th>Status</Th>
                <Th>Started</Th>
                <Th>Published</Th>
              </Tr>
            </TableHead>
            <TableBody>
              {p.history.map((v) => (
                <Tr key={v.id}>
                  <Td>
                    <Link href={`${base}/versions/${v.version}`} className="font-medium text-brand-700 hover:underline">
                      Version {v.version}
                    </Link>
                  </Td>
                  <Td>
                    <Badge tone={TONE[v.status]}>{POLICY_VERSION_STATUS_LABELS[v.status]}</Badge>
                  </Td>
                  <Td className="text-xs">{formatDateTime(v.createdAt)}</Td>
                  <Td className="text-xs">{v.publishedAt ? formatDateTime(v.publishedAt) : "—"}</Td>
                </Tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      {!p.canManage && <p className="text-sm text-slate-600">Only a programme manager can write and publish the policy.</p>}
    </div>
  );
}
