import { describe, expect, it } from "vitest";

import { MIN_TEST_CASES, promotionProblems } from "@/domain/workflows";
import { versionPromotionProblems, type PromotionFacts } from "@/features/workflows/server/promotion";

const DOCS = [
  "When to use: a renewal is due within 30 days and the account manager wants a first draft of the reminder email.",
  "Inputs: the customer's name, the renewal date and the product they use.",
  "How to judge the output: a good output names the date, keeps the house voice and makes no promise on price.",
].join("\n");

const ready: PromotionFacts = {
  workflow: { ownerName: "Sam Lee", threshold: 80, productionVersionId: null },
  version: { id: "v2", number: 2, documentation: DOCS, authorId: "author" },
  testCases: MIN_TEST_CASES,
  latestEvaluation: { status: "COMPLETED", passRate: 100 },
  approverIds: ["reviewer"],
};

describe("versionPromotionProblems: the page and the promotion read one rule", () => {
  it("passes the facts to the pure rule unchanged", () => {
    const variants: PromotionFacts[] = [
      ready,
      { ...ready, workflow: { ...ready.workflow, ownerName: null } },
      { ...ready, testCases: 1 },
      { ...ready, latestEvaluation: null },
      { ...ready, latestEvaluation: { status: "RUNNING", passRate: 0 } },
      { ...ready, latestEvaluation: { status: "COMPLETED_WITH_ERRORS", passRate: 50 } },
      { ...ready, approverIds: ["author"] },
      { ...ready, version: { ...ready.version, documentation: "" } },
    ];
    for (const f of variants)
      expect(versionPromotionProblems(f)).toEqual(
        promotionProblems({
          ownerName: f.workflow.ownerName,
          documentation: f.version.documentation,
          testCases: f.testCases,
          threshold: f.workflow.threshold,
          versionNumber: f.version.number,
          latestEvaluation: f.latestEvaluation,
          authorId: f.version.authorId,
          approverIds: f.approverIds,
          isProduction: false,
        }),
      );
  });

  it("a version in production is recognised by the workflow's production label", () => {
    expect(versionPromotionProblems({ ...ready, workflow: { ...ready.workflow, productionVersionId: "v2" } })).toEqual([
      "Version 2 is already in production.",
    ]);
    expect(versionPromotionProblems(ready)).toEqual([]);
    expect(versionPromotionProblems({ ...ready, workflow: { ...ready.workflow, productionVersionId: "v1" } })).toEqual([]);
  });

  it("every missing condition is named", () => {
    const problems = versionPromotionProblems({
      ...ready,
      workflow: { ...ready.workflow, ownerName: null },
      testCases: 0,
      latestEvaluation: null,
      approverIds: [],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "The workflow has no owner.",
        `The workflow has 0 test cases; at least ${MIN_TEST_CASES} are needed.`,
        "Version 2 has not been evaluated.",
        "Version 2 needs approval by someone other than its author.",
      ]),
    );
  });
});
