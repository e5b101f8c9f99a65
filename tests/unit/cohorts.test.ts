import { describe, expect, it } from "vitest";

import * as C from "@/domain/cohorts";
import { pseudonymFor } from "@/features/usage/imports/parse-helpers";
import * as Db from "@/generated/prisma/enums";

const day = (d: string, tasks: number, errors: number, costUsd: number): C.DayFigures => ({
  day: d,
  events: tasks,
  tasks,
  errors,
  costUsd,
});

describe("cohort rules", () => {
  it("domain enums list Prisma's values in order", () => {
    expect([...C.COHORT_KINDS]).toEqual(Object.values(Db.CohortKind));
    expect([...C.COHORT_STATUSES]).toEqual(Object.values(Db.CohortStatus));
    expect([...C.THRESHOLD_METRICS]).toEqual(Object.values(Db.CohortThresholdMetric));
    expect([...C.TRIGGER_METRICS]).toEqual(Object.values(Db.CohortTriggerMetric));
    expect([...C.PILOT_TAGS]).toEqual(Object.values(Db.PilotTag));
    expect([...C.ROLLBACK_ALERT_STATUSES]).toEqual(Object.values(Db.RollbackAlertStatus));
    expect([...C.ROLLBACK_TEST_RESULTS]).toEqual(Object.values(Db.RollbackTestResult));
  });

  it("people are stored as the usage data's pseudonym; ids stay as they are", () => {
    expect(C.personRefOf("  Ada@Example.COM ")).toBe(pseudonymFor("ada@example.com"));
    expect(C.personRefOf("u-17")).toBe("u-17");
  });

  it("cohort keys and the event match key", () => {
    expect(C.cohortKeyOf("Early adopters (wave 2)")).toBe("early-adopters-wave-2");
    expect(C.cohortMatchKey("  Pilot Group ")).toBe("pilot group");
  });

  it("thresholds: at least / at most, and no data is not met", () => {
    expect(C.evaluateThreshold("ACTIVE_SHARE_7D", 0.6, { value: 0.6, basis: "" }).met).toBe(true);
    expect(C.evaluateThreshold("ACTIVE_SHARE_7D", 0.6, { value: 0.59, basis: "" }).met).toBe(false);
    expect(C.evaluateThreshold("ERROR_RATE", 0.02, { value: 0.02, basis: "" }).met).toBe(true);
    expect(C.evaluateThreshold("ERROR_RATE", 0.02, { value: 0.021, basis: "" }).met).toBe(false);
    const none = C.evaluateThreshold("COST_PER_TASK", 0.05, { value: null, basis: "" });
    expect(none.met).toBe(false);
    expect(C.thresholdProblem(none)).toBe(
      "Cost per task of the previous cohort over 7 days not measured yet (no data) (target at most $0.0500).",
    );
  });

  it("go-live: the right phase, the previous cohort live, and each unmet threshold named", () => {
    const base: C.GoLiveFacts = {
      cohortName: "Early adopters",
      ordinal: 2,
      status: "PLANNED",
      currentPhase: "ROLLOUT",
      previous: { name: "Pilot group", status: "LIVE", wentLive: true },
      thresholds: [],
    };
    expect(C.goLiveProblems(base)).toEqual([]);
    expect(C.goLiveProblems({ ...base, currentPhase: "PILOT" })).toEqual([
      "The Staged Production Rollout phase has not started (the programme is in Controlled Pilot).",
    ]);
    expect(C.goLiveProblems({ ...base, ordinal: 1, previous: null, currentPhase: "PILOT" })).toEqual([]);
    expect(C.goLiveProblems({ ...base, previous: { name: "Pilot group", status: "PLANNED", wentLive: false } })).toEqual([
      "Pilot group has not gone live yet.",
    ]);
    expect(C.goLiveProblems({ ...base, previous: { name: "Pilot group", status: "ROLLED_BACK", wentLive: true } })).toEqual([
      "Pilot group was rolled back.",
    ]);
    const t = [
      C.evaluateThreshold("ACTIVE_SHARE_7D", 0.6, { value: 0.42, basis: "" }),
      C.evaluateThreshold("DAYS_LIVE", 14, { value: 14, basis: "" }),
      C.evaluateThreshold("ERROR_RATE", 0.02, { value: 0.05, basis: "" }),
    ];
    expect(C.goLiveProblems({ ...base, thresholds: t })).toEqual([
      "Share of the previous cohort active over 7 days is 42% (target at least 60%).",
      "Error rate of the previous cohort over 7 days is 5% (target at most 2%).",
    ]);
    expect(C.goLiveProblems({ ...base, status: "LIVE" })).toEqual(["Early adopters is already live."]);
  });

  it("status changes start from the right statuses", () => {
    expect(C.actionProblem("pause", "LIVE", "Pilot")).toBeNull();
    expect(C.actionProblem("rollBack", "PAUSED", "Pilot")).toBeNull();
    expect(C.actionProblem("complete", "PLANNED", "Pilot")).toBe("Pilot is planned; only a live or paused cohort can be completed.");
  });

  it("day triggers: the most recent day above the limit; a day without tasks cannot breach a rate", () => {
    const days = [day("2026-11-28", 100, 9, 2), day("2026-11-29", 0, 3, 0), day("2026-11-30", 50, 1, 1)];
    expect(C.dayTriggerBreach("ERROR_RATE_DAY", 0.05, days)).toEqual({
      measured: 0.09,
      windowFrom: "2026-11-28",
      windowTo: "2026-11-28",
      basis: { events: 100, tasks: 100, errors: 9, costUsd: 2 },
    });
    expect(C.dayTriggerBreach("ERROR_RATE_DAY", 0.09, days)).toBeNull(); // exactly at the limit is not above it
    expect(C.dayTriggerBreach("COST_PER_TASK_DAY", 0.019, days)?.windowFrom).toBe("2026-11-30");
    expect(C.dayTriggerBreach("DAILY_COST", 1.5, days)?.measured).toBe(2);
    expect(C.dayTriggerBreach("DAILY_COST", 1.5, [])).toBeNull();
  });

  it("week-on-week fall of the active share", () => {
    const w = { seats: 50, activeThisWeek: 30, activeLastWeek: 40, from: "2026-11-17", to: "2026-11-30" };
    expect(C.activeShareDrop(w)).toBe(0.25);
    expect(C.weekTriggerBreach(0.2, w)?.measured).toBe(0.25);
    expect(C.weekTriggerBreach(0.25, w)).toBeNull();
    expect(C.activeShareDrop({ ...w, activeLastWeek: 0 })).toBeNull();
  });

  it("a pilot with people but no sceptic is flagged; later cohorts and an empty pilot are not", () => {
    expect(C.pilotLacksSceptics(1, ["EARLY_ADOPTER", null])).toBe(true);
    expect(C.pilotLacksSceptics(1, ["EARLY_ADOPTER", "SCEPTIC"])).toBe(false);
    expect(C.pilotLacksSceptics(1, [])).toBe(false);
    expect(C.pilotLacksSceptics(2, [null])).toBe(false);
    expect(C.cohortSeats(null, 12)).toBe(12);
    expect(C.cohortSeats(50, 12)).toBe(50);
  });
});
