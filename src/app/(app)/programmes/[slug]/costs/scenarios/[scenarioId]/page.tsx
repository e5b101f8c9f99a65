import type { Metadata } from "next";
import Form from "next/form";

import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableFoot, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { BUDGET_APPROVAL_STATUS_LABELS } from "@/domain/budget-approvals";
import { CACHE_READS_PER_WRITE } from "@/domain/costs";
import { COST_COLORS, TOKEN_COLORS } from "@/features/costs/colors";
import { ApproveBudgetForm } from "@/features/costs/components/approve-budget-form";
import { RevokeBudgetForm, SendBackScenarioForm } from "@/features/costs/components/budget-reason-form";
import { CostBarChart } from "@/features/costs/components/cost-chart";
import { DeleteScenarioButton } from "@/features/costs/components/delete-scenario-button";
import { getScenario, MAX_COMPARED_MODELS } from "@/features/costs/server/get-scenario";
import { formatCompact, formatCount, formatDate, formatDateTime, formatShare, formatUsd, formatUsdPrecise } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Cost scenario" };

const BREAKDOWN_COLORS = (n: number) => [
  ...Array.from({ length: n }, () => COST_COLORS.tokens),
  COST_COLORS.seats,
  COST_COLORS.people,
  COST_COLORS.people,
  COST_COLORS.people,
];

