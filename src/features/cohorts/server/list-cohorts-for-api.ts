import "server-only";

import type { ApiToken } from "@/server/api/with-api-token";

import type { CohortListResponse } from "../api-schemas";
import { cohortsOverview } from "./get-cohorts";

/** GET /api/v1/programmes/{slug}/cohorts (the token is authenticated by the route's wrapper, scoped to its programme). */
export async function listCohortsForApi(token: ApiToken, now = new Date()): Promise<CohortListResponse> {
  const { programme } = token;
  const overview = await cohortsOverview(programme, now);
  return {
    programme: { slug: programme.slug, licensedSeats: programme.licensedSeats },
    measuredAsOf: overview.measuredAsOf,
    cohorts: overview.cohorts.map((c) => ({
      key: c.key,
      name: c.name,
      ordinal: c.ordinal,
      kind: c.kind,
      status: c.status,
      seats: c.adoption.seats,
      trafficSharePct: c.trafficSharePct,
      plannedGoLive: c.plannedGoLive,
      wentLiveAt: c.wentLiveAt?.toISOString() ?? null,
      peopleCount: c.peopleCount,
      lacksSceptics: c.lacksSceptics,
      adoption: c.adoption,
      thresholds: c.thresholds,
      triggers: c.triggers,
      openAlerts: c.alerts
        .filter((a) => a.status === "OPEN")
        .map((a) => ({
          id: a.id,
          metric: a.metric,
          status: a.status,
          limit: a.limit,
          measuredValue: a.measuredValue,
          windowFrom: a.windowFrom,
          windowTo: a.windowTo,
          basis: a.basis,
          raisedAt: a.raisedAt.toISOString(),
        })),
    })),
  };
}
