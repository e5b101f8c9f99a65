import { describe, expect, it } from "vitest";

import { claudeProjectInstructions, humanRubricChecks, manualCasePrompt } from "@/domain/workflows";

const version = {
  contextWho: "Acme Insurance.",
  contextVoice: "Warm.",
  contextStandards: "",
  exampleOutput: "",
  template: "Acknowledge claim {{claim_ref}} for {{customer}}.",
  variables: ["claim_ref", "customer"],
};

describe("manual evaluations and Claude apps", () => {
  it("a person's grades become rubric checks that name the grader; a missing grade fails", () => {
    expect(humanRubricChecks(["Names the customer", "Offers a call"], [{ pass: true, note: " Uses her name. " }], "Olu")).toEqual([
      { kind: "rubric", expectation: "Names the customer", passed: true, detail: "Graded by hand by Olu: Uses her name." },
      { kind: "rubric", expectation: "Offers a call", passed: false, detail: "Not graded." },
    ]);
    expect(humanRubricChecks(["X"], [{ pass: false, note: "" }], "Olu")[0]).toMatchObject({
      passed: false,
      detail: "Graded by hand by Olu.",
    });
  });

  it("a case's prompt is the context, then the filled-in template", () => {
    expect(manualCasePrompt(version, { claim_ref: "C-1", customer: "Ann" })).toBe(
      "## Who we are\nAcme Insurance.\n\n## Voice\nWarm.\n\n## The task\nAcknowledge claim C-1 for Ann.",
    );
    expect(manualCasePrompt({ ...version, contextWho: "", contextVoice: "" }, { claim_ref: "C-1", customer: "Ann" })).toBe(
      "Acknowledge claim C-1 for Ann.",
    );
  });

  it("Claude Project instructions carry the context, the inputs to ask for and the template", () => {
    const text = claudeProjectInstructions(version, "Claim acknowledgement");
    expect(text).toBe(
      "# Claim acknowledgement\n\n## Who we are\nAcme Insurance.\n\n## Voice\nWarm.\n\n## The task\n" +
        "Each time, I will give you:\n- claim_ref\n- customer\nIf one is missing, ask me for it before you answer.\n" +
        "Then do this, with {{name}} replaced by the value I gave:\n\nAcknowledge claim {{claim_ref}} for {{customer}}.",
    );
  });
});
