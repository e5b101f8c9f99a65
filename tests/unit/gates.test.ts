import { describe, expect, it } from "vitest";

import { PHASE_KEYS } from "@/domain/enums";
import {
  describeWhatIsMissing,
  gateReadiness,
  phaseStartProblems,
  pilotDaysRun,
  pilotDecisionProblems,
  settleGate,
  signatureMeaning,
  signOffProblems,
  type GateState,
} from "@/domain/gates";

const gate = (over: Partial<GateState> = {}): GateState => ({
  key: "ARCHITECTURE_REVIEW",
  status: "IN_REVIEW",
  round: 1,
  requiredFunctions: ["ENGINEERING", "SECURITY", "LEGAL_PRIVACY", "BUSINESS"],
  criteria: [
    { id: "c1", title: "Architecture Decision Record accepted", status: "MET", waiverReason: null },
    { id: "c2", title: "Vendor security questionnaire complete", status: "OPEN", waiverReason: null },
    { id: "c3", title: "HR engaged for employee-facing deployments", status: "WAIVED", waiverReason: "Not employee-facing" },
  ],
  signOffs: [],
  ...over,
});
const sign = (
  fn: GateState["requiredFunctions"][number],
  decision: "APPROVE" | "APPROVE_WITH_CONDITIONS" | "REJECT" = "APPROVE",
  reviewerId = `m-${fn}`,
  voided = false,
) => ({
  id: `s-${fn}-${reviewerId}`,
  function: fn,
  decision,
  reviewerId,
  voided,
});

describe("gate readiness", () => {
  it("counts criteria met or waived and valid approvals, and names what is missing", () => {
    const r = gateReadiness(gate({ signOffs: [sign("SECURITY"), sign("ENGINEERING", "APPROVE", "m-e", true)] }));
    expect(r.summary).toBe("2 of 3 criteria met, 1 of 4 sign-offs");
    expect(r.missingSignOffs).toEqual(["ENGINEERING", "LEGAL_PRIVACY", "BUSINESS"]);
    expect(r.resignRequired).toEqual(["ENGINEERING"]);
    expect(r.complete).toBe(false);
    expect(describeWhatIsMissing("ARCHITECTURE_REVIEW", r)).toBe(
      "Architecture Review needs: Engineering sign-off; Legal/Privacy sign-off; Business sponsor sign-off; criterion 'Vendor security questionnaire complete' is not met",
    );
  });

  it("is complete when every required function approved (conditions count) and every criterion is met or waived", () => {
    const done = gate({
      criteria: gate().criteria.map((c) => ({ ...c, status: c.status === "OPEN" ? "MET" : c.status })),
      signOffs: [sign("ENGINEERING"), sign("SECURITY", "APPROVE_WITH_CONDITIONS"), sign("LEGAL_PRIVACY"), sign("BUSINESS")],
    });
    expect(gateReadiness(done).complete).toBe(true);
    expect(settleGate(done)).toBe("APPROVED");
  });

  it("a rejection closes the round as rejected", () => {
    const g = gate({ signOffs: [sign("SECURITY", "REJECT")] });
    expect(settleGate(g)).toBe("REJECTED");
    expect(describeWhatIsMissing(g.key, gateReadiness(g))).toContain("Security rejected this round");
  });

  it("stays in review while anything is missing", () => {
    expect(settleGate(gate({ signOffs: [sign("SECURITY")] }))).toBe("IN_REVIEW");
  });
});

