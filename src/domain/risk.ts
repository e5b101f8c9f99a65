import type { Level, RiskStatus } from "./enums";

const SCORE: Record<Level, number> = { LOW: 1, MEDIUM: 2, HIGH: 3 };

/** Probability × impact on a 1–9 scale. */
export function riskScore(probability: Level, impact: Level): number {
  return SCORE[probability] * SCORE[impact];
}

/** High: at least one of probability and impact is high and the other at least medium (score ≥ 6). */
export function isHighRisk(probability: Level, impact: Level): boolean {
  return riskScore(probability, impact) >= 6;
}

export function isOpenRisk(status: RiskStatus): boolean {
  return status === "OPEN" || status === "MITIGATING";
}

// --- Register rules --------------------------------------------------------------------------

export interface RiskForFlags {
  probability: Level;
  impact: Level;
  status: RiskStatus;
  ownerId: string | null;
  /** A calendar date (UTC midnight), or null when no review is planned. */
  reviewDate: Date | null;
}

/** Closed risks leave the heat map; open, mitigating and accepted ones stay on it. */
export function isOnHeatMap(status: RiskStatus): boolean {
  return status !== "CLOSED";
}

/** An open risk nobody owns. */
export function isUnownedRisk(r: Pick<RiskForFlags, "status" | "ownerId">): boolean {
  return isOpenRisk(r.status) && !r.ownerId;
}

/** An open risk whose review date has passed (`today` is a UTC calendar date; the review day itself is not late). */
export function isOverdueRisk(r: Pick<RiskForFlags, "status" | "reviewDate">, today: Date): boolean {
  return isOpenRisk(r.status) && r.reviewDate !== null && r.reviewDate.getTime() < today.getTime();
}

/** The band a heat-map cell or a risk falls in: low (score 1–2), medium (3–4), high (6–9). */
export function riskBand(probability: Level, impact: Level): Level {
  const score = riskScore(probability, impact);
  return score >= 6 ? "HIGH" : score >= 3 ? "MEDIUM" : "LOW";
}

export interface HeatMapCell {
  probability: Level;
  impact: Level;
  score: number;
  band: Level;
  count: number;
}

/**
 * The probability × impact heat map: three rows of probability, high first, each with three cells of
 * impact, low first; each cell counts the risks on the map (not closed).
 */
export function riskHeatMap(
  risks: readonly Pick<RiskForFlags, "probability" | "impact" | "status">[],
): { probability: Level; cells: HeatMapCell[] }[] {
  const rows: Level[] = ["HIGH", "MEDIUM", "LOW"];
  const cols: Level[] = ["LOW", "MEDIUM", "HIGH"];
  return rows.map((probability) => ({
    probability,
    cells: cols.map((impact) => ({
      probability,
      impact,
      score: riskScore(probability, impact),
      band: riskBand(probability, impact),
      count: risks.filter((r) => isOnHeatMap(r.status) && r.probability === probability && r.impact === impact).length,
    })),
  }));
}
