import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { GATE_STATUS_LABELS, LEVEL_LABELS } from "@/domain/enums";
import { NarrativeBadge } from "@/features/reports/components/narrative-badge";
import { NarrativeEditor } from "@/features/reports/components/narrative-editor";
import { ReviewButton } from "@/features/reports/components/review-button";
import { NARRATIVE_MODEL, narrativeParagraphs, narrativeProvenance } from "@/features/reports/narrative";
import { getWeeklyReport } from "@/features/reports/server/get-weekly-report";
import { ValueSummary } from "@/features/usage/components/value-summary";
import { formatChange, formatDate, formatDateTime, formatDay, formatFigure } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Weekly report" };

export default async function WeeklyReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ week?: string }>;
}) {
  const { slug } = await params;
  const { week } = await searchParams;
  const user = await requirePageUser(`/programmes/${slug}/reports/weekly`);
  const r = await loadOr404(() => getWeeklyReport(user, slug, week && /^\d{1,3}$/.test(week) ? Number(week) : undefined));
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Weekly report · week ${r.week}`}
        description={
          <>
            {formatDay(r.range.from)} to {formatDay(r.range.to)} (UTC)
          </>
        }
        actions={
          <nav aria-label="Weeks" className="flex flex-wrap items-center gap-2">
            {r.week > 1 && (
              <Link href={`?week=${r.week - 1}`} className={buttonClass("ghost")}>
                ← Week {r.week - 1}
              </Link>
            )}
            {r.week < r.currentWeek && (
              <Link href={`?week=${r.week + 1}`} className={buttonClass("ghost")}>
                Week {r.week + 1} →
              </Link>
            )}
            <a href={`/programmes/${slug}/reports/weekly/pdf?week=${r.week}`} className={buttonClass("primary")}>
              Download PDF
            </a>
          </nav>
        }
      />

      {(r.narrative || r.canNarrate) && (
        <Card title="Summary" action={<NarrativeBadge narrative={r.narrative} />}>
          <div className="space-y-3">
            {r.narrative?.status === "PUBLISHED" && (
              <>
                <div className="max-w-prose space-y-2 text-sm leading-relaxed">
                  {narrativeParagraphs(r.narrative.text).map((para, i) => (
                    <p key={i}>{para}</p>
                  ))}
                </div>
                <p className="text-xs text-slate-500">{narrativeProvenance(r.narrative)}</p>
              </>
            )}
            {r.narrative?.status === "DRAFTED" && (
              <p className="text-xs text-slate-600">
                {r.narrative.draftedByModel && r.narrative.draftedAt && (
                  <>
                    Drafted with Claude ({r.narrative.draftedByModel}) on {formatDateTime(r.narrative.draftedAt)}.{" "}
                  </>
                )}
                {r.narrative.editedBy && <>Edited by {r.narrative.editedBy}. </>}
                Only programme managers see it until it is published; the PDF includes it once published.
              </p>
            )}
            {r.canNarrate && (
              <NarrativeEditor
                key={r.narrative ? `${r.narrative.status}-${r.narrative.updatedAt.toISOString()}` : "none"}
                programmeSlug={slug}
                week={r.week}
                narrative={r.narrative && { text: r.narrative.text, status: r.narrative.status, editedBy: r.narrative.editedBy }}
                claudeConfigured={r.claudeConfigured}
                model={NARRATIVE_MODEL}
              />
            )}
          </div>
        </Card>
      )}

      <Card title="Metrics, and change from the week before">
        <Table caption="Metrics of the week" density="compact">
          <TableHead>
            <Tr>
              <Th>Figure</Th>
              <Th numeric>This week</Th>
              <Th numeric>Change</Th>
              <Th className="pl-6">Source</Th>
            </Tr>
          </TableHead>
          <TableBody>
            {r.figures.map((f) => (
              <Tr key={f.label}>
                <Td>{f.label}</Td>
                <Td numeric>{formatFigure(f.value, f.unit)}</Td>
                <Td numeric>{formatChange(f.value, f.before, f.unit)}</Td>
                <Td className="pl-6 text-xs text-slate-500">{f.basis}</Td>
              </Tr>
            ))}
          </TableBody>
        </Table>
      </Card>

      <Card title="Value and return on cost this week (estimated)">
        <ValueSummary value={r.value} settingsHref={`/programmes/${slug}/dashboard/value`} canManage={r.access.can("costs.manage")} />
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Gates">
          <ul className="space-y-1 text-sm">
            {r.gates.map((g) => (
              <li key={g.key} className="flex justify-between gap-2">
                <span>
                  {g.name} <span className="text-xs text-slate-500">· planned {formatDate(g.plannedDate)}</span>
                </span>
                <Badge
                  tone={
                    g.status === "APPROVED" ? "success" : g.status === "REJECTED" ? "danger" : g.status === "IN_REVIEW" ? "info" : "neutral"
                  }
                >
                  {GATE_STATUS_LABELS[g.status]}
                </Badge>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Top risks">
          <ol className="space-y-1 text-sm">
            {r.topRisks.map((k) => (
              <li key={k.id}>
                {k.title}{" "}
                <span className="text-xs text-slate-500">
                  · {LEVEL_LABELS[k.probability]} probability, {LEVEL_LABELS[k.impact]} impact · {k.ownerName ?? "no owner"}
                </span>
              </li>
            ))}
          </ol>
        </Card>
        <Card title={`Milestones hit (${r.milestonesHit.length})`}>
          {r.milestonesHit.length === 0 ? (
            <p className="text-sm text-slate-600">None this week.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {r.milestonesHit.map((m) => (
                <li key={`${m.week}-${m.title}`}>
                  Week {m.week}: {m.title}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={`Milestones slipped (${r.milestonesSlipped.length})`}>
          {r.milestonesSlipped.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing has slipped.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {r.milestonesSlipped.map((m) => (
                <li key={`${m.week}-${m.title}`}>
                  Week {m.week}: {m.title} <span className="text-xs text-amber-800">· due {formatDate(m.dueDate)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card title="Sponsor review">
        {r.reviews.length > 0 && (
          <ul className="mb-3 space-y-1 text-sm">
            {r.reviews.map((v) => (
              <li key={v.reviewerId}>
                Reviewed by {v.reviewedBy} on {formatDateTime(v.reviewedAt)}
                {v.note && <> — &ldquo;{v.note}&rdquo;</>}
              </li>
            ))}
          </ul>
        )}
        {r.canReview ? (
          <ReviewButton programmeSlug={slug} week={r.week} />
        ) : (
          r.reviews.length === 0 && <p className="text-sm text-slate-600">Not reviewed by the sponsor yet.</p>
        )}
      </Card>
    </div>
  );
}
