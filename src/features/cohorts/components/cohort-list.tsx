import { Badge, type Tone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import {
  COHORT_STATUS_LABELS,
  PILOT_TAG_LABELS,
  ROLLBACK_ALERT_STATUS_LABELS,
  THRESHOLD_DEFINITIONS,
  TRIGGER_DEFINITIONS,
  type CohortStatus,
  type MetricUnit,
  type RollbackAlertStatus,
} from "@/domain/cohorts";
import { formatCount, formatDate, formatDateTime, formatDay, formatPercent, formatShare, formatUsdPrecise, NO_VALUE } from "@/lib/format";

import type { CohortsPage, CohortView } from "../server/get-cohorts";
import { CohortRuleForm, CohortStatusControls, PeopleImportForm, PersonTagSelect, ResolveAlertForm } from "./cohort-controls";

export const COHORT_STATUS_TONE: Record<CohortStatus, Tone> = {
  PLANNED: "neutral",
  LIVE: "success",
  PAUSED: "warning",
  ROLLED_BACK: "danger",
  COMPLETED: "info",
};
const ALERT_TONE: Record<RollbackAlertStatus, Tone> = { OPEN: "danger", ROLLED_BACK: "warning", ACCEPTED: "neutral" };

export function formatMetric(value: number | null, unit: MetricUnit): string {
  if (value === null) return NO_VALUE;
  if (unit === "share") return formatShare(value);
  if (unit === "usd") return formatUsdPrecise(value);
  return `${formatCount(value)} days`;
}

function actionsFor(c: CohortView, canManage: boolean, hasAuthority: boolean) {
  const a: ("goLive" | "pause" | "complete" | "rollBack")[] = [];
  if (canManage && (c.status === "PLANNED" || c.status === "PAUSED" || c.status === "ROLLED_BACK")) a.push("goLive");
  if (canManage && c.status === "LIVE") a.push("pause");
  if (canManage && (c.status === "LIVE" || c.status === "PAUSED")) a.push("complete");
  if (hasAuthority && (c.status === "LIVE" || c.status === "PAUSED")) a.push("rollBack");
  return a;
}

function CohortCard({ c, page, slug }: { c: CohortView; page: CohortsPage; slug: string }) {
  const seats = c.kind === "TRAFFIC" ? `${formatPercent(c.trafficSharePct)} of traffic` : `${formatCount(c.plannedSeats)} seats`;
  const open = c.alerts.filter((a) => a.status === "OPEN");
  const pilotPeople = c.ordinal === 1 ? page.people.filter((p) => p.cohortId === c.id) : [];
  return (
    <Card
      title={
        <span className="flex flex-wrap items-center gap-2">
          <span>
            {c.ordinal}. {c.name}
          </span>
          <Badge tone={COHORT_STATUS_TONE[c.status]}>{COHORT_STATUS_LABELS[c.status]}</Badge>
          {open.length > 0 && <Badge tone="danger">{open.length === 1 ? "Rollback alert" : `${open.length} rollback alerts`}</Badge>}
          {c.lacksSceptics && <Badge tone="warning">No sceptics in the pilot</Badge>}
        </span>
      }
    >
      <div className="space-y-4">
        <dl className="grid gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">Planned</dt>
            <dd className="font-medium text-slate-900">{seats}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Planned go-live</dt>
            <dd className="font-medium text-slate-900">{c.plannedGoLive ? formatDay(c.plannedGoLive) : NO_VALUE}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Active over 7 days</dt>
            <dd className="font-medium text-slate-900">
              {formatCount(c.adoption.activePeople)} of {formatCount(c.adoption.seats)} ({formatShare(c.adoption.share)})
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">People</dt>
            <dd className="font-medium text-slate-900">
              {formatCount(c.peopleCount)}
              {c.ordinal === 1 && c.peopleCount > 0 && (
                <span className="font-normal text-slate-600">
                  {" "}
                  ({formatCount(c.tags.earlyAdopters)} early adopters, {formatCount(c.tags.sceptics)} sceptics)
                </span>
              )}
            </dd>
          </div>
        </dl>
        {c.wentLiveAt && <p className="text-xs text-slate-600">Went live {formatDate(c.wentLiveAt)}.</p>}

        {open.map((a) => (
          <div
            key={a.id}
            id={`alert-${a.id}`}
            className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900"
            role="region"
            aria-label={`Rollback alert on ${c.name}`}
          >
            <p className="font-semibold">
              {TRIGGER_DEFINITIONS[a.metric].label}: {formatMetric(a.measuredValue, TRIGGER_DEFINITIONS[a.metric].unit)} (limit{" "}
              {formatMetric(a.limit, TRIGGER_DEFINITIONS[a.metric].unit)})
            </p>
            <p className="mt-1">
              Over {a.windowFrom === a.windowTo ? formatDay(a.windowFrom) : `${formatDay(a.windowFrom)} to ${formatDay(a.windowTo)}`}; it
              rests on{" "}
              {Object.entries(a.basis)
                .map(([k, v]) => `${k} ${typeof v === "number" ? formatCount(Math.round(v * 100) / 100) : String(v)}`)
                .join(", ")}
              . Raised {formatDateTime(a.raisedAt)}.
            </p>
            {page.hasRollbackAuthority ? (
              <div className="mt-3">
                <ResolveAlertForm programmeSlug={slug} alertId={a.id} cohortName={c.name} />
              </div>
            ) : (
              <p className="mt-2 text-xs">Only the people with rollback authority can roll back or accept it.</p>
            )}
          </div>
        ))}

        <CohortStatusControls
          programmeSlug={slug}
          cohortId={c.id}
          cohortName={c.name}
          actions={actionsFor(c, page.canManage, page.hasRollbackAuthority)}
        />

        <div className="grid gap-4 lg:grid-cols-2">
          <div className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-900">Entry thresholds</h3>
            {c.ordinal === 1 ? (
              <p className="text-sm text-slate-600">The pilot goes live once the Controlled Pilot phase has started.</p>
            ) : c.thresholds.length === 0 ? (
              <EmptyState variant="inline" title="No thresholds yet.">
                It may go live once the Staged Production Rollout has started and the previous cohort is live.
              </EmptyState>
            ) : (
              <Table label={`Entry thresholds of ${c.name}`}>
                <TableHead>
                  <Tr>
                    <Th>Previous cohort&apos;s figure</Th>
                    <Th numeric>Target</Th>
                    <Th numeric>Measured</Th>
                    <Th>Met</Th>
                  </Tr>
                </TableHead>
                <TableBody>
                  {c.thresholds.map((t) => {
                    const def = THRESHOLD_DEFINITIONS[t.metric];
                    return (
                      <Tr key={t.metric}>
                        <Th scope="row">
                          {t.label}
                          <span className="block text-xs font-normal text-slate-600">{t.basis}</span>
                        </Th>
                        <Td numeric nowrap>
                          {def.bound === "min" ? "≥" : "≤"} {formatMetric(t.target, def.unit)}
                        </Td>
                        <Td numeric nowrap>
                          {formatMetric(t.measured, def.unit)}
                        </Td>
                        <Td>{t.met ? <Badge tone="success">Met</Badge> : <Badge tone="danger">Not met</Badge>}</Td>
                      </Tr>
                    );
                  })}
                </TableBody>
              </Table>
            )}
            {page.canManage && c.ordinal > 1 && <CohortRuleForm programmeSlug={slug} cohortId={c.id} kind="threshold" />}
          </div>
          <div className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-900">Rollback triggers</h3>
            {c.triggers.length === 0 ? (
              <EmptyState variant="inline" title="No triggers.">
                A trigger is checked after every arrival of usage data and daily while the cohort is live.
              </EmptyState>
            ) : (
              <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
                {c.triggers.map((t) => (
                  <li key={t.metric}>
                    {TRIGGER_DEFINITIONS[t.metric].label}: {formatMetric(t.limit, TRIGGER_DEFINITIONS[t.metric].unit)}
                  </li>
                ))}
              </ul>
            )}
            {page.canManage && <CohortRuleForm programmeSlug={slug} cohortId={c.id} kind="trigger" />}
          </div>
        </div>

        {c.alerts.some((a) => a.status !== "OPEN") && (
          <div className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-900">Resolved alerts</h3>
            <ul className="space-y-1 text-sm text-slate-800">
              {c.alerts
                .filter((a) => a.status !== "OPEN")
                .map((a) => (
                  <li key={a.id}>
                    <Badge tone={ALERT_TONE[a.status]}>{ROLLBACK_ALERT_STATUS_LABELS[a.status]}</Badge>{" "}
                    {TRIGGER_DEFINITIONS[a.metric].label} ({formatMetric(a.measuredValue, TRIGGER_DEFINITIONS[a.metric].unit)} on{" "}
                    {formatDay(a.windowTo)}){a.resolvedBy && ` by ${a.resolvedBy}`}
                    {a.reason && <span className="text-slate-600">: “{a.reason}”</span>}
                  </li>
                ))}
            </ul>
          </div>
        )}

        {page.canManage && (
          <details className="rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm font-medium text-slate-800">People of {c.name}</summary>
            <div className="mt-3 space-y-3">
              <PeopleImportForm programmeSlug={slug} cohortId={c.id} />
              {pilotPeople.length > 0 && (
                <Table label={`People of ${c.name}`} density="compact">
                  <TableHead>
                    <Tr>
                      <Th>Pseudonymous id</Th>
                      <Th>Tag</Th>
                    </Tr>
                  </TableHead>
                  <TableBody valign="middle">
                    {pilotPeople.map((p) => (
                      <Tr key={p.userRef}>
                        <Td className="font-mono text-xs">{p.userRef}</Td>
                        <Td>
                          <PersonTagSelect programmeSlug={slug} cohortId={c.id} userRef={p.userRef} tag={p.tag} />
                        </Td>
                      </Tr>
                    ))}
                  </TableBody>
                </Table>
              )}
              {c.ordinal === 1 && (
                <p className="text-xs text-slate-600">
                  Tag the pilot&apos;s people {PILOT_TAG_LABELS.EARLY_ADOPTER.toLowerCase()} or {PILOT_TAG_LABELS.SCEPTIC.toLowerCase()}:
                  the playbook says to include both.
                </p>
              )}
            </div>
          </details>
        )}
      </div>
    </Card>
  );
}

export function CohortList({ page, slug }: { page: CohortsPage; slug: string }) {
  if (page.cohorts.length === 0)
    return (
      <EmptyState title="No cohorts yet">
        Plan the staged rollout: a pilot group, then early adopters, then the full rollout (or 5% → 20% → 100% of traffic for an API
        deployment).
      </EmptyState>
    );
  return (
    <div className="space-y-4">
      {page.cohorts.map((c) => (
        <CohortCard key={c.id} c={c} page={page} slug={slug} />
      ))}
    </div>
  );
}
