import { z } from "zod";

import { COHORT_KINDS, COHORT_STATUSES, ROLLBACK_ALERT_STATUSES, THRESHOLD_METRICS, TRIGGER_METRICS } from "@/domain/cohorts";

const share = "a fraction (0.6 = 60%)";

/**
 * What `GET /api/v1/programmes/{slug}/cohorts` answers. listCohortsForApi returns this schema's output type,
 * and the OpenAPI document is generated from it, so the two cannot drift. Shares and rates are fractions,
 * costs USD.
 */
export const cohortListResponseSchema = z.object({
  programme: z.object({ slug: z.string(), licensedSeats: z.number().int().min(0) }),
  measuredAsOf: z.iso.date().describe("The last day of usage data the figures are measured to."),
  cohorts: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      ordinal: z.number().int().min(1).describe("1 is the pilot cohort."),
      kind: z.enum(COHORT_KINDS),
      status: z.enum(COHORT_STATUSES),
      seats: z.number().int().min(0).describe("The planned seats, or the cohort's people when none are planned."),
      trafficSharePct: z.number().nullable().describe("Traffic cohorts: the planned share of production traffic, in percent."),
      plannedGoLive: z.iso.date().nullable(),
      wentLiveAt: z.iso.datetime().nullable(),
      peopleCount: z.number().int().min(0),
      lacksSceptics: z.boolean().describe("The pilot has people but none tagged sceptic."),
      adoption: z.object({
        activePeople: z.number().int().min(0).describe("People whose usage named this cohort in the 7 days to `to`."),
        seats: z.number().int().min(0),
        share: z.number().nullable().describe(`Active people over seats, ${share}; null without seats.`),
        from: z.iso.date(),
        to: z.iso.date(),
      }),
      thresholds: z.array(
        z.object({
          metric: z.enum(THRESHOLD_METRICS),
          label: z.string(),
          target: z.number(),
          measured: z.number().nullable().describe("The previous cohort's figure; null when there is no data."),
          met: z.boolean(),
          basis: z.string().describe("What the measured value rests on, in words."),
        }),
      ),
      triggers: z.array(z.object({ metric: z.enum(TRIGGER_METRICS), limit: z.number() })),
      openAlerts: z.array(
        z.object({
          id: z.string().uuid(),
          metric: z.enum(TRIGGER_METRICS),
          status: z.enum(ROLLBACK_ALERT_STATUSES),
          limit: z.number(),
          measuredValue: z.number(),
          windowFrom: z.iso.date(),
          windowTo: z.iso.date(),
          basis: z.record(z.string(), z.unknown()).describe("The figures the measured value rests on."),
          raisedAt: z.iso.datetime(),
        }),
      ),
    }),
  ),
});
export type CohortListResponse = z.output<typeof cohortListResponseSchema>;

/** Each cohort's adoption as the metrics API and the dashboard show it: active people against the cohort's own seats. */
export const cohortAdoptionSchema = z.object({
  key: z.string(),
  name: z.string(),
  ordinal: z.number().int().min(1).describe("1 is the pilot cohort: judged against the pilot's size, not the licensed seats."),
  status: z.enum(COHORT_STATUSES),
  seats: z.number().int().min(0).describe("The cohort's planned seats, or its people when none are planned."),
  activePeople: z.number().int().min(0).describe("People whose usage named this cohort in the 7 days to `to`."),
  share: z.number().nullable().describe(`Active people over the cohort's seats, ${share}.`),
  from: z.iso.date(),
  to: z.iso.date(),
});
export type CohortAdoption = z.output<typeof cohortAdoptionSchema>;
