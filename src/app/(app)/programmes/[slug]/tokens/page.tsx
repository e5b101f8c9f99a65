import type { Metadata } from "next";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { CreateTokenForm } from "@/features/tokens/components/create-token-form";
import { RevokeTokenButton } from "@/features/tokens/components/revoke-token-button";
import { listProgrammeTokens } from "@/features/tokens/server/list-programme-tokens";
import { formatDateTime } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/tokens`);
  const { tokens } = await loadOr404(() => listProgrammeTokens(user, slug));
  return (
    <div className="space-y-6">
      <PageHeader
        title="API tokens"
        back={{ href: `/programmes/${slug}/members`, label: "Members" }}
        description="Tokens let other systems use this programme's JSON API (usage batches, gate status, workflow runs). Each works for this programme only."
      />
      <Card title={`Tokens (${tokens.length})`}>
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-600">No tokens yet.</p>
        ) : (
          <Table label="API tokens">
            <TableHead>
              <Tr>
                <Th>Name</Th>
                <Th>Token</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </Tr>
            </TableHead>
            <TableBody>
              {tokens.map((t) => (
                <Tr key={t.id}>
                  <Th scope="row">{t.name}</Th>
                  <Td nowrap>
                    <code className="text-xs">{t.prefix}…</code>
                  </Td>
                  <Td>
                    {formatDateTime(t.createdAt)}
                    <span className="block text-xs text-slate-600">by {t.createdBy?.name ?? "an operator (CLI)"}</span>
                  </Td>
                  <Td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}</Td>
                  <Td>
                    {t.revokedAt ? (
                      <Badge tone="warning">Revoked {formatDateTime(t.revokedAt)}</Badge>
                    ) : (
                      <Badge tone="success">Active</Badge>
                    )}
                  </Td>
                  <Td>{!t.revokedAt && <RevokeTokenButton programmeSlug={slug} token={{ id: t.id, name: t.name }} />}</Td>
                </Tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      <Card title="New token">
        <CreateTokenForm programmeSlug={slug} />
      </Card>
      <Card title="Data and contract">
        <ul className="space-y-2 text-sm">
          <li>
            <a href={`/programmes/${slug}/export`} className="text-brand-700 underline" download>
              Download the whole programme (.zip)
            </a>
            <span className="block text-xs text-slate-600">
              Every record as JSON, each gate round&apos;s record as a PDF, and the audit chain&apos;s head hash: a copy your organisation
              can keep. Also <code>npm run cli -- export --programme {slug}</code>.
            </span>
          </li>
          <li>
            <a href="/api/v1/openapi.json" className="text-brand-700 underline">
              API contract (OpenAPI 3.1)
            </a>
            <span className="block text-xs text-slate-600">Every endpoint these tokens open, with its request, answers and errors.</span>
          </li>
        </ul>
      </Card>
    </div>
  );
}
