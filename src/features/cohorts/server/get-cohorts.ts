import "server-only";

import {
  pilotLacksSceptics,
  type CohortKind,
  type CohortStatus,
  type PilotTag,
  type RollbackAlertStatus,
  type RollbackTestResult,
  type ThresholdMetric,
  type ThresholdResult,
  type TriggerMetric,
} from "@/domain/cohorts";
import { renderPolicyMarkdown } from "@/domain/policies";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";

import { cohortAdoption, isoDay, measuredAsOf, measureThresholds, type Adoption } from "./measure";
import { rollbackAuthorityMemberships } from "./rollback-authority";

export interface CohortAlertView {
  id: string;
  metric: TriggerMetric;
  limit: number;
  measuredValue: number;
  windowFrom: string;
  windowTo: string;
  basis: Record<string, unknown>;
  status: RollbackAlertStatus;
  raisedAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  reason: string | null;
}

export interface CohortView {
  id: string;
  ordinal: number;
  key: string;
  name: string;
  kind: CohortKind;
  plannedSeats: number | null;
  trafficSharePct: number | null;
  plannedGoLive: string | null;
  status: CohortStatus;
  wentLiveAt: Date | null;
  statusChangedAt: Date | null;
  peopleCount: number;
  tags: { earlyAdopters: number; sceptics: number };
  lacksSceptics: boolean;
  adoption: Adoption;
  thresholds: ThresholdResult[];
  triggers: { metric: TriggerMetric; limit: number }[];
  alerts: CohortAlertView[];
}

export interface CohortsOverview {
  licensedSeats: number;
  measuredAsOf: string;
  cohorts: CohortView[];
}

/** How many alerts per cohort the overview carries (the open ones and the latest resolved). */
const ALERTS_PER_COHORT = 20;
/** A programme has a handful of cohorts; the overview reads at most this many. */
const MAX_COHORTS = 20;

/**
 * Every cohort of a programme with its adoption (active people over 7 days against its seats), its entry
 * thresholds measured against the previous cohort, its triggers and alerts. A few bounded queries per cohort.
 */
