import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { DATA_SENSITIVITY_LABELS } from "@/domain/enums";
import {
  COMPLEXITY_RUBRIC,
  MAX_IN_FLIGHT,
  QUADRANT_LABELS,
  quadrantOf,
  rubricLabel,
  SCOPE_FIELD_LABELS,
  scopeValueLabel,
  VALUE_RUBRIC,
  type ScopeField,
} from "@/domain/use-cases";
import { UseCaseStatusBadge } from "@/features/use-cases/components/status-badge";
import { StatusControl } from "@/features/use-cases/components/status-control";
import { UseCasesNav } from "@/features/use-cases/components/use-cases-nav";
import { getUseCase } from "@/features/use-cases/server/get-use-case";
import { formatDate, formatDateTime } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Use case" };

export default async function UseCasePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const user = await requirePageUser(`/programmes/${slug}/use-cases/${id}`);
  const d = await loadOr404(() => getUseCase(user, slug, id));
  const u = d.useCase;
  const base = `/programmes/${slug}/use-cases`;
  const creep = d.scopeLog.filter((c) => c.scopeCreep).length;
  const missing = (v: string | null, what: string) => v ?? <span className="font-medium text-amber-800">No {what}</span>;

  return (
    <div className="space-y-6">
      <UseCasesNav slug={slug} canManage={d.canManage} />
      <PageHeader
        eyebrow={u.businessFunction}
        title={u.title}
        align="start"
        actions={
          d.canManage && (
            <ButtonLink variant="secondary" href={`${base}/${u.id}/edit`}>
              Edit
            </ButtonLink>
          )
        }
      >
        <div className="mt-1.5 flex flex-wrap items-center gap-1.5">
          <UseCaseStatusBadge status={u.status} />
          {u.rank !== null && <Badge>Rank {u.rank}</Badge>}
          {u.top3 && <Badge tone="info">Top 3</Badge>}
          {creep > 0 && (
            <Badge tone="danger">
              Scope creep · {creep} {creep === 1 ? "change" : "changes"}
            </Badge>
          )}
        </div>
      </PageHeader>

      {d.canManage && d.moves.length > 0 && (
        <Card title="Status">
          <StatusControl programmeSlug={slug} useCaseId={u.id} status={u.status} moves={d.moves} />
          <p className="mt-3 text-xs text-slate-500">
            In POC or pilot now: {d.inFlight.length} of {MAX_IN_FLIGHT}
            {d.inFlight.length > 0 && ` (${d.inFlight.map((x) => x.title).join(", ")})`}. A POC starts only with success criteria and a
            business sponsor.
          </p>
        </Card>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Scope">
          <dl className="space-y-3 text-sm">
            <Item label="Description">{u.description || <span className="text-slate-500">—</span>}</Item>
            <Item label="Success criteria">{missing(u.successCriteria, "success criteria")}</Item>
            <Item label="Claude product">{u.claudeProduct ?? "—"}</Item>
            <Item label="Model">{u.model ? <code className="font-mono text-xs">{u.model}</code> : "—"}</Item>
            <Item label="Data sensitivity">{DATA_SENSITIVITY_LABELS[u.dataSensitivity]}</Item>
          </dl>
        </Card>
        <Card title="Priority and people">
          <dl className="space-y-3 text-sm">
            <Item label="Business value">
              {u.businessValue ? `${u.businessValue} · ${rubricLabel(VALUE_RUBRIC, u.businessValue)}` : "Not scored"}
            </Item>
            <Item label="Implementation complexity">
              {u.complexity ? `${u.complexity} · ${rubricLabel(COMPLEXITY_RUBRIC, u.complexity)}` : "Not scored"}
            </Item>
            <Item label="Priority score">
              {u.score !== null ? `${u.score} of 25` : "—"}
              {u.businessValue && u.complexity && (
                <span className="text-slate-500"> · {QUADRANT_LABELS[quadrantOf(u.businessValue, u.complexity)]}</span>
              )}
            </Item>
            <Item label="Business sponsor">{missing(u.businessSponsor, "sponsor")}</Item>
            <Item label="Owner">
              {u.ownerName ? `${u.ownerName} (${u.ownerEmail})` : <span className="font-medium text-amber-800">No owner</span>}
            </Item>
            <Item label="POC started">{u.pocStartedAt ? formatDate(u.pocStartedAt) : "Not yet"}</Item>
          </dl>
        </Card>
      </div>

      <Card title="Scope-change log">
        {d.scopeLog.length === 0 ? (
          <EmptyState variant="inline" title="No changes of scope since it was added." />
        ) : (
          <Table label="Scope changes">
            <TableHead>
              <Tr>
                <Th>When (UTC)</Th>
                <Th>Field</Th>
                <Th>Before</Th>
                <Th>After</Th>
                <Th>By</Th>
                <Th>
                  <span className="sr-only">Flag</span>
                </Th>
              </Tr>
            </TableHead>
            <TableBody>
              {d.scopeLog.map((c) => (
                <Tr key={c.id} className={c.scopeCreep ? "bg-red-50/50" : undefined}>
                  <Td nowrap className="text-xs">
                    {formatDateTime(c.changedAt)}
                  </Td>
                  <Td>{SCOPE_FIELD_LABELS[c.field as ScopeField] ?? c.field}</Td>
                  <Td className="max-w-xs whitespace-pre-wrap text-slate-600">{scopeValueLabel(c.field, c.before)}</Td>
                  <Td className="max-w-xs whitespace-pre-wrap">{scopeValueLabel(c.field, c.after)}</Td>
                  <Td className="text-xs">{c.changedBy}</Td>
                  <Td>{c.scopeCreep ? <Badge tone="danger">Scope creep</Badge> : <Badge>Before POC</Badge>}</Td>
                </Tr>
              ))}
            </TableBody>
          </Table>
        )}
        <p className="mt-3 text-xs text-slate-500">
          Changes to the title, description, success criteria, business function, Claude product, model or data sensitivity are logged;
          after the POC starts they are scope creep.{" "}
          <Link href={`/programmes/${slug}/audit`} className="text-brand-700 underline">
            Audit trail
          </Link>
        </p>
      </Card>
    </div>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 whitespace-pre-wrap">{children}</dd>
    </div>
  );
}
