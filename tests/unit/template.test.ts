import { describe, expect, it } from "vitest";

import { GATE_KEYS, GATE_LABELS, PHASE_KEYS, PHASE_LABELS, REVIEW_FUNCTIONS, STAKEHOLDER_ROLES } from "../../src/domain/enums";
import {
  addUtcDays,
  CURRENT_TEMPLATE,
  dateOfDay,
  gateBeforePhase,
  gateTemplate,
  getTemplate,
  phaseForDay,
  planProgramme,
  programmeDay,
  TEMPLATE_V1,
  TEMPLATE_VERSIONS,
  UnknownTemplateVersionError,
  weekOfDay,
} from "../../src/domain/template";

const t = TEMPLATE_V1;
const utc = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);
const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString().slice(0, 10));

describe("template registry", () => {
  it("serves the current template by version and rejects unknown versions", () => {
    expect(CURRENT_TEMPLATE).toBe(TEMPLATE_V1);
    expect(TEMPLATE_V1.version).toBe("90-day/2026-11");
    expect(TEMPLATE_VERSIONS).toContain(TEMPLATE_V1.version);
    expect(getTemplate("90-day/2026-11")).toBe(TEMPLATE_V1);
    expect(() => getTemplate("90-day/1999-01")).toThrow(UnknownTemplateVersionError);
    expect(() => getTemplate("")).toThrow(UnknownTemplateVersionError);
  });

  it("is frozen so callers cannot mutate the shared template", () => {
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.gates)).toBe(true);
    expect(Object.isFrozen(t.gates[0]?.criteria)).toBe(true);
    expect(Object.isFrozen(t.milestones[0])).toBe(true);
  });
});

describe("phases", () => {
  it("has the four phases with the playbook's day ranges", () => {
    expect(t.totalDays).toBe(90);
    expect(t.phases.map((p) => [p.key, p.ordinal, p.startDay, p.endDay])).toEqual([
      ["DISCOVERY", 1, 1, 30],
      ["PILOT", 2, 31, 60],
      ["ROLLOUT", 3, 61, 90],
      ["GOVERNANCE", 4, 91, null],
    ]);
    expect(t.phases.map((p) => p.key)).toEqual([...PHASE_KEYS]);
    for (const phase of t.phases) {
      expect(phase.name).toBe(PHASE_LABELS[phase.key]);
      expect(phase.summary.length).toBeGreaterThan(0);
    }
  });

  it("phases are contiguous", () => {
    for (let i = 1; i < t.phases.length; i++) {
      expect(t.phases[i]?.startDay).toBe((t.phases[i - 1]?.endDay ?? Number.NaN) + 1);
    }
  });
});