export async function cohortsOverview(programme: { id: string; licensedSeats: number }, now = new Date()): Promise<CohortsOverview> {
  const programmeId = programme.id;
  const [rows, asOf] = await Promise.all([
    db.cohort.findMany({
      where: { programmeId },
      orderBy: { ordinal: "asc" },
      take: MAX_COHORTS,
      select: {
        id: true,
        ordinal: true,
        key: true,
        name: true,
        kind: true,
        plannedSeats: true,
        trafficSharePct: true,
        plannedGoLive: true,
        status: true,
        wentLiveAt: true,
        statusChangedAt: true,
        _count: { select: { people: true } },
        thresholds: { select: { metric: true, target: true }, orderBy: { metric: "asc" } },
        triggers: { select: { metric: true, limit: true }, orderBy: { metric: "asc" } },
        alerts: {
          orderBy: [{ status: "asc" }, { raisedAt: "desc" }],
          take: ALERTS_PER_COHORT,
          select: {
            id: true,
            metric: true,
            limit: true,
            measuredValue: true,
            windowFrom: true,
            windowTo: true,
            basis: true,
            status: true,
            raisedAt: true,
            resolvedAt: true,
            resolvedById: true,
            reason: true,
          },
        },
      },
    }),
    measuredAsOf(db, programmeId, now),
  ]);
  const tagCounts = await db.cohortPerson.groupBy({ by: ["cohortId", "tag"], where: { programmeId }, _count: { _all: true } });
  const resolverIds = [...new Set(rows.flatMap((c) => c.alerts.map((a) => a.resolvedById).filter((x): x is string => x !== null)))];
  const resolvers = new Map(
    (await db.user.findMany({ where: { id: { in: resolverIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );

  const cohorts: CohortView[] = [];
  for (const [i, c] of rows.entries()) {
    const peopleCount = c._count.people;
    const tagCount = (tag: PilotTag | null) => tagCounts.find((t) => t.cohortId === c.id && t.tag === tag)?._count._all ?? 0;
    const previous = i > 0 ? rows[i - 1] : undefined;
    const thresholds = previous
      ? await measureThresholds(
          db,
          programmeId,
          { ...previous, peopleCount: previous._count.people },
          c.thresholds as { metric: ThresholdMetric; target: number }[],
          asOf,
          now,
        )
      : [];
    cohorts.push({
      id: c.id,
      ordinal: c.ordinal,
      key: c.key,
      name: c.name,
      kind: c.kind,
      plannedSeats: c.plannedSeats,
      trafficSharePct: c.trafficSharePct,
      plannedGoLive: c.plannedGoLive ? isoDay(c.plannedGoLive) : null,
      status: c.status,
      wentLiveAt: c.wentLiveAt,
      statusChangedAt: c.statusChangedAt,
      peopleCount,
      tags: { earlyAdopters: tagCount("EARLY_ADOPTER"), sceptics: tagCount("SCEPTIC") },
      lacksSceptics: pilotLacksSceptics(
        c.ordinal,
        tagCounts.filter((t) => t.cohortId === c.id).flatMap((t) => Array<PilotTag | null>(t._count._all).fill(t.tag)),
      ),
      adoption: await cohortAdoption(db, programmeId, { ...c, peopleCount }, asOf),
      thresholds,
      triggers: c.triggers,
      alerts: c.alerts.map((a) => ({
        ...a,
        windowFrom: isoDay(a.windowFrom),
        windowTo: isoDay(a.windowTo),
        basis: (a.basis ?? {}) as Record<string, unknown>,
        resolvedBy: a.resolvedById ? (resolvers.get(a.resolvedById) ?? null) : null,
      })),
    });
  }
  return { licensedSeats: programme.licensedSeats, measuredAsOf: isoDay(asOf), cohorts };
}

export interface CohortsPage extends CohortsOverview {
  canManage: boolean;
  hasRollbackAuthority: boolean;
  plan: {
    procedure: string;
    /** The procedure as sanitised HTML (the same Markdown renderer as the policies). */
    procedureHtml: string;
    targetMinutes: number | null;
    authority: { id: string; name: string }[];
    authorityIsDefault: boolean;
  };
  tests: { id: string; testedOn: string; environment: string; durationMinutes: number; result: RollbackTestResult; notes: string }[];
  members: { id: string; name: string }[];
  people: { cohortId: string; userRef: string; tag: PilotTag | null }[];
}

/** How many of the pilot's people the page lists for tagging. */
const PILOT_PEOPLE_SHOWN = 200;

/** The cohorts page: the overview, the rollback plan and tests, and what the signed-in member may do. */
export async function getCohortsPage(actor: Actor, programmeSlug: string, now = new Date()): Promise<CohortsPage> {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  const overview = await cohortsOverview(access.programme, now);
  const [plan, authority, tests, members] = await Promise.all([
    db.rollbackPlan.findUnique({ where: { programmeId }, select: { procedure: true, targetMinutes: true, authorityIds: true } }),
    rollbackAuthorityMemberships(db, programmeId),
    db.rollbackTest.findMany({ where: { programmeId }, orderBy: { testedOn: "desc" }, take: 50 }),
    db.membership.findMany({
      where: { programmeId },
      orderBy: { createdAt: "asc" },
      take: 500,
      select: { id: true, addedAsName: true, user: { select: { name: true } } },
    }),
  ]);
  const pilot = overview.cohorts.find((c) => c.ordinal === 1);
  const people = pilot
    ? await db.cohortPerson.findMany({
        where: { cohortId: pilot.id },
        orderBy: { userRef: "asc" },
        take: PILOT_PEOPLE_SHOWN,
        select: { cohortId: true, userRef: true, tag: true },
      })
    : [];
  const nameOf = new Map(members.map((m) => [m.id, m.addedAsName ?? m.user.name]));
  return {
    ...overview,
    canManage: access.can("cohorts.manage"),
    hasRollbackAuthority: authority.some((m) => m.id === access.membership.id),
    plan: {
      procedure: plan?.procedure ?? "",
      procedureHtml: plan?.procedure ? renderPolicyMarkdown(plan.procedure) : "",
      targetMinutes: plan?.targetMinutes ?? null,
      authority: authority.map((m) => ({ id: m.id, name: nameOf.get(m.id) ?? "A member" })),
      authorityIsDefault: (plan?.authorityIds.length ?? 0) === 0,
    },
    tests: tests.map((t) => ({ ...t, testedOn: isoDay(t.testedOn) })),
    members: members.map((m) => ({ id: m.id, name: m.addedAsName ?? m.user.name })),
    people,
  };
}
