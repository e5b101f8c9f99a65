import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { GET as getCohorts } from "@/app/api/v1/programmes/[slug]/cohorts/route";
import { POST as postUsage } from "@/app/api/v1/programmes/[slug]/usage-events/route";
import { isoDateDaysAgo, makeMember, makeProgramme, makeUser, uniqueSuffix } from "@/demo/factories";
import { cohortListResponseSchema } from "@/features/cohorts/api-schemas";
import { checkTriggersJob } from "@/features/cohorts/jobs";
import { changeCohortStatus } from "@/features/cohorts/server/change-cohort-status";
import { evaluateCohortTriggers } from "@/features/cohorts/server/check-triggers";
import { getCohortsPage } from "@/features/cohorts/server/get-cohorts";
import { importCohortPeople, tagCohortPerson } from "@/features/cohorts/server/import-cohort-people";
import { resolveRollbackAlert } from "@/features/cohorts/server/resolve-rollback-alert";
import { addRollbackTest, saveRollbackPlan } from "@/features/cohorts/server/rollback-plan";
import { saveCohort } from "@/features/cohorts/server/save-cohort";
import { setThreshold, setTrigger } from "@/features/cohorts/server/set-cohort-rules";
import { createApiToken } from "@/features/tokens/server/create-api-token";
import { pseudonymFor } from "@/features/usage/imports/parse-helpers";
import { importUsageFile } from "@/features/usage/imports/server/import-usage-file";
import type { UsageEvent } from "@/features/usage/schemas";
import { ingestUsageEvents } from "@/features/usage/server/ingest-usage-events";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { startWorker } from "@/server/jobs/worker";

type Phase = "DISCOVERY" | "PILOT" | "ROLLOUT";

/** A programme with a pilot (10 seats) and early adopters (30 seats), in the given phase. */
async function setup(phase: Phase = "PILOT") {
  const pm = await makeUser({ name: "Pat Manager" });
  const p = await makeProgramme(pm, { day: 60 });
  // The phase is set directly: starting phases through their gates is tested with the gates.
  await db.programme.update({ where: { id: p.id }, data: { currentPhase: phase } });
  const pilot = await saveCohort(pm, { programmeSlug: p.slug, name: "Pilot group", kind: "PEOPLE", plannedSeats: 10 });
  const early = await saveCohort(pm, { programmeSlug: p.slug, name: "Early adopters", kind: "PEOPLE", plannedSeats: 30 });
  return { pm, p, pilot, early };
}

let n = 0;
/** Usage events for a cohort on `daysAgo`: `users` people, `tasks` tasks and `errors` errors spread over them. */
function events(
  cohort: string,
  daysAgo: number,
  o: { users: number; tasks: number; errors: number; cost: number; userFrom?: number },
): UsageEvent[] {
  const day = isoDateDaysAgo(daysAgo);
  return Array.from({ length: o.users }, (_, i) => ({
    externalId: `t-${uniqueSuffix()}-${n++}`,
    day,
    user: `u-${(o.userFrom ?? 0) + i}`,
    department: "Lending",
    useCase: "Credit memos",
    cohort,
    model: "claude-sonnet-4-6",
    sessions: 1,
    tasks: Math.floor(o.tasks / o.users) + (i < o.tasks % o.users ? 1 : 0),
    minutesSaved: 10,
    minutesSource: "estimated" as const,
    errors: Math.floor(o.errors / o.users) + (i < o.errors % o.users ? 1 : 0),
    tokens: { uncachedInput: 1000, cacheWrite: 0, cacheRead: 0, output: 200 },
    costUsd: o.cost / o.users,
  }));
}

const ingest = (programmeId: string, evs: UsageEvent[], source = "test") =>
  db.$transaction((tx) => ingestUsageEvents(tx, programmeId, evs, source));

/** Runs the trigger check jobs of one programme until none is pending. */
async function drainChecks(programmeId: string) {
  const worker = startWorker({ definitions: [checkTriggersJob], programmeIds: [programmeId], pollMs: 20, log: () => undefined });
  try {
    await expect
      .poll(() => db.job.count({ where: { programmeId, name: checkTriggersJob.name, status: { in: ["PENDING", "RUNNING"] } } }), {
        timeout: 20_000,
      })
      .toBe(0);
  } finally {
    await worker.stop();
  }
  expect(await db.job.count({ where: { programmeId, name: checkTriggersJob.name, status: "FAILED" } })).toBe(0);
}

