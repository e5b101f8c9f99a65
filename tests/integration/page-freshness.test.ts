import { describe, expect, it } from "vitest";

import { isoDateDaysAgo, makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { updateCriterion } from "@/features/gates/server/update-criterion";
import { removeMember } from "@/features/members/server/remove-member";
import { updateMember } from "@/features/members/server/update-member";
import { getProgrammeHeader } from "@/features/programmes/server/get-programme-header";
import { getProgrammeOverview } from "@/features/programmes/server/get-programme-overview";
import { createRisk } from "@/features/risks/server/create-risk";
import { usageEventSchema } from "@/features/usage/schemas";
import { getDashboard } from "@/features/usage/server/get-dashboard";
import { ingestUsageEvents } from "@/features/usage/server/ingest-usage-events";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

/**
 * Decision record 020: the pages were made cheaper without making them staler. What one person changes is
 * on another person's next view: the overview (read in one round of queries), the dashboard (read without
 * the lock once every day's active counts are stored) and access itself (the membership is re-read on
 * every request; React's per-render cache never outlives one view).
 */
// Generous: each case builds a programme through the real operations, slow on a busy machine (no timing is asserted).
describe("freshness of the pages made cheaper", { timeout: 120_000 }, () => {
  it("the overview shows a risk and a met criterion the programme manager just recorded on the viewer's next view", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const viewer = await makeUser();
    await makeMember(pm, p.slug, viewer, ["VIEWER"]);

    const before = await getProgrammeOverview(viewer, p.slug);
    await createRisk(pm, {
      programmeSlug: p.slug,
      title: "Claims data classified Restricted reaches the pilot",
      probability: "HIGH",
      impact: "HIGH",
      consequence: "Pilot paused for a data review",
      mitigation: "DLP rule on the connector",
      ownerId: null,
      status: "OPEN",
      reviewDate: isoDateDaysAgo(3),
    });
    const afterRisk = await getProgrammeOverview(viewer, p.slug);
    expect(afterRisk.summary.openHighRisks).toBe(before.summary.openHighRisks + 1);
    expect(afterRisk.summary.unowned.risks).toBe(before.summary.unowned.risks + 1);
    expect(afterRisk.overdueRisks).toBe(before.overdueRisks + 1);

    const criterion = await db.gateCriterion.findFirstOrThrow({
      where: { programmeId: p.id, gate: { key: "ARCHITECTURE_REVIEW" } },
      orderBy: { ordinal: "asc" },
      select: { id: true },
    });
    await updateCriterion(pm, {
      programmeSlug: p.slug,
      criterionId: criterion.id,
      status: "MET",
      ownerId: null,
      evidenceUrl: "",
      evidenceNote: "Reviewed with the architects",
      waiverReason: "",
    });
    const afterCriterion = await getProgrammeOverview(viewer, p.slug);
    const met = (o: typeof before) => o.gateProgress.get("ARCHITECTURE_REVIEW")!.met;
    expect(met(afterCriterion)).toBe(met(before) + 1);
    expect(afterCriterion.gateProgress.get("ARCHITECTURE_REVIEW")!.total).toBe(before.gateProgress.get("ARCHITECTURE_REVIEW")!.total);
  });

  it("the dashboard shows usage sent after the days' active counts were stored, on the next view", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm, { licensedSeats: 10 });
    const sponsor = await makeUser();
    await makeMember(pm, p.slug, sponsor, ["SPONSOR"]);
    const now = new Date("2026-03-31T12:00:00Z");
    const range = { from: "2026-03-01", to: "2026-03-31" };
    const send = (day: string, users: string[], tag: string) =>
      db.$transaction((tx) =>
        ingestUsageEvents(
          tx,
          p.id,
          users.map((user, i) => usageEventSchema.parse({ externalId: `${tag}-${i}`, day, user, tasks: 2, costUsd: 0.5 })),
          "api",
        ),
      );

    await send("2026-03-20", ["a", "b"], "first");
    // The first view stores every day's active counts; the second reads them without the lock.
    await getDashboard(sponsor, p.slug, range, now);
    const stored = await getDashboard(sponsor, p.slug, range, now);
    expect(stored.metrics.totals).toMatchObject({ tasks: 4, active28AtEnd: 2 });
    expect(await db.usageActiveDaily.count({ where: { programmeId: p.id } })).toBeGreaterThanOrEqual(31);

    // Later days, then an earlier day (which invalidates the stored counts from that day on).
    await send("2026-03-25", ["c"], "second");
    expect((await getDashboard(sponsor, p.slug, range, now)).metrics.totals).toMatchObject({ tasks: 6, active28AtEnd: 3 });
    await send("2026-03-05", ["d", "e"], "third");
    const latest = await getDashboard(sponsor, p.slug, range, now);
    expect(latest.metrics.totals).toMatchObject({ tasks: 10, active28AtEnd: 5 });
    expect(latest.metrics.daily.find((d) => d.day === "2026-03-05")).toMatchObject({ activeDaily: 2, tasks: 4 });
    expect(latest.metrics.daily).toHaveLength(31);
  });

  it("a member removed is refused on the next request, and a role changed shows on the next view", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const member = await makeUser();
    await makeMember(pm, p.slug, member, ["VIEWER"]);
    expect((await getProgrammeHeader(member, p.slug)).roles).toEqual(["VIEWER"]);
    const { id: membershipId } = await db.membership.findFirstOrThrow({
      where: { programmeId: p.id, userId: member.id },
      select: { id: true },
    });

    await updateMember(pm, { programmeSlug: p.slug, membershipId, roles: ["SPONSOR"], functions: [] });
    expect((await getProgrammeHeader(member, p.slug)).roles).toEqual(["SPONSOR"]);

    await removeMember(pm, { programmeSlug: p.slug, membershipId });
    await expect(getProgrammeHeader(member, p.slug)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProgrammeOverview(member, p.slug)).rejects.toBeInstanceOf(NotFoundError);
  });
});