describe("who may sign", () => {
  const reviewer = { membershipId: "m-1", roles: ["GATE_REVIEWER"] as const, functions: ["SECURITY", "LEGAL_PRIVACY"] as const };
  const base = {
    reviewer: { ...reviewer, roles: [...reviewer.roles], functions: [...reviewer.functions] },
    fn: "SECURITY" as const,
    decision: "APPROVE" as const,
    reason: null,
  };

  it("allows a reviewer holding a required function on an open gate", () => {
    expect(signOffProblems({ gate: gate(), ...base })).toEqual([]);
  });

  it("refuses with a message for each rule", () => {
    expect(signOffProblems({ gate: gate({ status: "NOT_STARTED" }), ...base })).toEqual(["This gate is not open for review yet."]);
    expect(signOffProblems({ gate: gate({ status: "REJECTED" }), ...base })).toEqual(["This round is closed (rejected)."]);
    expect(signOffProblems({ gate: gate(), ...base, fn: "IT" })).toEqual([
      "You do not hold the IT review function in this programme.",
      "Architecture Review does not need IT sign-off.",
    ]);
    expect(signOffProblems({ gate: gate(), ...base, reviewer: { ...base.reviewer, roles: ["VIEWER"] } })).toEqual([
      "You do not hold the Security review function in this programme.",
    ]);
    expect(signOffProblems({ gate: gate({ signOffs: [sign("SECURITY", "APPROVE", "m-2")] }), ...base })).toEqual([
      "Security has already signed this round.",
    ]);
    expect(signOffProblems({ gate: gate({ signOffs: [sign("LEGAL_PRIVACY", "APPROVE", "m-1")] }), ...base })).toEqual([
      "You already signed this gate as Legal/Privacy; one person cannot fill two functions.",
    ]);
    expect(signOffProblems({ gate: gate(), ...base, decision: "REJECT" })).toEqual(["Give the reason for rejecting."]);
    expect(signOffProblems({ gate: gate(), ...base, decision: "APPROVE_WITH_CONDITIONS", reason: "  " })).toEqual([
      "State the conditions of your approval.",
    ]);
  });

  it("the Pilot Debrief is not decided before the pilot ran its minimum days", () => {
    const debrief = gate({ key: "PILOT_DEBRIEF", requiredFunctions: ["SECURITY"] });
    expect(signOffProblems({ gate: debrief, ...base, pilot: { daysRun: 14, minDays: 30 } })).toEqual([
      "The pilot has run 14 of its minimum 30 days; the Pilot Debrief cannot be decided before then.",
    ]);
    expect(signOffProblems({ gate: debrief, ...base, pilot: { daysRun: 30, minDays: 30 } })).toEqual([]);
    expect(pilotDaysRun(new Date("2026-01-01T00:00:00Z"), new Date("2026-01-30T00:00:00Z"))).toBe(30);
    expect(pilotDaysRun(null, new Date("2026-01-30T00:00:00Z"))).toBe(0);
  });

  it("a voided signature frees the function and the person to sign again", () => {
    expect(signOffProblems({ gate: gate({ signOffs: [sign("SECURITY", "APPROVE", "m-1", true)] }), ...base })).toEqual([]);
  });

  it("states what a signature means", () => {
    expect(signatureMeaning("SECURITY", "APPROVE")).toBe("Approved as Security reviewer");
    expect(signatureMeaning("LEGAL_PRIVACY", "REJECT")).toBe("Rejected as Legal/Privacy reviewer");
    expect(signatureMeaning("BUSINESS", "APPROVE_WITH_CONDITIONS")).toBe("Approved with conditions as Business sponsor reviewer");
  });
});

describe("starting a phase", () => {
  const check = { phase: "PILOT" as const, currentPhase: "DISCOVERY" as const, order: PHASE_KEYS, gate: gate(), aupPublished: true };

  it("only through its approved gate, naming exactly what is missing", () => {
    expect(phaseStartProblems(check)).toEqual([
      "Architecture Review needs: Engineering sign-off; Security sign-off; Legal/Privacy sign-off; Business sponsor sign-off; criterion 'Vendor security questionnaire complete' is not met",
    ]);
    expect(phaseStartProblems({ ...check, gate: gate({ status: "NOT_STARTED" }) })).toEqual([
      "Architecture Review has not been opened for review.",
    ]);
    expect(phaseStartProblems({ ...check, gate: gate({ status: "APPROVED" }) })).toEqual([]);
  });

  it("the pilot needs the acceptable use policy published", () => {
    expect(phaseStartProblems({ ...check, gate: gate({ status: "APPROVED" }), aupPublished: false })).toEqual([
      "The acceptable use policy must be published before the pilot starts.",
    ]);
  });

  it("phases go in order and only once", () => {
    expect(phaseStartProblems({ ...check, phase: "DISCOVERY" })).toEqual(["Discovery & Architecture has already started."]);
    expect(phaseStartProblems({ ...check, phase: "ROLLOUT" })).toEqual(["Controlled Pilot comes first."]);
  });
});

