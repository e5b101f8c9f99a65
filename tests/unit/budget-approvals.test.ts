import { describe, expect, it } from "vitest";

import { confirmedAgainst, planApproval } from "@/domain/budget-approvals";

const active = { id: "a1", scenarioId: "s1", scenarioName: "Full rollout", monthlyAmount: 73889.74 };

describe("budget approval rules", () => {
  it("the first approval supersedes nothing", () => {
    expect(planApproval(null, "s1", 100)).toEqual({ kind: "first" });
  });
  it("approving the approved scenario at the same figure (to the cent) changes nothing", () => {
    expect(planApproval(active, "s1", 73889.741)).toEqual({ kind: "unchanged", active });
  });
  it("another scenario, or the same one at a new figure, supersedes the approved budget", () => {
    expect(planApproval(active, "s2", 5626.72)).toEqual({ kind: "supersede", active });
    expect(planApproval(active, "s1", 74000)).toEqual({ kind: "supersede", active });
  });
  it("a confirmation holds only against the approval the sponsor saw", () => {
    expect(confirmedAgainst(active, "a1")).toBe(true);
    expect(confirmedAgainst(active, null)).toBe(false);
    expect(confirmedAgainst(null, null)).toBe(true);
    expect(confirmedAgainst(null, "a1")).toBe(false);
  });
});
