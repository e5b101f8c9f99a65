import type { Metadata } from "next";
import Link from "next/link";

import { Badge, type Tone } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { LEVEL_LABELS, RISK_STATUS_LABELS, type Level, type RiskStatus } from "@/domain/enums";
import { RiskHeatMap } from "@/features/risks/components/risk-heat-map";
import { listRisks } from "@/features/risks/server/list-risks";
import { formatDate } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Risk register" };

const STATUS_TONE: Record<RiskStatus, Tone> = { OPEN: "warning", MITIGATING: "info", ACCEPTED: "neutral", CLOSED: "success" };
const LEVEL_TONE: Record<Level, Tone> = { LOW: "neutral", MEDIUM: "warning", HIGH: "danger" };

export default async function RisksPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const user = await requirePageUser(`/programmes/${slug}/risks`);
  const r = await loadOr404(() => listRisks(user, slug, { probability: query.probability, impact: query.impact, flag: query.flag }));
  const base = `/programmes/${slug}/risks`;
  const filtered = r.filter.cell !== null || r.filter.flag !== null;
  const filterLabel = r.filter.cell
    ? `${LEVEL_LABELS[r.filter.cell.probability]} probability × ${LEVEL_LABELS[r.filter.cell.impact]} impact`
    : r.filter.flag === "unowned"
      ? "open risks without an owner"
      : r.filter.flag === "overdue"
        ? "open risks past their review date"
        : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Risk register"
        description={
          <>The playbook&apos;s ten deployment risks and the programme&apos;s own, each with an owner, a mitigation and a next review.</>
        }
        actions={r.canManage && <ButtonLink href={`${base}/new`}>Add a risk</ButtonLink>}
      />

      <div className="grid gap-4 sm:grid-cols-4">
        <Stat label="Open risks" value={r.counts.open} tone="neutral" />
        <Stat label="Open high risks" value={r.counts.openHigh} tone={r.counts.openHigh > 0 ? "danger" : "success"} />
        <Stat
          label="Open risks without an owner"
          value={r.counts.unowned}
          tone={r.counts.unowned > 0 ? "warning" : "success"}
          href={r.counts.unowned > 0 ? `${base}?flag=unowned#register` : undefined}
        />
        <Stat
          label="Open risks past their review date"
          value={r.counts.overdue}
          tone={r.counts.overdue > 0 ? "warning" : "success"}
          href={r.counts.overdue > 0 ? `${base}?flag=overdue#register` : undefined}
        />
      </div>

      <Card title="Heat map">
        <RiskHeatMap programmeSlug={slug} rows={r.heatMap} selected={r.filter.cell} />
      </Card>

      <Card
        title={<span id="register">{filtered ? `Risks: ${filterLabel} (${r.risks.length} of ${r.total})` : `All risks (${r.total})`}</span>}
        action={
          filtered ? (
            <Link href={base} className="text-sm font-medium text-brand-700 hover:underline">
              Show all risks
            </Link>
          ) : undefined
        }
      >
        {r.risks.length === 0 ? (
          <EmptyState variant="inline" title="No risks here." />
        ) : (
          <Table label="Risks">
            <TableHead>
              <Tr>
                <Th>Risk</Th>
                <Th>Probability</Th>
                <Th>Impact</Th>
                <Th>Owner</Th>
                <Th>Status</Th>
                <Th>Next review</Th>
              </Tr>
            </TableHead>
            <TableBody>
              {r.risks.map((risk) => (
                <Tr key={risk.id}>
                  <Td>
                    <Link href={`${base}/${risk.id}`} className="font-medium text-brand-700 hover:underline">
                      {risk.title}
                    </Link>
                    <p className="text-xs text-slate-600">{risk.consequence}</p>
                    <div className="mt-1 flex flex-wrap gap-1">
                      {risk.fromPlaybook && <Badge>Playbook</Badge>}
                      {risk.high && risk.status !== "CLOSED" && <Badge tone="danger">High · score {risk.score}</Badge>}
                    </div>
                  </Td>
                  <Td>
                    <Badge tone={LEVEL_TONE[risk.probability]}>{LEVEL_LABELS[risk.probability]}</Badge>
                  </Td>
                  <Td>
                    <Badge tone={LEVEL_TONE[risk.impact]}>{LEVEL_LABELS[risk.impact]}</Badge>
                  </Td>
                  <Td className="text-xs">
                    {risk.ownerName ?? <span className={risk.unowned ? "font-medium text-amber-800" : "text-slate-500"}>No owner</span>}
                  </Td>
                  <Td>
                    <Badge tone={STATUS_TONE[risk.status]}>{RISK_STATUS_LABELS[risk.status]}</Badge>
                  </Td>
                  <Td nowrap className="text-xs">
                    {risk.reviewDate ? formatDate(risk.reviewDate) : <span className="text-slate-500">Not set</span>}
                    {risk.overdue && (
                      <div className="mt-1">
                        <Badge tone="warning">Review overdue</Badge>
                      </div>
                    )}
                  </Td>
                </Tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
      {!r.canManage && <p className="text-sm text-slate-600">Only a programme manager can add or change risks.</p>}
    </div>
  );
}
