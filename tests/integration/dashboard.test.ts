import { describe, expect, it } from "vitest";

import { makeMember, makeProgramme, makeUser } from "@/demo/factories";
import { usageEventSchema } from "@/features/usage/schemas";
import { getDashboard } from "@/features/usage/server/get-dashboard";
import { ingestUsageEvents } from "@/features/usage/server/ingest-usage-events";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

describe("sponsor dashboard", () => {
  it("shows the range's figures, health signals and an empty state, to every member; others get not found", async () => {
    const pm = await makeUser();
    const p = await makeProgramme(pm, { licensedSeats: 4 });
    const sponsor = await makeUser();
    await makeMember(pm, p.slug, sponsor, ["SPONSOR"]);
    const now = new Date("2026-03-31T12:00:00Z");
    const empty = await getDashboard(sponsor, p.slug, {}, now);
    expect(empty.range).toEqual({ from: "2026-03-04", to: "2026-03-31" });
    expect(empty.metrics.totals.tasks).toBe(0);
    expect(empty.signals.find((s) => s.key === "adoption")).toMatchObject({ status: "WATCH" });

    const events = ["a", "b", "c"].map((u, i) =>
      usageEventSchema.parse({
        externalId: `x${i}`,
        day: "2026-03-20",
        user: u,
        tasks: 2,
        costUsd: 0.5,
        minutesSaved: 10,
        minutesSource: "measured",
      }),
    );
    await db.$transaction((tx) => ingestUsageEvents(tx, p.id, events, "api"));
    const d = await getDashboard(sponsor, p.slug, { from: "2026-03-01", to: "2026-03-31" }, now);
    expect(d.metrics.totals).toMatchObject({ tasks: 6, costUsd: 1.5, costPerTask: 0.25, active28AtEnd: 3, active28PctAtEnd: 75 });
    expect(d.forecast).toBeNull();

    const bad = await getDashboard(sponsor, p.slug, { from: "2026-04-01", to: "2026-03-01" }, now);
    expect(bad.rangeError).toContain("from must not be after to");
    expect(bad.range).toEqual({ from: "2026-03-04", to: "2026-03-31" });

    await expect(getDashboard(await makeUser(), p.slug, {}, now)).rejects.toBeInstanceOf(NotFoundError);
  });
});
