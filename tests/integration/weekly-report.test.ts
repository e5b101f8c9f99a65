import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { getWeeklyReport } from "@/features/reports/server/get-weekly-report";
import { renderWeeklyReportPdf } from "@/features/reports/server/render-weekly-report-pdf";
import { reviewWeeklyReport } from "@/features/reports/server/review-weekly-report";
import { usageEventSchema } from "@/features/usage/schemas";
import { getDashboard } from "@/features/usage/server/get-dashboard";
import { ingestUsageEvents } from "@/features/usage/server/ingest-usage-events";
import { db } from "@/server/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/server/errors";

describe("weekly sponsor report", () => {
  it("gives the week's figures with their change, gates, risks and milestones; only the sponsor marks it reviewed, which the health signal reads", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm, { startDate: "2026-03-02", licensedSeats: 10 });
    const sponsor = await makeUser();
    await makeMember(pm, p.slug, sponsor, ["SPONSOR"]);
    const ev = (id: string, day: string, user: string, tasks: number) =>
      usageEventSchema.parse({ externalId: id, day, user, tasks, costUsd: tasks * 0.1 });
    await db.$transaction((tx) =>
      ingestUsageEvents(tx, p.id, [ev("a", "2026-03-03", "u1", 4), ev("b", "2026-03-10", "u1", 6), ev("c", "2026-03-11", "u2", 6)], "api"),
    );
    const now = new Date("2026-03-14T10:00:00Z"); // day 13, week 2

    expect((await getWeeklyReport(sponsor, p.slug, undefined, now)).week).toBe(1); // the last complete week
    const r = await getWeeklyReport(sponsor, p.slug, 2, now);
    expect(r).toMatchObject({ week: 2, currentWeek: 2, range: { from: "2026-03-09", to: "2026-03-14" } });
    expect(r.figures.find((f) => f.label === "Tasks completed")).toMatchObject({ value: 12, before: 4 });
    expect(r.gates).toHaveLength(4);
    expect(r.topRisks).toHaveLength(5);
    expect(r.milestonesSlipped.map((m) => m.week)).toContain(1); // week 1 ended on day 7 with nothing done
    expect(r.canReview).toBe(true);
    expect(r).toMatchObject({ narrative: null, canNarrate: false, claudeConfigured: false }); // the narrative is the programme manager's to write
    expect((await getWeeklyReport(pm, p.slug, 2, now)).canNarrate).toBe(true);
    await expect(getWeeklyReport(sponsor, p.slug, 3, now)).rejects.toBeInstanceOf(NotFoundError);

    await expect(reviewWeeklyReport(pm, { programmeSlug: p.slug, week: 2 }, now)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reviewWeeklyReport(await makeUser(), { programmeSlug: p.slug, week: 2 }, now)).rejects.toBeInstanceOf(NotFoundError);
    await reviewWeeklyReport(sponsor, { programmeSlug: p.slug, week: 2, note: "Good progress" }, now);
    await expect(reviewWeeklyReport(sponsor, { programmeSlug: p.slug, week: 2 }, now)).rejects.toBeInstanceOf(ConflictError);
    const after = await getWeeklyReport(pm, p.slug, 2, now);
    expect(after.reviews).toEqual([expect.objectContaining({ note: "Good progress" })]);

    const d = await getDashboard(pm, p.slug, {}, now);
    expect(d.signals.find((s) => s.key === "sponsor-review")).toMatchObject({
      status: "ON_TRACK",
      reason: "The sponsor reviewed a weekly report today.",
    });

    const pdf = await renderWeeklyReportPdf(after);
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
  });
});