describe("gates", () => {
  it("has the four gates in order with increasing planned days", () => {
    expect(t.gates.map((g) => g.key)).toEqual([...GATE_KEYS]);
    expect(t.gates.map((g) => g.ordinal)).toEqual([1, 2, 3, 4]);
    expect(t.gates.map((g) => g.plannedDay)).toEqual([30, 60, 70, 120]);
    for (const gate of t.gates) expect(gate.name).toBe(GATE_LABELS[gate.key]);
  });

  it("every gate has distinct, non-empty required functions and criteria", () => {
    for (const gate of t.gates) {
      expect(gate.purpose.length).toBeGreaterThan(0);
      expect(gate.requiredFunctions.length).toBeGreaterThan(0);
      expect(new Set(gate.requiredFunctions).size).toBe(gate.requiredFunctions.length);
      for (const fn of gate.requiredFunctions) expect(REVIEW_FUNCTIONS).toContain(fn);
      expect(gate.criteria.length).toBeGreaterThanOrEqual(5);
      const titles = gate.criteria.map((c) => c.title);
      expect(new Set(titles).size).toBe(titles.length);
      for (const criterion of gate.criteria) {
        expect(criterion.title.trim().length).toBeGreaterThan(0);
        expect(criterion.guidance.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it("Architecture Review is signed by Engineering, Security, Legal and the business sponsor", () => {
    const gate = gateTemplate(t, "ARCHITECTURE_REVIEW");
    expect([...gate.requiredFunctions].sort()).toEqual(["BUSINESS", "ENGINEERING", "LEGAL_PRIVACY", "SECURITY"]);
    expect(gate.criteria.map((c) => c.title)).toContain("Architecture Decision Record accepted");
    // The server rules need the AUP published and monitoring in place before the pilot starts.
    expect(gate.criteria.map((c) => c.title)).toEqual(
      expect.arrayContaining(["Acceptable use policy published", "Usage monitoring in place"]),
    );
  });

  it("Production Readiness Review has the playbook's four sign-off functions", () => {
    const gate = gateTemplate(t, "PRODUCTION_READINESS");
    expect([...gate.requiredFunctions].sort()).toEqual(["BUSINESS", "IT", "LEGAL_PRIVACY", "SECURITY"]);
    expect(gate.criteria.map((c) => c.title)).toEqual(
      expect.arrayContaining([
        "Penetration test passed or risk accepted",
        "Data processing agreement signed",
        "Acceptable use policy published",
        "Runbook documented",
        "On-call support defined",
        "Success metrics agreed",
        "Rollback plan documented and tested",
      ]),
    );
  });

  it("models which phases each gate closes and opens", () => {
    expect(t.gates.map((g) => [g.key, g.closesPhase, g.opensPhase])).toEqual([
      ["ARCHITECTURE_REVIEW", "DISCOVERY", "PILOT"],
      ["PILOT_DEBRIEF", "PILOT", "ROLLOUT"],
      ["PRODUCTION_READINESS", null, "GOVERNANCE"],
      ["POST_LAUNCH_REVIEW", null, null],
    ]);
  });

  it("every phase after the first is opened by exactly one gate, planned before the phase starts", () => {
    expect(gateBeforePhase(t, "DISCOVERY")).toBeNull();
    for (const phase of t.phases.slice(1)) {
      const openers = t.gates.filter((g) => g.opensPhase === phase.key);
      expect(openers).toHaveLength(1);
      expect(gateBeforePhase(t, phase.key)).toBe(openers[0]);
      expect(openers[0]?.plannedDay).toBeLessThan(phase.startDay);
    }
  });

  it("a gate that closes a phase is planned on that phase's last day", () => {
    for (const gate of t.gates) {
      if (gate.closesPhase === null) continue;
      const phase = t.phases.find((p) => p.key === gate.closesPhase);
      expect(gate.plannedDay).toBe(phase?.endDay);
    }
  });

  it("Production Readiness is held inside the rollout, before launch; the post-launch review 30 days after day 90", () => {
    expect(phaseForDay(t, gateTemplate(t, "PRODUCTION_READINESS").plannedDay)?.key).toBe("ROLLOUT");
    expect(gateTemplate(t, "POST_LAUNCH_REVIEW").plannedDay).toBe(t.totalDays + 30);
  });

  it("gateTemplate throws for a gate the template lacks", () => {
    expect(() => gateTemplate(t, "NOPE" as never)).toThrow(RangeError);
  });
});

describe("milestones", () => {
  it("cover every week 1-13 with 2-4 milestones each, in week order", () => {
    const weeks = t.milestones.map((m) => m.week);
    expect([...weeks].sort((a, b) => a - b)).toEqual(weeks);
    for (let week = 1; week <= 13; week++) {
      const count = weeks.filter((w) => w === week).length;
      expect(count, `week ${week}`).toBeGreaterThanOrEqual(2);
      expect(count, `week ${week}`).toBeLessThanOrEqual(4);
    }
    expect(Math.min(...weeks)).toBe(1);
    expect(Math.max(...weeks)).toBe(13);
  });

  it("each milestone's phase is a phase of some day in its week", () => {
    for (const m of t.milestones) {
      const phasesInWeek = new Set<string>();
      for (let day = 7 * m.week - 6; day <= 7 * m.week; day++) {
        const phase = phaseForDay(t, day);
        if (phase) phasesInWeek.add(phase.key);
      }
      expect(phasesInWeek.has(m.phase), `${m.title} (week ${m.week}, ${m.phase})`).toBe(true);
    }
  });

  it("have unique titles, deliverables and a suggested owner", () => {
    const titles = t.milestones.map((m) => m.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const m of t.milestones) {
      expect(m.deliverable.trim().length).toBeGreaterThan(0);
      expect([...STAKEHOLDER_ROLES, "PROGRAMME_MANAGER"]).toContain(m.suggestedOwner);
    }
  });

  it("start vendor onboarding and engage the CISO in week 1", () => {
    const week1 = t.milestones.filter((m) => m.week === 1).map((m) => m.title);
    expect(week1).toEqual(expect.arrayContaining(["Anthropic vendor onboarding started", "CISO engaged"]));
  });
});

describe("risks", () => {
  it("are exactly the playbook's ten risks", () => {
    expect(t.risks.map((r) => r.title)).toEqual([
      "Procurement delays exceeding planned timeline",
      "Security review blocking API key provisioning",
      "MCP integration auth failures in production",
      "Low pilot adoption due to inadequate training",
      "API costs exceeding budget at scale",
      "Data governance incident during pilot",
      "Executive sponsor loses interest post-POC",
      "Engineering team underestimates integration complexity",
      "HR objections to AI monitoring employee work",
      "Change management failures causing low adoption post-launch",
    ]);
  });

  it("keep the playbook's probabilities and impact text", () => {
    expect(t.risks.map((r) => r.probability)).toEqual([
      "HIGH",
      "HIGH",
      "MEDIUM",
      "HIGH",
      "MEDIUM",
      "LOW",
      "MEDIUM",
      "HIGH",
      "MEDIUM",
      "HIGH",
    ]);
    expect(t.risks.map((r) => r.consequence)).toEqual([
      "Schedule slip of 4-8 weeks",
      "Pilot cannot start",
      "Core features non-functional",
      "Inconclusive pilot data",
      "Deployment paused pending budget approval",
      "Deployment suspended",
      "Deployment deprioritised",
      "Phase 2 delayed 2-4 weeks",
      "Acceptable use policy overhaul",
      "Investment not realised",
    ]);
    for (const risk of t.risks) expect(risk.mitigation.length).toBeGreaterThan(0);
  });
});

describe("stakeholders", () => {
  it("has the seven roles once each", () => {
    expect(t.stakeholders.map((s) => s.role).sort()).toEqual([...STAKEHOLDER_ROLES].sort());
    for (const s of t.stakeholders) {
      expect(s.why.length).toBeGreaterThan(0);
      expect(s.engagementPlan.length).toBeGreaterThan(0);
      expect(s.engageByWeek).toBeGreaterThanOrEqual(1);
      expect(s.engageByWeek).toBeLessThanOrEqual(4);
    }
  });

  it("engages Procurement and Security in week 1", () => {
    const byRole = new Map(t.stakeholders.map((s) => [s.role, s]));
    expect(byRole.get("PROCUREMENT")?.engageByWeek).toBe(1);
    expect(byRole.get("CISO_SECURITY")?.engageByWeek).toBe(1);
  });
});

describe("planProgramme", () => {
  const start = utc("2026-01-05");
  const plan = planProgramme(t, start);

  it("dates the phases (day N = start + N-1 days)", () => {
    expect(plan.templateVersion).toBe("90-day/2026-11");
    expect(iso(plan.startDate)).toBe("2026-01-05");
    expect(plan.phases.map((p) => [p.key, iso(p.plannedStart), iso(p.plannedEnd)])).toEqual([
      ["DISCOVERY", "2026-01-05", "2026-02-03"],
      ["PILOT", "2026-02-04", "2026-03-05"],
      ["ROLLOUT", "2026-03-06", "2026-04-04"],
      ["GOVERNANCE", "2026-04-05", null],
    ]);
  });

  it("dates the gates", () => {
    expect(plan.gates.map((g) => [g.key, iso(g.plannedDate)])).toEqual([
      ["ARCHITECTURE_REVIEW", "2026-02-03"],
      ["PILOT_DEBRIEF", "2026-03-05"],
      ["PRODUCTION_READINESS", "2026-03-15"],
      ["POST_LAUNCH_REVIEW", "2026-05-04"],
    ]);
    for (const gate of plan.gates) {
      expect(gate.criteria.map((c) => c.ordinal)).toEqual(gate.criteria.map((_, i) => i + 1));
    }
  });

  it("dates milestones at the end of their week (day 7 * week)", () => {
    const dueByWeek = new Map(plan.milestones.map((m) => [m.week, iso(m.dueDate)]));
    expect(dueByWeek.get(1)).toBe("2026-01-11");
    expect(dueByWeek.get(4)).toBe("2026-02-01");
    expect(dueByWeek.get(9)).toBe("2026-03-08");
    expect(dueByWeek.get(13)).toBe("2026-04-05");
    expect(plan.milestones.filter((m) => m.week === 13).every((m) => iso(m.dueDate) === "2026-04-05")).toBe(true);
    expect(plan.milestones).toHaveLength(t.milestones.length);
  });

  it("returns UTC-midnight dates", () => {
    const dates = [
      ...plan.phases.flatMap((p) => [p.plannedStart, p.plannedEnd]),
      ...plan.gates.map((g) => g.plannedDate),
      ...plan.milestones.map((m) => m.dueDate),
    ].filter((d): d is Date => d !== null);
    for (const d of dates) expect(d.getTime() % 86_400_000).toBe(0);
  });

  it("copies the playbook's risks and stakeholders", () => {
    expect(plan.risks).toHaveLength(10);
    expect(plan.risks.every((r) => r.fromPlaybook)).toBe(true);
    expect(plan.risks[0]).toEqual({
      title: "Procurement delays exceeding planned timeline",
      probability: "HIGH",
      impact: "HIGH",
      consequence: "Schedule slip of 4-8 weeks",
      mitigation: "Start vendor onboarding in Week 1, not when you're ready to deploy",
      fromPlaybook: true,
    });
    expect(plan.stakeholders).toHaveLength(7);
    const procurement = plan.stakeholders.find((s) => s.role === "PROCUREMENT");
    expect(procurement?.why).toContain("3 to 12 weeks");
  });

  it("returns fresh copies that do not alias the template", () => {
    const other = planProgramme(t, start);
    other.gates[0]?.requiredFunctions.push("HR");
    other.milestones.pop();
    expect(plan.gates[0]?.requiredFunctions).not.toContain("HR");
    expect(t.gates[0]?.requiredFunctions).not.toContain("HR");
    expect(planProgramme(t, start).milestones).toHaveLength(t.milestones.length);
    expect(plan.startDate).not.toBe(start);
  });

  it("handles a leap day and month ends", () => {
    const leap = planProgramme(t, utc("2028-02-01"));
    // day 30 = 2028-03-01 (2028-02-29 exists), day 31 = 2028-03-02
    expect(iso(leap.phases[0]?.plannedEnd ?? null)).toBe("2028-03-01");
    expect(iso(leap.phases[1]?.plannedStart ?? null)).toBe("2028-03-02");
  });

  it("rejects a start date that is not a UTC midnight", () => {
    expect(() => planProgramme(t, new Date("2026-01-05T05:00:00Z"))).toThrow(RangeError);
    expect(() => planProgramme(t, new Date("not a date"))).toThrow(RangeError);
  });
});

describe("day arithmetic", () => {
  const start = utc("2026-01-05");

  it("programmeDay counts Day 1 on the start date and can be zero or negative before it", () => {
    expect(programmeDay(start, start)).toBe(1);
    expect(programmeDay(start, new Date("2026-01-05T23:59:59.999Z"))).toBe(1);
    expect(programmeDay(start, utc("2026-01-06"))).toBe(2);
    expect(programmeDay(start, utc("2026-01-04"))).toBe(0);
    expect(programmeDay(start, new Date("2026-01-04T23:59:59Z"))).toBe(0);
    expect(programmeDay(start, utc("2025-12-26"))).toBe(-9);
    expect(programmeDay(start, utc("2026-02-03"))).toBe(30);
    expect(programmeDay(start, utc("2026-02-04"))).toBe(31);
    expect(programmeDay(start, utc("2026-04-05"))).toBe(91);
  });

  it("programmeDay is unaffected by DST transitions (Mar/Oct/Nov)", () => {
    const s = utc("2026-03-01");
    expect(programmeDay(s, new Date("2026-04-01T12:00:00Z"))).toBe(32);
    expect(programmeDay(utc("2026-10-20"), new Date("2026-11-10T00:30:00Z"))).toBe(22);
  });

  it("programmeDay and dateOfDay are inverses", () => {
    for (let day = -5; day <= 400; day++) {
      expect(programmeDay(start, dateOfDay(start, day))).toBe(day);
    }
  });

  it("programmeDay rejects a start date that is not a UTC midnight", () => {
    expect(() => programmeDay(new Date("2026-01-05T12:00:00Z"), start)).toThrow(RangeError);
  });

  it("addUtcDays crosses month and year ends", () => {
    expect(iso(addUtcDays(utc("2026-12-31"), 1))).toBe("2027-01-01");
    expect(iso(addUtcDays(utc("2026-03-01"), -1))).toBe("2026-02-28");
    expect(() => addUtcDays(start, 1.5)).toThrow(RangeError);
  });

  it("weekOfDay", () => {
    expect([1, 7, 8, 28, 30, 31, 90, 91].map(weekOfDay)).toEqual([1, 1, 2, 4, 5, 5, 13, 13]);
    expect(() => weekOfDay(0)).toThrow(RangeError);
  });

  it("phaseForDay: boundaries between phases and governance after day 90", () => {
    const key = (day: number) => phaseForDay(t, day)?.key ?? null;
    expect(key(-3)).toBeNull();
    expect(key(0)).toBeNull();
    expect(key(1)).toBe("DISCOVERY");
    expect(key(30)).toBe("DISCOVERY");
    expect(key(31)).toBe("PILOT");
    expect(key(60)).toBe("PILOT");
    expect(key(61)).toBe("ROLLOUT");
    expect(key(90)).toBe("ROLLOUT");
    expect(key(91)).toBe("GOVERNANCE");
    expect(key(10_000)).toBe("GOVERNANCE");
    expect(() => phaseForDay(t, 30.5)).toThrow(RangeError);
  });
});
