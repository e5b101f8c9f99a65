import type { Metadata } from "next";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { MILESTONE_STATUS_LABELS, PHASE_LABELS } from "@/domain/enums";
import { CalendarLink } from "@/features/calendar/components/calendar-link";
import { MilestoneEditor } from "@/features/milestones/components/milestone-editor";
import { getMilestoneMap } from "@/features/milestones/server/get-milestone-map";
import { formatDate } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Milestone map" };

export default async function MilestonesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/programmes/${slug}/milestones`);
  const map = await loadOr404(() => getMilestoneMap(user, slug));
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Slipped milestones" value={map.slipped} tone={map.slipped > 0 ? "warning" : "success"} />
        <Stat label="Open milestones without an owner" value={map.unowned} tone={map.unowned > 0 ? "warning" : "success"} />
        {map.production && (
          <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="production-date">
            <p className="text-sm text-slate-600">Production date</p>
            <p className="mt-1 text-lg font-semibold">{formatDate(map.production.projected)}</p>
            <p className="text-xs text-slate-500">
              {map.production.shiftDays > 0
                ? `${map.production.shiftDays} days later than planned (${formatDate(map.production.planned)}): phase 1 slips move the production date.`
                : `As planned: phase 1 is on time.`}
            </p>
          </div>
        )}
      </div>
      <Card title="Calendar">
        <CalendarLink programmeSlug={slug} hasLink={map.hasCalendarLink} />
      </Card>
      <ol className="space-y-4" aria-label="Weeks">
        {map.weeks.map((w) => (
          <li key={w.week}>
            <Card title={`Week ${w.week}${w.milestones[0] ? ` · ${PHASE_LABELS[w.milestones[0].phase]}` : ""}`}>
              {w.milestones.length === 0 ? (
                <p className="text-sm text-slate-500">No milestones this week.</p>
              ) : (
                <ul className="divide-y divide-slate-100">
                  {w.milestones.map((m) => (
                    <li key={m.id} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 md:flex-row md:items-start md:justify-between">
                      <div className="min-w-0">
                        <p className="text-sm font-medium">{m.title}</p>
                        <p className="text-xs text-slate-600">{m.deliverable}</p>
                        <p className="mt-1 text-xs text-slate-600">
                          Due {formatDate(m.dueDate)} · {m.ownerName ?? <span className="font-medium text-amber-800">No owner</span>}
                          {m.completedAt && <> · done {formatDate(m.completedAt)}</>}
                        </p>
                      </div>
                      <div className="flex shrink-0 flex-col items-start gap-1 md:items-end">
                        {map.canEdit ? (
                          <MilestoneEditor programmeSlug={slug} milestone={m} members={map.members} />
                        ) : (
                          <Badge
                            tone={
                              m.status === "DONE"
                                ? "success"
                                : m.status === "BLOCKED"
                                  ? "danger"
                                  : m.status === "IN_PROGRESS"
                                    ? "info"
                                    : "neutral"
                            }
                          >
                            {MILESTONE_STATUS_LABELS[m.status]}
                          </Badge>
                        )}
                        {m.slipped && <Badge tone="warning">Slipped · {m.daysLate} days late</Badge>}
                        {!m.slipped && m.daysLate > 0 && <Badge tone="neutral">Done {m.daysLate} days late</Badge>}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </li>
        ))}
      </ol>
    </div>
  );
}
