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
