import { describe, expect, it } from "vitest";

import { healthSignals, type HealthInput } from "@/domain/health";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const series = (n: number, f: (i: number) => { active28: number; tasks: number; costUsd: number }) =>
  Array.from({ length: n }, (_, i) => ({ day: new Date(d("2026-01-01").getTime() + i * 86_400_000).toISOString().slice(0, 10), ...f(i) }));
const signal = (i: HealthInput, key: string) => healthSignals(i).find((s) => s.key === key)!;

describe("health signals", () => {
  it("adoption: 60% of seats within 60 days of launch is on track; under 30% at day 60 is in trouble; in between it is watched", () => {
    const base = { today: d("2026-03-02"), launchedAt: d("2026-01-01"), licensedSeats: 1000 };
    expect(signal({ ...base, series: series(60, () => ({ active28: 620, tasks: 1, costUsd: 1 })) }, "adoption")).toMatchObject({
      status: "ON_TRACK",
      reason: expect.stringContaining("62% of licensed seats active"),
    });
    expect(signal({ ...base, series: series(60, () => ({ active28: 250, tasks: 1, costUsd: 1 })) }, "adoption")).toMatchObject({
      status: "IN_TROUBLE",
      reason: expect.stringContaining("below the playbook's 30% at day 60"),
    });
    expect(
      signal({ ...base, today: d("2026-02-01"), series: series(31, () => ({ active28: 450, tasks: 1, costUsd: 1 })) }, "adoption"),
    ).toMatchObject({ status: "WATCH", reason: "45% of licensed seats active, day 31 after launch: 60% is due by day 60." });
    expect(signal({ ...base, launchedAt: null, series: [] }, "adoption").status).toBe("WATCH");
  });

  it("cost per task should fall: compares the last two weeks with the two before", () => {
    const base = { today: d("2026-02-01"), launchedAt: d("2026-01-01"), licensedSeats: 10 };
    const falling = series(28, (i) => ({ active28: 5, tasks: 100, costUsd: i < 14 ? 2 : 1.5 }));
    expect(signal({ ...base, series: falling }, "cost-per-task")).toMatchObject({
      status: "ON_TRACK",
      reason: "Down 25% over the last two weeks ($0.0150 from $0.0200).",
    });
    const rising = series(28, (i) => ({ active28: 5, tasks: 100, costUsd: i < 14 ? 1 : 1.5 }));
    expect(signal({ ...base, series: rising }, "cost-per-task").status).toBe("IN_TROUBLE");
    expect(signal({ ...base, series: series(10, () => ({ active28: 5, tasks: 1, costUsd: 1 })) }, "cost-per-task").status).toBe("WATCH");
  });

  it("users falling back: 28-day actives 20% or more below their peak", () => {
    const base = { today: d("2026-02-01"), launchedAt: d("2026-01-01"), licensedSeats: 100 };
    expect(
      signal({ ...base, series: series(30, (i) => ({ active28: i < 20 ? 80 : 60, tasks: 1, costUsd: 1 })) }, "reverting"),
    ).toMatchObject({ status: "IN_TROUBLE", reason: "28-day active users are 25% below their peak of 80." });
    expect(signal({ ...base, series: series(30, () => ({ active28: 80, tasks: 1, costUsd: 1 })) }, "reverting").status).toBe("ON_TRACK");
  });

  it("sponsor reviews: one in the last two weeks is on track; none since launch is in trouble", () => {
    const base = { today: d("2026-03-01"), launchedAt: d("2026-02-01"), licensedSeats: 10, series: [] };
    expect(signal({ ...base, sponsorReviews: [d("2026-02-25")] }, "sponsor-review")).toMatchObject({
      status: "ON_TRACK",
      reason: "The sponsor reviewed a weekly report 4 days ago.",
    });
    expect(signal({ ...base, sponsorReviews: [d("2026-01-20")] }, "sponsor-review")).toMatchObject({
      status: "IN_TROUBLE",
      reason: "No sponsor review since launch.",
    });
    expect(signal({ ...base, sponsorReviews: [] }, "sponsor-review").status).toBe("IN_TROUBLE");
    expect(signal({ ...base, launchedAt: null, sponsorReviews: [] }, "sponsor-review").status).toBe("WATCH");
  });

  it("says plainly what is not tracked yet", () => {
    const s = healthSignals({ today: d("2026-02-01"), launchedAt: null, licensedSeats: 10, series: [] });
    expect(s.filter((x) => x.status === "NOT_TRACKED").map((x) => x.key)).toEqual(["sponsor-review", "integrations", "tickets", "demand"]);
  });
});