export default async function ScenarioPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; scenarioId: string }>;
  searchParams: Promise<{ compare?: string | string[] }>;
}) {
  const { slug, scenarioId } = await params;
  const { compare } = await searchParams;
  const base = `/programmes/${slug}/costs`;
  const user = await requirePageUser(`${base}/scenarios/${scenarioId}`);
  const v = await loadOr404(() =>
    getScenario(user, slug, scenarioId, compare === undefined ? [] : Array.isArray(compare) ? compare : [compare]),
  );
  const { scenario: s, result: r } = v;
  const mixTokenCosts = {
    uncachedInput: r.models.reduce((n, m) => n + m.cost.uncachedInput, 0),
    cacheWrite: r.models.reduce((n, m) => n + m.cost.cacheWrite, 0),
    cacheRead: r.models.reduce((n, m) => n + m.cost.cacheRead, 0),
    output: r.models.reduce((n, m) => n + m.cost.output, 0),
  };

  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumbs={[{ href: base, label: "Cost model" }]}
        current="scenario"
        title={s.name}
        description={
          <>
            {formatCount(s.users)} users × {s.tasksPerUserPerDay} tasks a day × {s.workingDaysPerMonth} working days ={" "}
            {formatCount(r.tasksPerMonth)} tasks a month · {formatCount(s.inputTokensPerTask)} input and{" "}
            {formatCount(s.outputTokensPerTask)} output tokens per task (
            {s.tokensMeasuredWith ? `measured: ${s.tokensMeasuredWith}` : "entered by hand"})
          </>
        }
        align="start"
        actions={
          v.canManage && (
            <>
              <ButtonLink variant="secondary" href={`${base}/scenarios/${s.id}/edit`}>
                Edit scenario
              </ButtonLink>
              <DeleteScenarioButton programmeSlug={slug} scenarioId={s.id} name={s.name} />
            </>
          )
        }
      />

      {r.unpricedModels.length > 0 && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          No price in force for {r.unpricedModels.join(", ")}: its tokens are counted at $0. Fix the price table or the model mix.
        </p>
      )}

      <dl className="grid gap-4 sm:grid-cols-4" aria-label="Results">
        {[
          ["Monthly total", formatUsd(r.monthlyTotal)],
          ["90-day total", formatUsd(r.ninetyDayTotal)],
          ["Cost per task (all-in)", formatUsdPrecise(r.costPerTask)],
          ["API cost per task", formatUsdPrecise(r.tokenCostPerTask)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      <Card title="Monthly cost by component">
        <div className="grid gap-6 lg:grid-cols-2">
          <CostBarChart
            label={`Monthly cost of ${s.name} by component: ${v.breakdown.map((b) => `${b.label} ${formatUsd(b.monthly)}`).join("; ")}.`}
            data={v.breakdown.map((b) => ({ name: b.label, monthly: b.monthly }))}
            series={[{ key: "monthly", label: "Monthly", color: COST_COLORS.tokens }]}
            colors={BREAKDOWN_COLORS(r.models.length)}
            horizontal
            height={Math.max(220, 44 * v.breakdown.length)}
          />
          <Table label="Monthly cost by component">
            <TableHead>
              <Tr>
                <Th>Component</Th>
                <Th numeric>Monthly</Th>
                <Th numeric>90 days</Th>
                <Th numeric>Share</Th>
              </Tr>
            </TableHead>
            <TableBody>
              {v.breakdown.map((b) => (
                <Tr key={b.key}>
                  <Th scope="row" plain>
                    {b.label}
                  </Th>
                  <Td numeric>{formatUsd(b.monthly)}</Td>
                  <Td numeric>{formatUsd(b.monthly * 3)}</Td>
                  <Td numeric>{r.monthlyTotal > 0 ? formatShare(b.monthly / r.monthlyTotal) : "—"}</Td>
                </Tr>
              ))}
            </TableBody>
            <TableFoot>
              <Tr>
                <Th scope="row" className="font-semibold">
                  Total
                </Th>
                <Td numeric className="font-semibold">
                  {formatUsd(r.monthlyTotal)}
                </Td>
                <Td numeric className="font-semibold">
                  {formatUsd(r.ninetyDayTotal)}
                </Td>
                <Td numeric className="font-semibold">
                  100%
                </Td>
              </Tr>
            </TableFoot>
          </Table>
        </div>
      </Card>

      <Card title="API tokens by model, per month">
        <Table label="API tokens by model">
          <TableHead>
            <Tr>
              <Th>Model</Th>
              <Th numeric>Share</Th>
              <Th numeric>Tasks</Th>
              <Th numeric>Uncached input</Th>
              <Th numeric>Cache writes</Th>
              <Th numeric>Cache reads</Th>
              <Th numeric>Output</Th>
              <Th numeric>Batch saving</Th>
              <Th numeric>Cost</Th>
            </Tr>
          </TableHead>
          <TableBody>
            {r.models.map((m) => (
              <Tr key={m.model}>
                <Th scope="row" plain>
                  {m.label}
                  {m.priceModel && m.priceModel !== m.model && (
                    <span className="block text-xs text-slate-500">priced at the prompts-over-100k tier</span>
                  )}
                </Th>
                <Td numeric>{formatShare(m.share)}</Td>
                <Td numeric>{formatCount(m.tasks)}</Td>
                <Td numeric>
                  {formatCompact(m.tokens.uncachedInput)} · {formatUsd(m.cost.uncachedInput)}
                </Td>
                <Td numeric>
                  {formatCompact(m.tokens.cacheWrite)} · {formatUsd(m.cost.cacheWrite)}
                </Td>
                <Td numeric>
                  {formatCompact(m.tokens.cacheRead)} · {formatUsd(m.cost.cacheRead)}
                </Td>
                <Td numeric>
                  {formatCompact(m.tokens.output)} · {formatUsd(m.cost.output)}
                </Td>
                <Td numeric>{formatUsd(m.batchSaving)}</Td>
                <Td numeric className="font-medium">
                  {formatUsd(m.cost.total)}
                </Td>
              </Tr>
            ))}
          </TableBody>
        </Table>
        <details className="mt-3 text-xs text-slate-600">
          <summary className="cursor-pointer text-brand-700">How this is worked out</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            <li>
              Cache hit rate {formatShare(s.cacheHitRate)}: that share of input tokens is read from the prompt cache at the cache-read
              price.
            </li>
            <li>
              Each cached prefix is assumed written once, at the 5-minute cache-write price, per {CACHE_READS_PER_WRITE} reads: cache writes
              are a tenth of cache reads, taken from the input that was not a hit. The rest of the input is uncached, at the input price.
            </li>
            <li>Batch share {formatShare(s.batchShare)}: those tasks get the Batch API discount on every token price.</li>
            <li>
              Seats × seat price, plus engineering, change-management and support costs, are added each month. 90 days = three months.
            </li>
            <li>Prices are the price table&apos;s rows in force today.</li>
          </ul>
        </details>
      </Card>

      <Card title="Compare models">
        <div className="space-y-4" id="compare">
          <p className="text-sm text-slate-600">
            The same scenario priced as if every task ran on one model. Choose up to {MAX_COMPARED_MODELS}.
          </p>
          <Form action={`${base}/scenarios/${s.id}`} scroll={false} aria-label="Compare models" className="space-y-3">
            <fieldset>
              <legend className="sr-only">Models to compare</legend>
              <div className="grid gap-x-4 gap-y-1.5 sm:grid-cols-3">
                {v.models.map((m) => (
                  <label key={m.model} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="compare" value={m.model} defaultChecked={v.compared.includes(m.model)} />
                    {m.label}
                  </label>
                ))}
              </div>
            </fieldset>
            <Button type="submit" variant="secondary">
              Compare models
            </Button>
          </Form>
          {v.comparison.length > 0 && (
            <div className="space-y-4" data-testid="comparison">
              <CostBarChart
                label={`API token cost a month of ${s.name} on each model: ${v.comparison.map((c) => `${c.label} ${formatUsd(c.tokenCost)}`).join("; ")}; this scenario's mix ${formatUsd(r.tokenCost)}.`}
                data={[{ name: "This scenario's mix", ...mixTokenCosts }, ...v.comparison.map((c) => ({ name: c.label, ...c.tokenCosts }))]}
                series={[
                  { key: "uncachedInput", label: "Uncached input", color: TOKEN_COLORS.uncachedInput },
                  { key: "cacheWrite", label: "Cache writes", color: TOKEN_COLORS.cacheWrite },
                  { key: "cacheRead", label: "Cache reads", color: TOKEN_COLORS.cacheRead },
                  { key: "output", label: "Output", color: TOKEN_COLORS.output },
                ]}
              />
              <p className="text-xs text-slate-600">
                The chart shows API token costs, which change with the model; seats and people ({formatUsd(r.seatCost + r.peopleCost.total)}{" "}
                a month) are the same on every model and are in the totals below.
              </p>
              <Table label="Model comparison">
                <TableHead>
                  <Tr>
                    <Th>Model</Th>
                    <Th numeric>API tokens a month</Th>
                    <Th numeric>Monthly total</Th>
                    <Th numeric>90-day total</Th>
                    <Th numeric>API cost per task</Th>
                    <Th numeric>Against this scenario</Th>
                  </Tr>
                </TableHead>
                <TableBody>
                  <Tr className="bg-slate-50">
                    <Th scope="row" plain className="italic">
                      This scenario&apos;s mix
                    </Th>
                    <Td numeric>{formatUsd(r.tokenCost)}</Td>
                    <Td numeric>{formatUsd(r.monthlyTotal)}</Td>
                    <Td numeric>{formatUsd(r.ninetyDayTotal)}</Td>
                    <Td numeric>{formatUsdPrecise(r.tokenCostPerTask)}</Td>
                    <Td numeric>—</Td>
                  </Tr>
                  {v.comparison.map((c) => (
                    <Tr key={c.model}>
                      <Th scope="row">{c.label}</Th>
                      <Td numeric>{formatUsd(c.tokenCost)}</Td>
                      <Td numeric>{formatUsd(c.monthlyTotal)}</Td>
                      <Td numeric>{formatUsd(c.ninetyDayTotal)}</Td>
                      <Td numeric>{formatUsdPrecise(c.tokenCostPerTask)}</Td>
                      <Td
                        numeric
                        className={`${c.differenceFromScenario > 0.005 ? "text-red-700" : c.differenceFromScenario < -0.005 ? "text-emerald-700" : ""}`}
                      >
                        {c.differenceFromScenario > 0.005 ? "+" : ""}
                        {formatUsd(c.differenceFromScenario)}
                      </Td>
                    </Tr>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </div>
      </Card>

      <Card title="Budget approval">
        <div className="space-y-4">
          {v.sentBack && (
            <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="sent-back">
              <strong>Sent back</strong> by {v.sentBack.by.replace(/ <.*>$/, "")} on {formatDate(v.sentBack.at)}: “{v.sentBack.reason}” The
              mark clears when the programme manager changes the scenario.
            </p>
          )}
          {v.activeApproval?.isThisScenario ? (
            <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="this-is-approved">
              <strong>This is the approved budget:</strong> {formatUsd(v.activeApproval.monthlyAmount)} a month, approved by{" "}
              {v.activeApproval.approvedBy.replace(/ <.*>$/, "")} on {formatDate(v.activeApproval.approvedAt)}.
              {!v.approvedAsIs && <> The scenario has changed since: it now costs {formatUsd(r.monthlyTotal)} a month.</>}
            </p>
          ) : v.activeApproval ? (
            <p className="text-sm text-slate-700">
              The approved budget is “{v.activeApproval.scenarioName}” at {formatUsd(v.activeApproval.monthlyAmount)} a month.
            </p>
          ) : (
            <p className="text-sm text-slate-700">No budget is approved in this programme now.</p>
          )}
          {v.canApprove ? (
            <div className="space-y-3">
              {v.approvedAsIs ? (
                <p className="text-sm text-slate-600">Approving it again would change nothing.</p>
              ) : r.unpricedModels.length === 0 ? (
                <ApproveBudgetForm
                  key={`${r.monthlyTotal}-${v.activeApproval?.id ?? "none"}`}
                  programmeSlug={slug}
                  scenarioId={s.id}
                  scenarioName={s.name}
                  monthly={r.monthlyTotal}
                  ninetyDay={r.ninetyDayTotal}
                  current={v.activeApproval}
                />
              ) : (
                <p className="text-sm text-slate-600">This scenario cannot be approved until every model in it has a price.</p>
              )}
              <div className="flex flex-wrap gap-2">
                {v.activeApproval?.isThisScenario ? (
                  <RevokeBudgetForm programmeSlug={slug} approvalId={v.activeApproval.id} />
                ) : (
                  <SendBackScenarioForm programmeSlug={slug} scenarioId={s.id} />
                )}
              </div>
            </div>
          ) : (
            <p className="text-sm text-slate-600">Only the sponsor approves, revokes or sends back a budget.</p>
          )}
          {v.approvals.length > 0 && (
            <ul className="divide-y divide-slate-100 border-t border-slate-100 text-sm" aria-label="Approvals of this scenario">
              {v.approvals.map((ap) => (
                <li key={ap.id} className="py-2">
                  <Badge tone={ap.status === "ACTIVE" ? "success" : ap.status === "REVOKED" ? "danger" : "neutral"}>
                    {BUDGET_APPROVAL_STATUS_LABELS[ap.status]}
                  </Badge>{" "}
                  <strong>{formatUsd(ap.monthlyAmount)}</strong> a month ({formatUsd(ap.ninetyDayAmount)} over 90 days), approved by{" "}
                  {ap.approvedBy} on{" "}
                  <time dateTime={ap.approvedAt.toISOString()} title={formatDateTime(ap.approvedAt)}>
                    {formatDate(ap.approvedAt)}
                  </time>
                  {ap.note && <span className="block text-slate-600">“{ap.note}”</span>}
                  {ap.endedAt && (
                    <span className="block text-xs text-slate-600">
                      {ap.status === "REVOKED" ? "Revoked" : "Superseded"} on {formatDate(ap.endedAt)} by{" "}
                      {ap.endedBy?.replace(/ <.*>$/, "")}
                      {ap.endReason ? `: ${ap.endReason}` : ""}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card>
    </div>
  );
}
