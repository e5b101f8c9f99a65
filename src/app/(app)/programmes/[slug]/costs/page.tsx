import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableFoot, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { BUDGET_APPROVAL_STATUS_LABELS } from "@/domain/budget-approvals";
import { COST_COLORS } from "@/features/costs/colors";
import { CostBarChart } from "@/features/costs/components/cost-chart";
import { DepartmentBudgetForm, DepartmentBudgetRow } from "@/features/costs/components/department-budget-form";
import { getCostModel } from "@/features/costs/server/get-cost-model";
import { formatCount, formatDate, formatDateTime, formatShare, formatUsd, formatUsdPrecise } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Cost model" };

export default async function CostModelPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/costs`);
  const m = await loadOr404(() => getCostModel(user, slug));
  const base = `/programmes/${slug}/costs`;
  const approved = m.latestApproval;
  const a = m.allocation;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Cost model"
        description="Model token costs at expected volumes, seats at projected headcount, engineering, change management and support. Get the budget signed off in Phase 1, not Phase 3."
        align="start"
        actions={
          <>
            <ButtonLink variant="secondary" href={`${base}/prices`}>
              Price table
            </ButtonLink>
            {m.canManage && <ButtonLink href={`${base}/scenarios/new`}>New scenario</ButtonLink>}
          </>
        }
      />

      <div className="grid gap-4 sm:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="approved-budget">
          <p className="text-sm text-slate-600">Approved budget</p>
          {approved ? (
            <>
              <p className="mt-1 text-2xl font-semibold text-emerald-800">
                {formatUsd(approved.monthlyAmount)}
                <span className="text-sm font-normal text-slate-600"> a month</span>
              </p>
              <p className="text-xs text-slate-600">
                {formatUsd(approved.ninetyDayAmount)} over 90 days · “{approved.scenarioName}” · approved by{" "}
                {approved.approvedBy.replace(/ <.*>$/, "")} on {formatDate(approved.approvedAt)}
              </p>
            </>
          ) : (
            <>
              <p className="mt-1 text-2xl font-semibold text-amber-700">Not approved</p>
              <p className="text-xs text-slate-600">The sponsor approves a scenario&apos;s budget on its page.</p>
            </>
          )}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="department-allocation">
          <p className="text-sm text-slate-600">Department budgets</p>
          <p className={`mt-1 text-2xl font-semibold ${a.over ? "text-red-700" : ""}`}>
            {formatUsd(a.total)}
            <span className="text-sm font-normal text-slate-600"> a month</span>
          </p>
          <p className="text-xs text-slate-600">
            {a.approved === null
              ? "No approved budget to compare with yet."
              : a.over
                ? `${formatUsd(-a.remaining!)} more than the approved budget.`
                : `${a.share === null ? "—" : formatShare(a.share)} of the approved budget; ${formatUsd(a.remaining!)} unallocated.`}
          </p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">Prices</p>
          <p className="mt-1 text-2xl font-semibold">
            {m.prices.models}
            <span className="text-sm font-normal text-slate-600"> prices in force</span>
          </p>
          <p className="text-xs text-slate-600">
            Latest change effective {formatDate(m.prices.latestEffective)}.{" "}
            <Link className="text-brand-700 underline" href={`${base}/prices`}>
              See the table
            </Link>
          </p>
        </div>
      </div>

      <Card title={`Scenarios (${m.scenarios.length})`}>
        {m.scenarios.length === 0 ? (
          <EmptyState
            title="No cost scenarios yet"
            action={m.canManage ? <ButtonLink href={`${base}/scenarios/new`}>New scenario</ButtonLink> : undefined}
          >
            {m.canManage
              ? "Model users, tasks, tokens, model mix, seats and people costs to get monthly and 90-day totals."
              : "The programme manager builds the cost scenarios."}
          </EmptyState>
        ) : (
          <div className="space-y-4">
            <CostBarChart
              label={`Monthly cost of each scenario: ${m.scenarios.map((s) => `${s.name} ${formatUsd(s.monthlyTotal)}`).join("; ")}.`}
              data={m.scenarios.map((s) => ({ name: s.name, tokens: s.tokenCost, seats: s.seatCost, people: s.peopleCost }))}
              series={[
                { key: "tokens", label: "API tokens", color: COST_COLORS.tokens },
                { key: "seats", label: "Seats", color: COST_COLORS.seats },
                { key: "people", label: "Engineering, change and support", color: COST_COLORS.people },
              ]}
              horizontal
              height={Math.max(180, 64 * m.scenarios.length + 60)}
            />
            <Table label="Scenarios">
              <TableHead>
                <Tr>
                  <Th>Scenario</Th>
                  <Th numeric>Users</Th>
                  <Th numeric>Tasks a month</Th>
                  <Th numeric>Monthly</Th>
                  <Th numeric>90 days</Th>
                  <Th numeric>Per task</Th>
                  <Th>Budget</Th>
                </Tr>
              </TableHead>
              <TableBody>
                {m.scenarios.map((s) => (
                  <Tr key={s.id}>
                    <Th scope="row">
                      <Link href={`${base}/scenarios/${s.id}`} className="text-brand-700 hover:underline">
                        {s.name}
                      </Link>
                      {s.unpricedModels.length > 0 && (
                        <span className="block text-xs font-normal text-red-700">No price for {s.unpricedModels.join(", ")}</span>
                      )}
                    </Th>
                    <Td numeric>{formatCount(s.users)}</Td>
                    <Td numeric>{formatCount(s.tasksPerMonth)}</Td>
                    <Td numeric>{formatUsd(s.monthlyTotal)}</Td>
                    <Td numeric>{formatUsd(s.ninetyDayTotal)}</Td>
                    <Td numeric>{formatUsdPrecise(s.costPerTask)}</Td>
                    <Td>
                      {s.isApprovedBudget ? (
                        <Badge tone="success">Approved budget</Badge>
                      ) : s.sentBack ? (
                        <Badge tone="warning">Sent back</Badge>
                      ) : s.lastApproval ? (
                        <Badge>Approved earlier</Badge>
                      ) : (
                        <span className="text-xs text-slate-500">—</span>
                      )}
                      {s.lastApproval && !s.lastApproval.stillMatches && (
                        <span className="mt-1 block text-xs text-amber-800">Changed since approval</span>
                      )}
                    </Td>
                  </Tr>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </Card>

      <Card title="Department budgets">
        <div className="space-y-4">
          {m.unownedBudgets > 0 && (
            <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {m.unownedBudgets} department budget{m.unownedBudgets === 1 ? " has" : "s have"} no owner.
            </p>
          )}
          {m.departmentBudgets.length === 0 ? (
            <EmptyState variant="inline" title="No department budgets yet.">
              The playbook&apos;s mitigation for API costs exceeding budget at scale: per-department cost budgets.
            </EmptyState>
          ) : (
            <Table label="Department budgets">
              <TableHead>
                <Tr>
                  <Th>Department</Th>
                  <Th numeric>Monthly budget</Th>
                  <Th>Owner</Th>
                  {m.canManage && (
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  )}
                </Tr>
              </TableHead>
              <TableBody>
                {m.departmentBudgets.map((b) => (
                  <DepartmentBudgetRow key={b.id} programmeSlug={slug} budget={b} members={m.members} canManage={m.canManage} />
                ))}
              </TableBody>
              <TableFoot>
                <Tr>
                  <Th scope="row" className="font-semibold">
                    Total
                  </Th>
                  <Td numeric className="font-semibold">
                    {formatUsd(a.total)}
                  </Td>
                  <Td className="text-xs text-slate-600" colSpan={m.canManage ? 2 : 1}>
                    {a.approved === null
                      ? "No approved budget yet"
                      : `of ${formatUsd(a.approved)} approved${a.over ? " — over budget" : ""}`}
                  </Td>
                </Tr>
              </TableFoot>
            </Table>
          )}
          {m.canManage && (
            <div className="border-t border-slate-100 pt-4">
              <h3 className="mb-2 text-sm font-semibold">Add a department budget</h3>
              <DepartmentBudgetForm programmeSlug={slug} members={m.members} />
            </div>
          )}
        </div>
      </Card>

      <Card title="Budget approvals">
        {m.approvals.length === 0 ? (
          <EmptyState variant="inline" title="No budget approved yet.">
            Only the sponsor approves a budget.
          </EmptyState>
        ) : (
          <Table label="Budget approvals">
            <TableHead>
              <Tr>
                <Th>When (UTC)</Th>
                <Th>Scenario</Th>
                <Th numeric>Monthly</Th>
                <Th numeric>90 days</Th>
                <Th>Approved by</Th>
                <Th>Status</Th>
                <Th>Note</Th>
              </Tr>
            </TableHead>
            <TableBody>
              {m.approvals.map((ap) => (
                <Tr key={ap.id}>
                  <Td nowrap className="text-xs">
                    {formatDateTime(ap.approvedAt)}
                  </Td>
                  <Td>
                    <Link href={`${base}/scenarios/${ap.scenarioId}`} className="text-brand-700 hover:underline">
                      {ap.scenarioName}
                    </Link>
                  </Td>
                  <Td numeric>{formatUsd(ap.monthlyAmount)}</Td>
                  <Td numeric>{formatUsd(ap.ninetyDayAmount)}</Td>
                  <Td>{ap.approvedBy}</Td>
                  <Td>
                    <Badge tone={ap.status === "ACTIVE" ? "success" : ap.status === "REVOKED" ? "danger" : "neutral"}>
                      {BUDGET_APPROVAL_STATUS_LABELS[ap.status]}
                    </Badge>
                    {ap.endedAt && (
                      <span className="mt-1 block text-xs text-slate-600">
                        {formatDate(ap.endedAt)}
                        {ap.status === "REVOKED" && ap.endReason ? `: ${ap.endReason}` : ""}
                      </span>
                    )}
                  </Td>
                  <Td className="text-slate-700">{ap.note ?? "—"}</Td>
                </Tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
