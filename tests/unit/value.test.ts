import { describe, expect, it } from "vitest";

import { adoptionSourceFor } from "@/domain/adoption";
import { dayTicks, valueTicks } from "@/domain/chart-ticks";
import { estimateValue, rateFor, seatCostForDays } from "@/domain/value";

describe("value in money", () => {
  const rates = [
    { department: "", usdPerHour: 50 },
    { department: "Finance", usdPerHour: 90 },
  ];

  it("a department's own hourly cost, else the programme's, else none", () => {
    expect(rateFor("Finance", rates)?.usdPerHour).toBe(90);
    expect(rateFor("Legal", rates)?.usdPerHour).toBe(50);
    expect(rateFor("", rates)?.usdPerHour).toBe(50);
    expect(rateFor("Legal", [{ department: "Finance", usdPerHour: 90 }])).toBeNull();
  });

  it("values minutes at their rate, counts unvalued minutes, and ROI = (value − cost) ÷ cost", () => {
    const v = estimateValue({
      minutesByDepartment: [
        { department: "Finance", minutes: 120 },
        { department: "Legal", minutes: 30 },
      ],
      hourlyCosts: [{ department: "Finance", usdPerHour: 90 }],
      apiCostUsd: 40,
      seatCostUsd: 20,
    });
    expect(v).toMatchObject({ minutesSaved: 150, valuedMinutes: 120, valueUsd: 180, costUsd: 60, netUsd: 120, roi: 2 });
    expect(v.byDepartment[1]).toMatchObject({ department: "Legal", valueUsd: null, usdPerHour: null });
  });

  it("no hourly cost: no value and no ROI (never a guess); no cost: no ROI", () => {
    expect(
      estimateValue({ minutesByDepartment: [{ department: "", minutes: 60 }], hourlyCosts: [], apiCostUsd: 5, seatCostUsd: null }),
    ).toMatchObject({
      valueUsd: null,
      roi: null,
      netUsd: null,
      costUsd: 5,
    });
    expect(
      estimateValue({ minutesByDepartment: [{ department: "", minutes: 60 }], hourlyCosts: rates, apiCostUsd: 0, seatCostUsd: null }),
    ).toMatchObject({
      valueUsd: 50,
      roi: null,
    });
  });

  it("seat cost: seats × price a month × 12 ÷ 365 per day, to the cent", () => {
    expect(seatCostForDays(100, 30, 365)).toBe(36_000);
    expect(seatCostForDays(10, 30, 7)).toBe(69.04);
    expect(seatCostForDays(0, 30, 7)).toBe(0);
  });
});

describe("chart ticks", () => {
  it("days at an even step, at most seven labels", () => {
    const days = Array.from({ length: 28 }, (_, i) => ({ day: `2026-03-${String(i + 1).padStart(2, "0")}` }));
    expect(dayTicks(days)).toEqual(["2026-03-01", "2026-03-08", "2026-03-15", "2026-03-22"]);
    expect(dayTicks(days.slice(0, 7))).toHaveLength(7);
    expect(dayTicks(days.slice(0, 12))).toEqual(["2026-03-01", "2026-03-03", "2026-03-05", "2026-03-07", "2026-03-09", "2026-03-11"]);
  });

  it("values from 0 to a round maximum in equal steps", () => {
    expect(valueTicks(87)).toEqual([0, 25, 50, 75, 100]);
    expect(valueTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(valueTicks(0.0135)).toEqual([0, 0.005, 0.01, 0.015]);
    expect(valueTicks(0)).toEqual([0, 1]);
    for (const max of [3, 7.5, 42, 999, 12_345]) {
      const t = valueTicks(max);
      const steps = t.slice(1).map((v, i) => Math.round((v - t[i]!) * 1e6) / 1e6);
      expect(new Set(steps).size, String(max)).toBe(1);
      expect(t.at(-1)!).toBeGreaterThanOrEqual(max);
    }
  });
});

describe("the adoption figure's source", () => {
  const at = (lastSummaryDay: string | null, hasEvents = true) =>
    adoptionSourceFor({ rangeEnd: "2026-03-10", lastSummaryDay, hasEvents, delayDays: 4 });
  it("the latest analytics summary when it is within the publishing delay of the range's end, else the events", () => {
    expect(at("2026-03-10")).toBe("analytics-summaries");
    expect(at("2026-03-06")).toBe("analytics-summaries");
    expect(at("2026-03-05")).toBe("usage-events");
    expect(at(null)).toBe("usage-events");
    expect(at(null, false)).toBe("none");
    expect(at("2026-03-11")).toBe("usage-events"); // after the range: not this range's figure
  });
});
