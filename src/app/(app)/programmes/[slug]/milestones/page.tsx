import type { Metadata } from "next";
import Link from "next/link";

import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Stat } from "@/components/ui/stat";
import { CalendarLink } from "@/features/calendar/components/calendar-link";
import { AddMilestoneForm } from "@/features/milestones/components/add-milestone-form";
import { MilestoneFilters } from "@/features/milestones/components/milestone-filters";
import { MilestoneTable } from "@/features/milestones/components/milestone-table";
import { MilestoneTimeline } from "@/features/milestones/components/milestone-timeline";
import { getMilestoneMap } from "@/features/milestones/server/get-milestone-map";
import { formatDate } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Milestone plan" };

type Search = Partial<Record<"view" | "phase" | "owner" | "status", string | string[]>>;

export default async function MilestonesPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Search>;
}) {
  const { slug } = await params;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const view = raw.view === "timeline" ? "timeline" : "table";
  const user = await requirePageUser(`/programmes/${slug}/milestones`);
  const map = await loadOr404(() => getMilestoneMap(user, slug, raw));
  const keep = new URLSearchParams(Object.entries(map.filter).filter((e): e is [string, string] => !!e[1]));
  const viewLink = (v: string) => {
    const q = new URLSearchParams(keep);
    if (v === "timeline") q.set("view", "timeline");
    const s = q.toString();
    return `/programmes/${slug}/milestones${s ? `?${s}` : ""}`;
  };
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Slipped milestones" value={map.slipped} tone={map.slipped > 0 ? "warning" : "success"} />
        <Stat label="Open milestones without an owner" value={map.unowned} tone={map.unowned > 0 ? "warning" : "success"} />
        {map.production && (
          <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="production-date">
            <p className="text-sm text-slate-600">Production date</p>
            <p className="mt-1 text-lg font-semibold">{formatDate(map.production.projected)}</p>
            <p className="text-xs text-slate-600">
              {map.production.shiftDays > 0
                ? `${map.production.shiftDays} days later than planned (${formatDate(map.production.planned)}): phase 1 slips move the production date.`
                : `As planned: phase 1 is on time.`}
            </p>
          </div>
        )}
      </div>
      <Card title="Milestones">
        <div className="space-y-4">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <MilestoneFilters slug={slug} view={view} filter={map.filter} members={map.members} />
            <nav aria-label="View" className="flex gap-1 text-sm">
              {(["table", "timeline"] as const).map((v) => (
                <Link
                  key={v}
                  href={viewLink(v)}
                  aria-current={view === v ? "page" : undefined}
                  className={
                    view === v
                      ? "rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white"
                      : "rounded-md px-3 py-1.5 font-medium text-brand-700 hover:bg-slate-100"
                  }
                >
                  {v === "table" ? "Table" : "Timeline"}
                </Link>
              ))}
            </nav>
          </div>
          <p className="text-xs text-slate-600" role="status">
            {map.filtered ? `${map.rows.length} of ${map.total} milestones match.` : `${map.total} milestones.`}
          </p>
          {map.rows.length === 0 ? (
            <EmptyState variant="inline" title={map.filtered ? "No milestone matches these filters." : "No milestones yet."}>
              {map.filtered ? "Clear a filter to see more." : "The programme manager adds the programme's milestones below."}
            </EmptyState>
          ) : view === "timeline" ? (
            <MilestoneTimeline weeks={map.weeks} todayWeek={map.todayWeek} />
          ) : (
            <MilestoneTable programmeSlug={slug} rows={map.rows} members={map.members} canEdit={map.canEdit} />
          )}
        </div>
      </Card>
      {map.canEdit && (
        <Card title="Add a milestone">
          <AddMilestoneForm programmeSlug={slug} members={map.members} />
        </Card>
      )}
      <Card title="Calendar">
        <CalendarLink programmeSlug={slug} hasLink={map.hasCalendarLink} />
      </Card>
    </div>
  );
}
