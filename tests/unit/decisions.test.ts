import { describe, expect, it } from "vitest";

import {
  adrLabel,
  canMoveDecision,
  decisionTransitionProblems,
  isDecisionEditable,
  possibleSuccessors,
  type DecisionRef,
} from "@/domain/decisions";
import { DECISION_STATUSES } from "@/domain/enums";

const adr = (number: number, status: DecisionRef["status"]): DecisionRef => ({ id: `d${number}`, number, status });

describe("decision record transitions", () => {
  it("allows only proposed → accepted, proposed → superseded and accepted → superseded", () => {
    const allowed = DECISION_STATUSES.flatMap((from) =>
      DECISION_STATUSES.filter((to) => canMoveDecision(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(["PROPOSED→ACCEPTED", "PROPOSED→SUPERSEDED", "ACCEPTED→SUPERSEDED"]);
  });

  it("accepting: a proposed record may; an accepted or superseded one may not", () => {
    expect(decisionTransitionProblems(adr(1, "PROPOSED"), "ACCEPTED")).toEqual([]);
    expect(decisionTransitionProblems(adr(1, "ACCEPTED"), "ACCEPTED")).toEqual(["ADR-1 is already accepted."]);
    expect(decisionTransitionProblems(adr(1, "SUPERSEDED"), "ACCEPTED")).toEqual([
      "ADR-1 is superseded; a superseded record does not change.",
    ]);
    expect(decisionTransitionProblems(adr(1, "ACCEPTED"), "PROPOSED")).toEqual(["ADR-1 is accepted; it cannot go back to proposed."]);
  });

  it("superseding needs an accepted successor that is another record", () => {
    const old = adr(1, "ACCEPTED");
    expect(decisionTransitionProblems(old, "SUPERSEDED")).toEqual(["Choose the record that supersedes ADR-1."]);
    expect(decisionTransitionProblems(old, "SUPERSEDED", old)).toEqual(["ADR-1 cannot supersede itself."]);
    expect(decisionTransitionProblems(old, "SUPERSEDED", adr(2, "PROPOSED"))).toEqual([
      "ADR-2 is proposed: only an accepted record can supersede ADR-1. Accept it first.",
    ]);
    expect(decisionTransitionProblems(old, "SUPERSEDED", adr(3, "SUPERSEDED"))).toEqual([
      "ADR-3 is superseded: only an accepted record can supersede ADR-1. Accept it first.",
    ]);
    expect(decisionTransitionProblems(old, "SUPERSEDED", adr(2, "ACCEPTED"))).toEqual([]);
    expect(decisionTransitionProblems(adr(4, "PROPOSED"), "SUPERSEDED", adr(2, "ACCEPTED"))).toEqual([]);
    expect(decisionTransitionProblems(adr(5, "SUPERSEDED"), "SUPERSEDED", adr(2, "ACCEPTED"))).toEqual(["ADR-5 is already superseded."]);
  });

  it("lists the possible successors: the other accepted records", () => {
    const all = [adr(1, "ACCEPTED"), adr(2, "PROPOSED"), adr(3, "ACCEPTED"), adr(4, "SUPERSEDED")];
    expect(possibleSuccessors(all[0]!, all).map((d) => d.number)).toEqual([3]);
    expect(possibleSuccessors(all[3]!, all)).toEqual([]);
  });

  it("only a proposed record is editable; records are labelled ADR-N", () => {
    expect(DECISION_STATUSES.filter(isDecisionEditable)).toEqual(["PROPOSED"]);
    expect(adrLabel(12)).toBe("ADR-12");
  });
});
