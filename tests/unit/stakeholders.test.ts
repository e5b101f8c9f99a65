import { describe, expect, it } from "vitest";

import type { StakeholderRole, Stance } from "@/domain/enums";
import { flagStakeholders, lastDayOfWeek, stakeholderName, type StakeholderForFlags } from "@/domain/stakeholders";

const START = new Date("2026-03-02T00:00:00Z"); // Day 1
/** The instant at noon UTC of programme day `day`. */
const onDay = (day: number) => new Date(START.getTime() + (day - 1) * 86_400_000 + 12 * 3_600_000);

let n = 0;
const s = (role: StakeholderRole, stance: Stance = "NOT_ENGAGED", over: Partial<StakeholderForFlags> = {}): StakeholderForFlags => ({
  id: `s${++n}`,
  role,
  personName: null,
  stance,
  relationshipOwnerId: "owner",
  engageByWeek: 1,
  ...over,
});
const messages = (flags: { message: string }[]) => flags.map((f) => f.message);

describe("stakeholder flags", () => {
  it("Procurement and Security not engaged are flagged from day 8, not on day 7 (the end of week 1)", () => {
    const map = [s("PROCUREMENT"), s("CISO_SECURITY")];
    expect(lastDayOfWeek(1)).toBe(7);
    for (const day of [-3, 0, 1, 7]) expect(flagStakeholders(START, map, onDay(day))).toEqual([]);
    expect(messages(flagStakeholders(START, map, onDay(8)))).toEqual([
      "IT Security / CISO not engaged by the end of week 1: a late security review blocks API key provisioning and the pilot.",
      "Procurement not engaged by the end of week 1: vendor onboarding takes 3–12 weeks.",
    ]);
    expect(flagStakeholders(START, map, onDay(60))).toHaveLength(2);
  });

  it("uses the UTC calendar day: 23:59 UTC on day 7 is still week 1, 00:00 UTC on day 8 is not", () => {
    const map = [s("PROCUREMENT")];
    expect(flagStakeholders(START, map, new Date("2026-03-08T23:59:59Z"))).toEqual([]);
    expect(flagStakeholders(START, map, new Date("2026-03-09T00:00:00Z"))).toHaveLength(1);
  });

  it("any stance other than not engaged clears the week-1 flag, whatever engage-by week the card says", () => {
    for (const stance of ["ENGAGED", "SUPPORTIVE"] as const)
      expect(flagStakeholders(START, [s("PROCUREMENT", stance)], onDay(30))).toEqual([]);
    // The playbook's week 1 holds even if someone moved Procurement's engage-by week later.
    expect(messages(flagStakeholders(START, [s("PROCUREMENT", "NOT_ENGAGED", { engageByWeek: 6 })], onDay(8)))).toEqual([
      "Procurement not engaged by the end of week 1: vendor onboarding takes 3–12 weeks.",
    ]);
  });

  it("other roles are flagged only past the end of their own engage-by week", () => {
    const legal = s("LEGAL_PRIVACY", "NOT_ENGAGED", { engageByWeek: 2 });
    expect(flagStakeholders(START, [legal], onDay(14))).toEqual([]);
    expect(flagStakeholders(START, [legal], onDay(15))).toEqual([
      {
        kind: "NOT_ENGAGED_BY_PLAN",
        stakeholderId: legal.id,
        role: "LEGAL_PRIVACY",
        tone: "warning",
        message: "Legal / Privacy not engaged by the end of week 2, as the engagement plan set out.",
      },
    ]);
  });

  it("a blocking stakeholder is flagged from day 1, with the escalation path", () => {
    const blocker = s("PROCUREMENT", "BLOCKING", { personName: "Ravi Patel" });
    const cio = s("CIO_CTO", "BLOCKING");
    expect(flagStakeholders(START, [blocker, cio], onDay(1))).toEqual([
      {
        kind: "BLOCKING",
        stakeholderId: cio.id,
        role: "CIO_CTO",
        tone: "danger",
        message: "CIO / CTO is blocking the deployment: the programme's sponsor must resolve it.",
      },
      {
        kind: "BLOCKING",
        stakeholderId: blocker.id,
        role: "PROCUREMENT",
        tone: "danger",
        message: "Procurement (Ravi Patel) is blocking the deployment: escalate through the CIO / CTO.",
      },
    ]);
  });

  it("a relationship without an owner is flagged, whatever the day and stance", () => {
    const hr = s("HR", "SUPPORTIVE", { relationshipOwnerId: null });
    expect(flagStakeholders(START, [hr], onDay(-10))).toEqual([
      { kind: "UNOWNED", stakeholderId: hr.id, role: "HR", tone: "warning", message: "HR has no relationship owner." },
    ]);
  });

  it("orders flags: engagement first, then blocking, then unowned; roles in the map's order", () => {
    const map = [
      s("HR", "NOT_ENGAGED", { relationshipOwnerId: null, engageByWeek: 2 }),
      s("ENGINEERING_LEAD", "BLOCKING"),
      s("PROCUREMENT", "NOT_ENGAGED", { relationshipOwnerId: null }),
    ];
    expect(flagStakeholders(START, map, onDay(20)).map((f) => `${f.kind}:${f.role}`)).toEqual([
      "NOT_ENGAGED_WEEK_1:PROCUREMENT",
      "NOT_ENGAGED_BY_PLAN:HR",
      "BLOCKING:ENGINEERING_LEAD",
      "UNOWNED:PROCUREMENT",
      "UNOWNED:HR",
    ]);
  });

  it("names a stakeholder by role and person", () => {
    expect(stakeholderName({ role: "CISO_SECURITY", personName: "Marcus Chen" })).toBe("IT Security / CISO (Marcus Chen)");
    expect(stakeholderName({ role: "HR", personName: null })).toBe("HR");
  });
});
