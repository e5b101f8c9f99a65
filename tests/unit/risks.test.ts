import { describe, expect, it } from "vitest";

import type { Level, RiskStatus } from "@/domain/enums";
import { isOnHeatMap, isOverdueRisk, isUnownedRisk, riskBand, riskHeatMap } from "@/domain/risk";

const TODAY = new Date("2026-05-10T00:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("risk flags", () => {
  it("an open or mitigating risk is overdue the day after its review date, never on it", () => {
    for (const status of ["OPEN", "MITIGATING"] as const) {
      expect(isOverdueRisk({ status, reviewDate: day("2026-05-09") }, TODAY)).toBe(true);
      expect(isOverdueRisk({ status, reviewDate: day("2026-05-10") }, TODAY)).toBe(false);
      expect(isOverdueRisk({ status, reviewDate: null }, TODAY)).toBe(false);
    }
    for (const status of ["ACCEPTED", "CLOSED"] as const)
      expect(isOverdueRisk({ status, reviewDate: day("2026-01-01") }, TODAY)).toBe(false);
  });

  it("an open risk without an owner is unowned; a closed or accepted one is not flagged", () => {
    expect(isUnownedRisk({ status: "OPEN", ownerId: null })).toBe(true);
    expect(isUnownedRisk({ status: "MITIGATING", ownerId: null })).toBe(true);
    expect(isUnownedRisk({ status: "OPEN", ownerId: "m1" })).toBe(false);
    expect(isUnownedRisk({ status: "CLOSED", ownerId: null })).toBe(false);
    expect(isUnownedRisk({ status: "ACCEPTED", ownerId: null })).toBe(false);
  });
});

describe("heat map", () => {
  const r = (probability: Level, impact: Level, status: RiskStatus = "OPEN") => ({ probability, impact, status });

  it("is three rows of probability (high first) by three columns of impact (low first), counting risks that are not closed", () => {
    const map = riskHeatMap([
      r("HIGH", "HIGH"),
      r("HIGH", "HIGH"),
      r("HIGH", "MEDIUM", "ACCEPTED"),
      r("LOW", "HIGH", "MITIGATING"),
      r("MEDIUM", "LOW", "CLOSED"),
    ]);
    expect(map.map((row) => row.probability)).toEqual(["HIGH", "MEDIUM", "LOW"]);
    expect(map.map((row) => row.cells.map((c) => c.count))).toEqual([
      [0, 1, 2],
      [0, 0, 0],
      [0, 0, 1],
    ]);
    expect(map[0]!.cells.map((c) => c.impact)).toEqual(["LOW", "MEDIUM", "HIGH"]);
    expect(isOnHeatMap("CLOSED")).toBe(false);
  });

  it("colours cells by score band: 1–2 low, 3–4 medium, 6–9 high", () => {
    const bands = riskHeatMap([]).map((row) => row.cells.map((c) => `${c.score}:${c.band}`));
    expect(bands).toEqual([
      ["3:MEDIUM", "6:HIGH", "9:HIGH"],
      ["2:LOW", "4:MEDIUM", "6:HIGH"],
      ["1:LOW", "2:LOW", "3:MEDIUM"],
    ]);
    expect(riskBand("MEDIUM", "MEDIUM")).toBe("MEDIUM");
  });
});
