import type { Metadata } from "next";
import Link from "next/link";

import { Badge, type Tone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import {
  GATE_STATUS_LABELS,
  MILESTONE_STATUS_LABELS,
  PHASE_KEYS,
  PHASE_LABELS,
  REVIEW_FUNCTION_LABELS,
  type GateStatus,
} from "@/domain/enums";
import { StartPhaseButton } from "@/features/gates/components/start-phase-button";
import { gateSlug } from "@/features/gates/slugs";
import { PhaseTimeline } from "@/features/programmes/components/phase-timeline";
import { getProgrammeOverview } from "@/features/programmes/server/get-programme-overview";
import { formatDate } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Overview" };

const GATE_TONE: Record<GateStatus, Tone> = { NOT_STARTED: "neutral", IN_REVIEW: "info", APPROVED: "success", REJECTED: "danger" };

export default async function ProgrammeOverviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}`);
  const { access, summary, gateProgress, stakeholderAlerts, scopeCreep, overdueRisks, memberCount } = await loadOr404(() =>
    getProgrammeOverview(user, slug),
  );
  const u = summary.unowned;
  const nextPhase = PHASE_KEYS[PHASE_KEYS.indexOf(access.programme.currentPhase) + 1];

  return (
    <div className="space-y-6">
      <Card title="Timeline">
        <PhaseTimeline phases={summary.phases} progressPct={summary.progressPct} dayLabel={summary.dayLabel} />
        {nextPhase && access.can("phases.start") && (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <StartPhaseButton programmeSlug={slug} phase={nextPhase} label={PHASE_LABELS[nextPhase]} />
          </div>
        )}
      </Card>

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Open high risks" value={summary.openHighRisks} tone={summary.openHighRisks > 0 ? "danger" : "success"} />
        <Stat
          label="Unowned items"
          value={u.total}
          tone={u.total > 0 ? "warning" : "success"}
          detail={
            u.total > 0
              ? [
                  u.risks && `${u.risks} risks`,
                  u.stakeholders && `${u.stakeholders} stakeholders`,
                  u.milestones && `${u.milestones} milestones`,
                  u.criteria && `${u.criteria} gate criteria`,
                  u.useCases && `${u.useCases} use cases`,
                  u.budgets && `${u.budgets} department budgets`,
                ]
                  .filter(Boolean)
                  .join(" · ")
              : "Everything has an owner."
          }
        />
        <Stat
          label="Slipped milestones"
          value={summary.slippedMilestones}
          tone={summary.slippedMilestones > 0 ? "warning" : "success"}
          detail={`${memberCount} members`}
        />
      </div>

      {(stakeholderAlerts.length > 0 || scopeCreep.changes > 0 || overdueRisks > 0) && (
        <Card title="Needs attention">
          <ul className="space-y-2 text-sm" aria-label="Needs attention">
            {stakeholderAlerts.map((f) => (
              <li key={`${f.kind}-${f.stakeholderId}`} className={f.tone === "danger" ? "text-red-800" : "text-amber-900"}>
                <Link prefetch={false} href={`/programmes/${slug}/stakeholders`} className="hover:underline">
                  {f.message}
                </Link>
              </li>
            ))}
            {scopeCreep.changes > 0 && (
              <li className="text-amber-900">
                Scope creep: {scopeCreep.changes} change{scopeCreep.changes === 1 ? "" : "s"} of scope after a POC started, in{" "}
                {scopeCreep.useCases.map((u, i) => (
                  <span key={u.id}>
                    {i > 0 && ", "}
                    <Link prefetch={false} href={`/programmes/${slug}/use-cases/${u.id}`} className="underline">
                      {u.title}
                    </Link>
                  </span>
                ))}
                .
              </li>
            )}
            {overdueRisks > 0 && (
              <li className="text-amber-900">
                <Link prefetch={false} href={`/programmes/${slug}/risks`} className="hover:underline">
                  {overdueRisks} open risk{overdueRisks === 1 ? " is" : "s are"} past {overdueRisks === 1 ? "its" : "their"} review date.
                </Link>
              </li>
            )}
          </ul>
        </Card>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Gates">
          <ol className="divide-y divide-slate-100" aria-label="Gates">
            {summary.gates.map((g) => {
              const progress = gateProgress.get(g.key);
              return (
                <li key={g.key} className="flex items-start justify-between gap-3 py-3 first:pt-0 last:pb-0">
                  <div>
                    <Link
                      prefetch={false}
                      href={`/programmes/${slug}/gates/${gateSlug(g.key)}`}
                      className="text-sm font-medium text-brand-700 hover:underline"
                    >
                      {g.name}
                    </Link>
                    <p className="text-xs text-slate-600">
                      Planned {formatDate(g.plannedDate)} · {progress?.met ?? 0} of {progress?.total ?? 0} criteria met
                    </p>
                    <p className="text-xs text-slate-500">
                      Sign-off: {progress?.functions.map((f) => REVIEW_FUNCTION_LABELS[f]).join(", ")}
                    </p>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-1">
                    <Badge tone={GATE_TONE[g.status]}>{GATE_STATUS_LABELS[g.status]}</Badge>
                    {g.overdue && <Badge tone="warning">Past planned date</Badge>}
                    {g.dueSoon && <Badge tone="info">{g.daysToGo === 0 ? "Due today" : `Due in ${g.daysToGo} days`}</Badge>}
                  </div>
                </li>
              );
            })}
          </ol>
        </Card>

        <Card title="Next milestones">
          {summary.nextMilestones.length === 0 ? (
            <p className="text-sm text-slate-600">Every milestone is done.</p>
          ) : (
            <ol className="divide-y divide-slate-100" aria-label="Next milestones">
              {summary.nextMilestones.map((m) => (
                <li key={m.id} className="flex items-start justify-between gap-3 py-3 first:pt-0 last:pb-0">
                  <div>
                    <p className="text-sm font-medium">
                      <span className="text-slate-500">Week {m.week} · </span>
                      {m.title}
                    </p>
                    <p className="text-xs text-slate-600">
                      Due {formatDate(m.dueDate)} · {m.ownerName ?? <span className="font-medium text-amber-800">No owner</span>}
                    </p>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-1">
                    <Badge tone={m.status === "BLOCKED" ? "danger" : m.status === "IN_PROGRESS" ? "info" : "neutral"}>
                      {MILESTONE_STATUS_LABELS[m.status]}
                    </Badge>
                    {m.slipped && <Badge tone="warning">{m.daysLate} days late</Badge>}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </div>
  );
}
