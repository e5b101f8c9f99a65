import type { Metadata } from "next";
import Link from "next/link";

import { Badge, type Tone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import type { SignalStatus } from "@/domain/health";
import { CohortAdoptionPanel } from "@/features/cohorts/components/cohort-adoption-panel";
import { AdoptionSources } from "@/features/usage/components/adoption-sources";
import { Kpi, SeriesTable } from "@/features/usage/components/dashboard-figures";
import { AdoptionChart, CostPerTaskChart, TasksChart, TokensChart } from "@/features/usage/components/usage-charts";
import { ValueSummary } from "@/features/usage/components/value-summary";
import { getDashboard } from "@/features/usage/server/get-dashboard";
import { formatCompact, formatCount, formatDay, formatShare, formatUsd, formatUsdPrecise } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Dashboard" };

const STATUS: Record<SignalStatus, { label: string; tone: Tone }> = {
  ON_TRACK: { label: "On track", tone: "success" },
  IN_TROUBLE: { label: "In trouble", tone: "danger" },
  WATCH: { label: "Watch", tone: "warning" },
  NOT_TRACKED: { label: "Not tracked yet", tone: "neutral" },
};
const BREAKDOWN_LABELS = { department: "Department", useCase: "Use case", cohort: "Cohort", model: "Model" } as const;

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const { slug } = await params;
  const range = await searchParams;
  const user = await requirePageUser(`/programmes/${slug}/dashboard`);
  const d = await loadOr404(() => getDashboard(user, slug, range));
  const m = d.metrics;
  const t = m.totals;
  const hasData = m.daily.some((x) => x.tasks > 0 || x.activeDaily > 0 || x.active28 > 0 || x.costUsd > 0 || x.tokens.output > 0);
  const tokensTotal = (k: { uncachedInput: number; cacheWrite: number; cacheRead: number; output: number }) =>
    k.uncachedInput + k.cacheWrite + k.cacheRead + k.output;
  const adoptionFromSummaries = m.adoption.source === "analytics-summaries";

  return (
    <div className="space-y-6">
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Date range">
        <div>
          <label htmlFor="from" className="block text-xs font-medium text-slate-700">
            From
          </label>
          <input id="from" name="from" type="date" defaultValue={d.range.from} className={inputClass()} />
        </div>
        <div>
          <label htmlFor="to" className="block text-xs font-medium text-slate-700">
            To
          </label>
          <input id="to" name="to" type="date" defaultValue={d.range.to} className={inputClass()} />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Show
        </button>
        <a href={`/programmes/${slug}/dashboard/export?from=${d.range.from}&to=${d.range.to}`} className={buttonClass("ghost")}>
          Download CSV
        </a>
        <Link href={`/programmes/${slug}/reports/weekly`} className={buttonClass("ghost")}>
          Weekly report
        </Link>
        <Link href={`/programmes/${slug}/dashboard/import`} className={buttonClass("ghost")}>
          Import usage
        </Link>
        <Link href={`/programmes/${slug}/dashboard/value`} className={buttonClass("ghost")}>
          Hourly costs
        </Link>
        {d.rangeError && (
          <p role="alert" className="text-sm text-red-700">
            That range was not valid ({d.rangeError}); showing the last 28 days.
          </p>
        )}
      </form>

      <Card title="Health signals">
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Health signals">
          {d.signals.map((s) => (
            <li key={s.key} className="rounded-md border border-slate-200 p-3">
              <div className="flex items-center justify-between gap-2">
                <span className="text-sm font-medium">{s.label}</span>
                <Badge tone={STATUS[s.status].tone}>{STATUS[s.status].label}</Badge>
              </div>
              <p className="mt-1 text-xs text-slate-600">{s.reason}</p>
            </li>
          ))}
        </ul>
      </Card>

      {!hasData ? (
        <EmptyState title="No usage data in this range">
          Send usage events to <code className="font-mono text-xs">POST /api/v1/programmes/{slug}/usage-events</code> with a programme API
          token (<code className="font-mono text-xs">npm run cli -- token create --programme {slug} --name pipeline</code>),{" "}
          <Link href={`/programmes/${slug}/dashboard/import`} className="font-medium text-brand-700 hover:underline">
            import a usage file or Claude Enterprise analytics summaries
          </Link>
          , or pick another range.
        </EmptyState>
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
            <Kpi
              label="Active users (28 days)"
              value={`${t.active28PctAtEnd}%`}
              detail={`${formatCount(t.active28AtEnd)} of ${formatCount(m.licensedSeats)} seats · ${formatCount(t.active7AtEnd)} in the last 7 days · from ${m.adoption.label}${m.adoption.asOf && m.adoption.asOf !== m.to ? `, as of ${formatDay(m.adoption.asOf)}` : ""}`}
              basis="measured"
            />
            <Kpi
              label="Tasks completed"
              value={formatCount(t.tasks)}
              detail={t.errorRate !== null ? `Error rate ${formatShare(t.errorRate)}` : undefined}
              basis="measured"
            />
            <Kpi
              label="Minutes saved"
              value={formatCount(t.minutesSaved.measured + t.minutesSaved.selfReported + t.minutesSaved.estimated)}
              detail={`${formatCount(t.minutesSaved.measured)} measured · ${formatCount(t.minutesSaved.selfReported)} self-reported · ${formatCount(t.minutesSaved.estimated)} estimated`}
              basis="mixed"
            />
            <Kpi
              label="API cost"
              value={formatUsd(t.costUsd)}
              detail={`${t.costPerTask !== null ? `${formatUsdPrecise(t.costPerTask)} per task` : "no tasks"}${d.forecast ? ` · forecast ${formatUsd(d.forecast.apiUsdForRange)} for these days (estimated, from "${d.forecast.scenario}")` : " · no approved budget to compare"}`}
              basis="measured"
            />
            <Kpi
              label="Tokens"
              value={formatCompact(t.tokens.total)}
              detail={`${formatCompact(t.tokens.uncachedInput)} uncached input · ${formatCompact(t.tokens.cacheWrite)} cache write · ${formatCompact(t.tokens.cacheRead)} cache read · ${formatCompact(t.tokens.output)} output`}
              basis="measured"
            />
          </div>

          <Card title="Value and return on cost (estimated)">
            <ValueSummary value={m.value} settingsHref={`/programmes/${slug}/dashboard/value`} canManage={d.access.can("costs.manage")} />
          </Card>

          <Card title="Adoption: 28-day active users against licensed seats">
            <p className="mb-2 text-xs text-slate-600" data-testid="adoption-source">
              Source: {m.adoption.label}
              {adoptionFromSummaries
                ? ` — Anthropic's count of everyone with a seat, across chat, Cowork and Claude Code, published a few days late (latest ${formatDay(m.adoption.asOf ?? m.to)}).`
                : "."}
            </p>
            <AdoptionChart data={m.daily} source={m.adoption.source} sourceLabel={m.adoption.label} />
            <AdoptionSources adoption={m.adoption} licensedSeats={m.licensedSeats} />
            <SeriesTable
              caption="Active users per day"
              rows={m.daily.map((x) => [
                formatDay(x.day),
                formatCount(x.activeDaily),
                formatCount(x.active7),
                formatCount(x.active28),
                `${x.active28Pct}%`,
                x.adoptionSource === "analytics-summaries"
                  ? "Analytics summary"
                  : x.adoptionSource === "usage-events"
                    ? "Usage events"
                    : "—",
              ])}
              head={["Day", "That day", "7 days", "28 days", "Of seats", "Source"]}
            />
          </Card>
          <CohortAdoptionPanel actor={user} slug={slug} />
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title="Tasks completed per day">
              <TasksChart data={m.daily} />
              <SeriesTable
                caption="Tasks and errors per day"
                rows={m.daily.map((x) => [formatDay(x.day), formatCount(x.tasks), formatCount(x.errors)])}
                head={["Day", "Tasks", "Errors"]}
              />
            </Card>
            <Card title="API cost per task">
              <CostPerTaskChart data={m.daily} />
              <SeriesTable
                caption="Cost per day"
                rows={m.daily.map((x) => [formatDay(x.day), formatUsd(x.costUsd), formatUsdPrecise(x.costPerTask)])}
                head={["Day", "Cost", "Per task"]}
              />
            </Card>
          </div>
          <Card title="Tokens per day, by type">
            <TokensChart data={m.daily} />
            <SeriesTable
              caption="Tokens per day by type"
              rows={m.daily.map((x) => [
                formatDay(x.day),
                formatCount(x.tokens.uncachedInput),
                formatCount(x.tokens.cacheWrite),
                formatCount(x.tokens.cacheRead),
                formatCount(x.tokens.output),
              ])}
              head={["Day", "Uncached input", "Cache write", "Cache read", "Output"]}
            />
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            {(Object.keys(BREAKDOWN_LABELS) as (keyof typeof BREAKDOWN_LABELS)[]).map((b) => (
              <Card key={b} title={`By ${BREAKDOWN_LABELS[b].toLowerCase()}`}>
                <Table caption={`Figures by ${BREAKDOWN_LABELS[b].toLowerCase()}`} density="compact">
                  <TableHead>
                    <Tr>
                      <Th>{BREAKDOWN_LABELS[b]}</Th>
                      <Th numeric>Tasks</Th>
                      <Th numeric>Minutes saved</Th>
                      <Th numeric>Tokens</Th>
                      <Th numeric>Cost</Th>
                    </Tr>
                  </TableHead>
                  <TableBody>
                    {m.breakdowns[b].map((r) => (
                      <Tr key={r.key}>
                        <Td>{r.key}</Td>
                        <Td numeric>{formatCount(r.tasks)}</Td>
                        <Td numeric>{formatCount(r.minutesSaved)}</Td>
                        <Td numeric>
                          <span
                            title={`${formatCount(r.tokens.uncachedInput)} uncached input, ${formatCount(r.tokens.cacheWrite)} cache write, ${formatCount(r.tokens.cacheRead)} cache read, ${formatCount(r.tokens.output)} output`}
                          >
                            {formatCompact(tokensTotal(r.tokens))}
                          </span>
                        </Td>
                        <Td numeric>{formatUsd(r.costUsd)}</Td>
                      </Tr>
                    ))}
                  </TableBody>
                </Table>
              </Card>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
