import { NextResponse } from "next/server";
import Papa from "papaparse";

import { getDashboard } from "@/features/usage/server/get-dashboard";
import { withSession } from "@/server/api/with-session";

/** The dashboard's daily series as CSV, for a signed-in member. */
export const GET = withSession<{ slug: string }>(async ({ user, params, searchParams: q }) => {
  const { slug } = params;
  const d = await getDashboard(user, slug, { from: q.get("from") ?? undefined, to: q.get("to") ?? undefined });
  const csv = Papa.unparse(
    d.metrics.daily.map((x) => ({
      day: x.day,
      active_that_day: x.activeDaily,
      active_7_days: x.active7,
      active_28_days: x.active28,
      active_28_days_pct_of_seats: x.active28Pct,
      tasks: x.tasks,
      errors: x.errors,
      minutes_saved_measured: x.minutesSaved.measured,
      minutes_saved_self_reported: x.minutesSaved.selfReported,
      minutes_saved_estimated: x.minutesSaved.estimated,
      cost_usd: x.costUsd,
      cost_per_task_usd: x.costPerTask ?? "",
    })),
  );
  return new NextResponse(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}-usage-${d.range.from}-to-${d.range.to}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