describe("the Pilot Debrief decision", () => {
  const c = { title: "Fix connector token expiry", ownerId: "m-1", dueDate: "2026-03-01" };
  it("Go and Conditional go need an approved round; No-go a closed one", () => {
    expect(pilotDecisionProblems({ gateStatus: "APPROVED", existing: null, decision: "GO", conditions: [] })).toEqual([]);
    expect(pilotDecisionProblems({ gateStatus: "IN_REVIEW", existing: null, decision: "GO", conditions: [] })).toEqual([
      "Go needs an approved Pilot Debrief round.",
    ]);
    expect(pilotDecisionProblems({ gateStatus: "REJECTED", existing: null, decision: "NO_GO", conditions: [] })).toEqual([]);
    expect(pilotDecisionProblems({ gateStatus: "IN_REVIEW", existing: null, decision: "NO_GO", conditions: [] })).toEqual([
      "Decide once the Pilot Debrief round is closed (approved or rejected).",
    ]);
    expect(pilotDecisionProblems({ gateStatus: "APPROVED", existing: "GO", decision: "NO_GO", conditions: [] })).toEqual([
      "The Pilot Debrief decision for this round is already recorded.",
    ]);
  });
  it("a Conditional go has conditions, each with an owner and a due date; the others have none", () => {
    expect(pilotDecisionProblems({ gateStatus: "APPROVED", existing: null, decision: "CONDITIONAL_GO", conditions: [c] })).toEqual([]);
    expect(pilotDecisionProblems({ gateStatus: "APPROVED", existing: null, decision: "CONDITIONAL_GO", conditions: [] })).toEqual([
      "A Conditional go needs at least one condition.",
    ]);
    expect(
      pilotDecisionProblems({ gateStatus: "APPROVED", existing: null, decision: "CONDITIONAL_GO", conditions: [{ ...c, ownerId: null }] }),
    ).toEqual(["Condition 1 needs a description, an owner and a due date."]);
    expect(pilotDecisionProblems({ gateStatus: "APPROVED", existing: null, decision: "GO", conditions: [c] })).toEqual([
      "Only a Conditional go has conditions.",
    ]);
  });
  it("open conditions hold the Production Readiness Review back, by name", () => {
    const prr = gate({
      key: "PRODUCTION_READINESS",
      requiredFunctions: ["SECURITY"],
      criteria: [{ id: "x", title: "Runbook documented", status: "MET", waiverReason: null }],
      signOffs: [sign("SECURITY")],
      openConditions: [{ title: "Fix connector token expiry" }],
    });
    expect(gateReadiness(prr).complete).toBe(false);
    expect(settleGate(prr)).toBe("IN_REVIEW");
    expect(describeWhatIsMissing("PRODUCTION_READINESS", gateReadiness(prr))).toBe(
      "Production Readiness Review needs: Pilot Debrief condition 'Fix connector token expiry' is open",
    );
  });
  it("the rollout starts only after a Go or Conditional go", () => {
    const approved = gate({ key: "PILOT_DEBRIEF", status: "APPROVED" });
    const check = { phase: "ROLLOUT" as const, currentPhase: "PILOT" as const, order: PHASE_KEYS, gate: approved, aupPublished: true };
    expect(phaseStartProblems({ ...check, pilotDecision: null })).toEqual([
      "Record the Pilot Debrief decision (Go or Conditional go) first.",
    ]);
    expect(phaseStartProblems({ ...check, pilotDecision: "NO_GO" })).toEqual(["The Pilot Debrief decided No-go."]);
    expect(phaseStartProblems({ ...check, pilotDecision: "CONDITIONAL_GO" })).toEqual([]);
  });
});

describe("the milestone map", () => {
  it("flags slips and shifts the production date by the largest phase-1 slip", async () => {
    const { daysLate, isSlipped, projectProductionDate } = await import("@/domain/milestones");
    const d = (s: string) => new Date(`${s}T00:00:00Z`);
    const today = d("2026-02-10");
    const ms = [
      { phase: "DISCOVERY" as const, dueDate: d("2026-01-11"), status: "DONE" as const, completedAt: d("2026-01-15") }, // 4 days late, done
      { phase: "DISCOVERY" as const, dueDate: d("2026-02-01"), status: "IN_PROGRESS" as const, completedAt: null }, // 9 days late, open
      { phase: "PILOT" as const, dueDate: d("2026-02-08"), status: "NOT_STARTED" as const, completedAt: null }, // 2 days late, phase 2
    ];
    expect(ms.map((m) => daysLate(m, today))).toEqual([4, 9, 2]);
    expect(ms.map((m) => isSlipped(m, today))).toEqual([false, true, true]);
    const p = projectProductionDate(ms, d("2026-04-04"), today);
    expect(p.shiftDays).toBe(9);
    expect(p.projected.toISOString().slice(0, 10)).toBe("2026-04-13");
    expect(projectProductionDate([], d("2026-04-04"), today).shiftDays).toBe(0);
  });
});
