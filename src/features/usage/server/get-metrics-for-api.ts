import "server-only";

import { z } from "zod";

import type { ApiToken } from "@/server/api/with-api-token";
import { RuleError } from "@/server/errors";

import { loadMetrics } from "./get-metrics";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));
export const metricsRangeSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((r) => r.from <= r.to, { message: "from must not be after to", path: ["from"] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 <= 400, {
    message: "ask for at most 400 days at a time",
    path: ["to"],
  });

/** GET /api/v1/programmes/{slug}/metrics?from&to: the dashboard's figures as JSON. */
export async function getMetricsForApi(token: ApiToken, range: { from: string | null; to: string | null }) {
  const { programme } = token;
  const parsed = metricsRangeSchema.safeParse(range);
  if (!parsed.success) throw new RuleError(`Give from and to as YYYY-MM-DD: ${parsed.error.issues.map((i) => i.message).join("; ")}.`);
  return loadMetrics({
    programmeId: programme.id,
    licensedSeats: programme.licensedSeats,
    from: new Date(`${parsed.data.from}T00:00:00Z`),
    to: new Date(`${parsed.data.to}T00:00:00Z`),
  });
}