const goLive = (actor: Actor, slug: string, cohortId: string) =>
  changeCohortStatus(actor, { programmeSlug: slug, cohortId, action: "goLive" });

describe("cohorts: going live", () => {
  it("the pilot goes live only once the Controlled Pilot has started; later cohorts need the Staged Production Rollout", async () => {
    const { pm, p, pilot, early } = await setup("DISCOVERY");
    await expect(goLive(pm, p.slug, pilot.id)).rejects.toThrow(/Controlled Pilot phase has not started/);
    await db.programme.update({ where: { id: p.id }, data: { currentPhase: "PILOT" } });
    await expect(goLive(pm, p.slug, pilot.id)).resolves.toMatchObject({ status: "LIVE" });
    await expect(goLive(pm, p.slug, early.id)).rejects.toThrow(/Staged Production Rollout phase has not started/);
    const audit = await db.auditEvent.findMany({ where: { programmeId: p.id, action: "cohort.go-live" } });
    expect(audit).toHaveLength(1);
  });

  it("refuses for each unmet threshold, naming its measured value and target, and allows it when all hold", async () => {
    const { pm, p, pilot, early } = await setup("PILOT");
    await goLive(pm, p.slug, pilot.id);
    await db.programme.update({ where: { id: p.id }, data: { currentPhase: "ROLLOUT" } });
    for (const [metric, target] of [
      ["ACTIVE_SHARE_7D", 60],
      ["ERROR_RATE", 2],
      ["COST_PER_TASK", 0.05],
      ["DAYS_LIVE", 14],
    ] as const)
      await setThreshold(pm, { programmeSlug: p.slug, cohortId: early.id, metric, target });
    // 4 of 10 active, 5 errors in 100 tasks, $10 over 100 tasks, live today.
    await ingest(p.id, events("pilot group", 2, { users: 4, tasks: 100, errors: 5, cost: 10 }));
    const refusal = goLive(pm, p.slug, early.id);
    await expect(refusal).rejects.toThrow(/active over 7 days is 40% \(target at least 60%\)/);
    await expect(refusal).rejects.toThrow(/Error rate of the previous cohort over 7 days is 5% \(target at most 2%\)/);
    await expect(refusal).rejects.toThrow(/Cost per task of the previous cohort over 7 days is \$0\.1000 \(target at most \$0\.0500\)/);
    await expect(refusal).rejects.toThrow(/Days the previous cohort has been live is 0 days \(target at least 14 days\)/);
    expect((await db.cohort.findUniqueOrThrow({ where: { id: early.id } })).status).toBe("PLANNED");

    // Each threshold alone: fix the others one by one and the message keeps only what is still unmet.
    await ingest(p.id, events("Pilot-Group", 1, { users: 4, tasks: 900, errors: 0, cost: 1, userFrom: 4 })); // 8 of 10; 5/1000; $11/1000
    const r2 = goLive(pm, p.slug, early.id);
    await expect(r2).rejects.toThrow(/has been live is 0 days/);
    await expect(r2).rejects.not.toThrow(/active over 7 days/);
    await expect(r2).rejects.not.toThrow(/Error rate/);
    await expect(r2).rejects.not.toThrow(/Cost per task/);
    await db.cohort.update({ where: { id: pilot.id }, data: { wentLiveAt: new Date(Date.now() - 20 * 86_400_000) } });
    await expect(goLive(pm, p.slug, early.id)).resolves.toMatchObject({ status: "LIVE" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { programmeId: p.id, action: "cohort.go-live", entityId: early.id } });
    expect(JSON.stringify(audit.after)).toContain("ACTIVE_SHARE_7D");
  });

  it("pausing, completing and rolling back are audited; a viewer, and another programme's manager, are refused", async () => {
    const { pm, p, pilot } = await setup("PILOT");
    const viewer = await makeUser();
    await makeMember(pm, p.slug, viewer, ["VIEWER"]);
    const other = await makeUser();
    await makeProgramme(other);
    await expect(goLive(viewer, p.slug, pilot.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(goLive(other, p.slug, pilot.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await goLive(pm, p.slug, pilot.id);
    await changeCohortStatus(pm, { programmeSlug: p.slug, cohortId: pilot.id, action: "pause" });
    await expect(changeCohortStatus(viewer, { programmeSlug: p.slug, cohortId: pilot.id, action: "rollBack" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await changeCohortStatus(pm, { programmeSlug: p.slug, cohortId: pilot.id, action: "rollBack", note: "Errors doubled" });
    await expect(changeCohortStatus(pm, { programmeSlug: p.slug, cohortId: pilot.id, action: "complete" })).rejects.toThrow(
      /rolled back; only a live or paused cohort can be completed/,
    );
    const actions = (await db.auditEvent.findMany({ where: { programmeId: p.id, entityType: "Cohort" }, orderBy: { seq: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["cohort.create", "cohort.create", "cohort.go-live", "cohort.pause", "cohort.roll-back"]);
  });
});

async function watchedPilot() {
  const s = await setup("PILOT");
  await goLive(s.pm, s.p.slug, s.pilot.id);
  await setTrigger(s.pm, { programmeSlug: s.p.slug, cohortId: s.pilot.id, metric: "ERROR_RATE_DAY", limit: 5 });
  return s;
}
const breaching = () => events("Pilot group", 0, { users: 3, tasks: 30, errors: 6, cost: 0.3 }); // 20% errors today

function apiPost(slug: string, token: string, body: unknown) {
  return postUsage(
    new NextRequest(`http://localhost/api/v1/programmes/${slug}/usage-events`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ slug }) },
  );
}

function csvOf(evs: UsageEvent[]): string {
  const head =
    "externalId,day,user,department,useCase,cohort,model,sessions,tasks,minutesSaved,minutesSource,errors,uncachedInputTokens,outputTokens,costUsd";
  const rows = evs.map((e) =>
    [
      e.externalId,
      e.day,
      e.user,
      e.department,
      e.useCase,
      e.cohort,
      e.model,
      e.sessions,
      e.tasks,
      e.minutesSaved,
      "estimated",
      e.errors,
      1000,
      200,
      e.costUsd,
    ].join(","),
  );
  return [head, ...rows].join("\n");
}

describe("cohorts: rollback triggers", () => {
  it.each([
    ["API batch", "api"],
    ["file import", "file"],
  ] as const)(
    "a breaching %s raises exactly one alert, notified to rollback authority; a second breaching batch raises no other",
    async (_name, path) => {
      const { pm, p, pilot } = await watchedPilot();
      const { token } = await createApiToken({ id: null, label: "test" }, { programmeSlug: p.slug, name: "pipeline" });
      const send = async (evs: UsageEvent[]) => {
        if (path === "api")
          expect((await apiPost(p.slug, token, { events: evs.map((e) => ({ ...e, minutesSource: "estimated" })) })).status).toBe(200);
        else expect((await importUsageFile(pm, { programmeSlug: p.slug, format: "usage-csv", text: csvOf(evs) })).ok).toBe(true);
      };
      await send(breaching());
      expect(await db.job.count({ where: { programmeId: p.id, name: checkTriggersJob.name } })).toBe(1);
      await drainChecks(p.id);
      const alerts = await db.rollbackAlert.findMany({ where: { programmeId: p.id } });
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ cohortId: pilot.id, metric: "ERROR_RATE_DAY", status: "OPEN", measuredValue: 0.2, limit: 0.05 });
      expect(alerts[0]!.basis).toMatchObject({ tasks: 30, errors: 6 });
      const notes = await db.notification.findMany({ where: { programmeId: p.id, kind: "cohorts.rollback-alert" } });
      expect(notes.map((x) => x.userId)).toEqual([pm.id]);
      expect(notes[0]!.subject).toMatch(/Rollback trigger on Pilot group: error rate above the limit over a day \(20%, limit 5%\)/);

      await send(breaching());
      await drainChecks(p.id);
      expect(await db.rollbackAlert.count({ where: { programmeId: p.id } })).toBe(1);
      expect(await db.notification.count({ where: { programmeId: p.id, kind: "cohorts.rollback-alert" } })).toBe(1);
    },
  );

  it("arrivals through the shared ingestion as the live sync and workflow runs write them (naming no cohort) have the triggers checked: one job, deduplicated", async () => {
    const { p } = await watchedPilot();
    await ingest(p.id, breaching(), "sync:claude_code");
    await ingest(p.id, events("", 0, { users: 1, tasks: 1, errors: 0, cost: 0.01 }), "workflow:claim-ack");
    // Two arrivals before the worker ran: one pending job.
    expect(await db.job.count({ where: { programmeId: p.id, name: checkTriggersJob.name } })).toBe(1);
    await drainChecks(p.id);
    expect(await db.rollbackAlert.count({ where: { programmeId: p.id } })).toBe(1);
    // No live cohort with a trigger: an arrival enqueues nothing.
    const quiet = await setup("PILOT");
    await ingest(quiet.p.id, breaching());
    expect(await db.job.count({ where: { programmeId: quiet.p.id, name: checkTriggersJob.name } })).toBe(0);
  });

  it("concurrent checks raise one alert per trigger and cohort (the unique key decides)", async () => {
    const { p } = await watchedPilot();
    await ingest(p.id, breaching());
    const { checkCohortTriggers } = await import("@/features/cohorts/server/check-triggers");
    const results = await Promise.all([checkCohortTriggers(p.id), checkCohortTriggers(p.id), checkCohortTriggers(p.id)]);
    expect(results.reduce((s, r) => s + r.raised, 0)).toBe(1);
    expect(await db.rollbackAlert.count({ where: { programmeId: p.id } })).toBe(1);
  });

  it("a trigger computed from the rollups equals the same figure computed from the raw events", async () => {
    const { pm, p, pilot } = await watchedPilot();
    await setTrigger(pm, { programmeSlug: p.slug, cohortId: pilot.id, metric: "COST_PER_TASK_DAY", limit: 0.001 });
    await ingest(p.id, [
      ...events("PILOT GROUP", 0, { users: 5, tasks: 37, errors: 4, cost: 1.37 }),
      ...events("pilot-group", 0, { users: 3, tasks: 11, errors: 1, cost: 0.52, userFrom: 5 }),
      ...events("Early adopters", 0, { users: 4, tasks: 50, errors: 40, cost: 9 }), // another cohort: not counted
      ...events("", 0, { users: 2, tasks: 10, errors: 9, cost: 3 }), // no cohort: counts for the programme only
    ]);
    const cohort = await db.cohort.findUniqueOrThrow({
      where: { id: pilot.id },
      select: {
        id: true,
        name: true,
        key: true,
        wentLiveAt: true,
        plannedSeats: true,
        triggers: { select: { id: true, metric: true, limit: true, round: true } },
      },
    });
    const today = new Date(`${isoDateDaysAgo(0)}T00:00:00Z`);
    const results = await evaluateCohortTriggers(db, p.id, { ...cohort, peopleCount: 0 }, today);
    const [raw] = await db.$queryRaw<{ tasks: number; errors: number; cost: number }[]>`
      SELECT sum("tasks")::int AS "tasks", sum("errors")::int AS "errors", sum("costUsd")::float8 AS "cost" FROM "UsageEvent"
      WHERE "programmeId" = ${p.id}::uuid AND "day" = ${today} AND lower(btrim("cohort")) IN ('pilot group', 'pilot-group')`;
    const errorRate = results.find((r) => r.trigger.metric === "ERROR_RATE_DAY")!.breach!;
    const costPerTask = results.find((r) => r.trigger.metric === "COST_PER_TASK_DAY")!.breach!;
    expect(raw).toMatchObject({ tasks: 48, errors: 5 });
    expect(errorRate.measured).toBeCloseTo(raw!.errors / raw!.tasks, 12);
    expect(costPerTask.measured).toBeCloseTo(raw!.cost / raw!.tasks, 12);
  });
});

describe("cohorts: resolving an alert", () => {
  it("only the people with rollback authority resolve it: roll back (the cohort shows it) or accept with a written reason", async () => {
    const { pm, p, pilot } = await watchedPilot();
    const sponsor = await makeUser({ name: "Sam Sponsor" });
    const sponsorM = await makeMember(pm, p.slug, sponsor, ["SPONSOR"]);
    const viewer = await makeUser();
    await makeMember(pm, p.slug, viewer, ["VIEWER"]);
    await saveRollbackPlan(pm, {
      programmeSlug: p.slug,
      procedure: "1. Remove the group from the SSO app.",
      targetMinutes: 30,
      authorityIds: [sponsorM.membershipId],
    });
    await ingest(p.id, breaching());
    await drainChecks(p.id);
    const alert = await db.rollbackAlert.findFirstOrThrow({ where: { programmeId: p.id } });
    expect((await db.notification.findMany({ where: { programmeId: p.id, kind: "cohorts.rollback-alert" } })).map((x) => x.userId)).toEqual(
      [sponsor.id],
    );

    const resolve = (actor: Actor, resolution: "rollBack" | "accept", reason = "") =>
      resolveRollbackAlert(actor, { programmeSlug: p.slug, alertId: alert.id, resolution, reason });
    await expect(resolve(viewer, "rollBack")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resolve(pm, "rollBack")).rejects.toMatchObject({ code: "FORBIDDEN" }); // named authority replaces the default
    await expect(changeCohortStatus(pm, { programmeSlug: p.slug, cohortId: pilot.id, action: "rollBack" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(resolve(sponsor, "accept", "short")).rejects.toThrow(/written reason/);
    const stranger = await makeUser();
    await makeProgramme(stranger);
    await expect(resolve(stranger, "rollBack")).rejects.toMatchObject({ code: "NOT_FOUND" });

    await resolve(sponsor, "rollBack", "Error rate four times the limit");
    expect((await db.cohort.findUniqueOrThrow({ where: { id: pilot.id } })).status).toBe("ROLLED_BACK");
    expect(await db.rollbackAlert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({
      status: "ROLLED_BACK",
      resolvedById: sponsor.id,
    });
    await expect(resolve(sponsor, "accept", "Too late to accept it now")).rejects.toThrow(/already resolved/);
    const page = await getCohortsPage(pm, p.slug);
    expect(page.cohorts[0]).toMatchObject({ status: "ROLLED_BACK" });
  });

  it("accepting keeps the cohort live with the reason; a new limit starts a new round that may raise one new alert", async () => {
    const { pm, p, pilot } = await watchedPilot();
    await ingest(p.id, breaching());
    await drainChecks(p.id);
    const alert = await db.rollbackAlert.findFirstOrThrow({ where: { programmeId: p.id } });
    await resolveRollbackAlert(pm, {
      programmeSlug: p.slug,
      alertId: alert.id,
      resolution: "accept",
      reason: "A known outage of the document store on that day",
    });
    expect(await db.rollbackAlert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({
      status: "ACCEPTED",
      reason: "A known outage of the document store on that day",
    });
    expect((await db.cohort.findUniqueOrThrow({ where: { id: pilot.id } })).status).toBe("LIVE");
    await ingest(p.id, breaching());
    await drainChecks(p.id);
    expect(await db.rollbackAlert.count({ where: { programmeId: p.id } })).toBe(1);
    await setTrigger(pm, { programmeSlug: p.slug, cohortId: pilot.id, metric: "ERROR_RATE_DAY", limit: 10 });
    await ingest(p.id, breaching());
    await drainChecks(p.id);
    expect(await db.rollbackAlert.count({ where: { programmeId: p.id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { programmeId: p.id, action: "rollback-alert.accept" } })).toBe(1);
  });
});

describe("cohorts: people, plan and API", () => {
  it("people from CSV are stored as the usage data's pseudonym; tags flag a pilot without sceptics", async () => {
    const { pm, p, pilot, early } = await setup("PILOT");
    const r = await importCohortPeople(pm, {
      programmeSlug: p.slug,
      cohortId: pilot.id,
      csv: "email,tag\nAda@Example.com,early adopter\nbob@example.com\nu-raw-7\n",
    });
    expect(r).toEqual({ listed: 3, added: 3, inOtherCohorts: 0 });
    const refs = (await db.cohortPerson.findMany({ where: { cohortId: pilot.id }, orderBy: { userRef: "asc" } })).map((x) => x.userRef);
    expect(refs.sort()).toEqual([pseudonymFor("ada@example.com"), pseudonymFor("bob@example.com"), "u-raw-7"].sort());
    expect(JSON.stringify(await db.cohortPerson.findMany({ where: { programmeId: p.id } }))).not.toContain("example.com");
    let page = await getCohortsPage(pm, p.slug);
    expect(page.cohorts[0]!.lacksSceptics).toBe(true);
    await tagCohortPerson(pm, { programmeSlug: p.slug, cohortId: pilot.id, userRef: pseudonymFor("bob@example.com"), tag: "SCEPTIC" });
    page = await getCohortsPage(pm, p.slug);
    expect(page.cohorts[0]).toMatchObject({ lacksSceptics: false, tags: { earlyAdopters: 1, sceptics: 1 } });
    // Someone already in the pilot stays there.
    expect(await importCohortPeople(pm, { programmeSlug: p.slug, cohortId: early.id, csv: "ada@example.com\ncy@example.com" })).toEqual({
      listed: 2,
      added: 1,
      inOtherCohorts: 1,
    });
    await expect(importCohortPeople(pm, { programmeSlug: p.slug, cohortId: early.id, csv: "dee@example.com,champion" })).rejects.toThrow(
      /not a tag/,
    );
    // From the usage data: the people whose events name the cohort.
    await ingest(p.id, events("Early Adopters", 1, { users: 3, tasks: 3, errors: 0, cost: 0.1, userFrom: 40 }));
    expect(await importCohortPeople(pm, { programmeSlug: p.slug, cohortId: early.id, fromUsage: true })).toMatchObject({ added: 3 });
  });

  it("the rollback plan names members of this programme only; rollback tests are recorded and audited", async () => {
    const { pm, p } = await setup();
    const other = await makeUser();
    const op = await makeProgramme(other);
    const otherM = await db.membership.findFirstOrThrow({ where: { programmeId: op.id } });
    await expect(saveRollbackPlan(pm, { programmeSlug: p.slug, procedure: "x", authorityIds: [otherM.id] })).rejects.toThrow(
      /members of this programme/,
    );
    await saveRollbackPlan(pm, { programmeSlug: p.slug, procedure: "## Steps\n1. Disable the group", targetMinutes: 20 });
    await addRollbackTest(pm, {
      programmeSlug: p.slug,
      testedOn: isoDateDaysAgo(3),
      environment: "staging",
      durationMinutes: 14,
      result: "PASSED",
    });
    const page = await getCohortsPage(pm, p.slug);
    expect(page.plan).toMatchObject({ targetMinutes: 20, authorityIsDefault: true, authority: [{ name: "Pat Manager" }] });
    expect(page.tests).toMatchObject([{ environment: "staging", durationMinutes: 14, result: "PASSED" }]);
    await expect(
      addRollbackTest(other, {
        programmeSlug: p.slug,
        testedOn: isoDateDaysAgo(1),
        environment: "staging",
        durationMinutes: 1,
        result: "PASSED",
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("GET /api/v1/programmes/{slug}/cohorts lists each cohort with adoption, thresholds, triggers and open alerts; another programme's token is refused", async () => {
    const { pm, p, pilot, early } = await watchedPilot();
    await setThreshold(pm, { programmeSlug: p.slug, cohortId: early.id, metric: "ACTIVE_SHARE_7D", target: 50 });
    await ingest(p.id, breaching());
    await drainChecks(p.id);
    const { token } = await createApiToken({ id: null, label: "test" }, { programmeSlug: p.slug, name: "reader" });
    const get = (slug: string, t: string) =>
      getCohorts(new NextRequest(`http://localhost/api/v1/programmes/${slug}/cohorts`, { headers: { authorization: `Bearer ${t}` } }), {
        params: Promise.resolve({ slug }),
      });
    const res = await get(p.slug, token);
    expect(res.status).toBe(200);
    const body = cohortListResponseSchema.parse(await res.json());
    expect(body.programme).toEqual({ slug: p.slug, licensedSeats: 250 });
    expect(body.cohorts.map((c) => [c.name, c.status, c.seats])).toEqual([
      ["Pilot group", "LIVE", 10],
      ["Early adopters", "PLANNED", 30],
    ]);
    expect(body.cohorts[0]!.adoption).toMatchObject({ activePeople: 3, seats: 10, share: 0.3 });
    expect(body.cohorts[0]!.triggers).toEqual([{ metric: "ERROR_RATE_DAY", limit: 0.05 }]);
    expect(body.cohorts[0]!.openAlerts).toMatchObject([{ metric: "ERROR_RATE_DAY", measuredValue: 0.2, status: "OPEN" }]);
    expect(body.cohorts[1]!.thresholds).toMatchObject([{ metric: "ACTIVE_SHARE_7D", target: 0.5, measured: 0.3, met: false }]);
    expect(pilot.id).toBeTruthy();

    const other = await makeUser();
    const op = await makeProgramme(other);
    const { token: otherToken } = await createApiToken({ id: null, label: "test" }, { programmeSlug: op.slug, name: "reader" });
    expect((await get(p.slug, otherToken)).status).toBe(404);
    expect((await get(p.slug, "gh_nonsense")).status).toBe(401);
  });
});
