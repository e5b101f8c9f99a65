import { describe, expect, it } from "vitest";

import { callCostUsd, currentPrices, priceTableSeed } from "@/domain/prices";
import {
  deterministicChecks,
  documentationGaps,
  expectationProblems,
  malformedPlaceholders,
  maturity,
  promotionProblems,
  renderTemplate,
  rubricChecks,
  slugify,
  systemPrompt,
  templateVariables,
  variableProblems,
  type Expectations,
  type PromotionInput,
} from "@/domain/workflows";

const none: Expectations = { mustContain: [], mustNotContain: [], pattern: null, minLength: null, maxLength: null, rubric: [] };
const GOOD_DOCS =
  "## When to use\nUse it when a customer's renewal is due within 60 days.\n\n## Inputs\n- customer: the account name\n- renewal_date: the date\n\n" +
  "## How to judge the output\nA good output names the customer, the date, and offers a call. Check the tone matches our voice.";

describe("templates", () => {
  it("finds each variable once, in order of first use", () => {
    expect(templateVariables("Dear {{customer}}, your {{ plan }} renews on {{renewal_date}}. Thanks, {{customer}}")).toEqual([
      "customer",
      "plan",
      "renewal_date",
    ]);
  });
  it("points out placeholders that are not variables", () => {
    expect(malformedPlaceholders("Hi {{client name}} and {{ok}}")).toEqual(["{{client name}}"]);
  });
  it("renders values into the template", () => {
    expect(renderTemplate("Dear {{customer}}, on {{ date }}.", { customer: "Globex", date: "1 May" })).toBe("Dear Globex, on 1 May.");
  });
  it("names missing, blank, non-text and unknown variables", () => {
    expect(variableProblems(["customer", "date", "plan"], { customer: "", date: 3, extra: "x" })).toEqual([
      { name: "customer", reason: "must not be blank" },
      { name: "date", reason: "must be text" },
      { name: "plan", reason: "is required" },
      { name: "extra", reason: "is not a variable of this workflow" },
    ]);
  });
  it("builds the system prompt from the filled context sections only", () => {
    expect(systemPrompt({ contextWho: "Acme insurance", contextVoice: "", contextStandards: "UK English", exampleOutput: "" })).toBe(
      "## Who we are\nAcme insurance\n\n## Standards\nUK English",
    );
  });
});

describe("expectations", () => {
  it("checks containment case-insensitively, absence, pattern and length", () => {
    const checks = deterministicChecks("Dear Globex, your renewal is on 2026-05-01.", {
      ...none,
      mustContain: ["globex", "discount"],
      mustNotContain: ["guarantee"],
      pattern: "\\d{4}-\\d{2}-\\d{2}",
      minLength: 10,
      maxLength: 30,
    });
    expect(checks.map((c) => [c.kind, c.passed])).toEqual([
      ["contains", true],
      ["contains", false],
      ["not_contains", true],
      ["pattern", true],
      ["length", false],
    ]);
    expect(checks[4]!.detail).toBe("43 characters.");
  });
  it("refuses a bad pattern, an inverted range and a case with no expectation", () => {
    expect(expectationProblems({ ...none, pattern: "([a-z" }).map((p) => p.field)).toEqual(["pattern"]);
    expect(expectationProblems({ ...none, minLength: 50, maxLength: 10 }).map((p) => p.field)).toEqual(["maxLength"]);
    expect(expectationProblems(none)[0]!.message).toMatch(/at least one expectation/);
  });
  it("reads the grader's verdicts, and fails a criterion it left out or an answer that is not JSON", () => {
    const rubric = ["Offers a call", "Mentions the date"];
    const checks = rubricChecks(rubric, 'Sure: {"criteria":[{"criterion":"Offers a call","pass":true,"reason":"It offers one."}]}');
    expect(checks.map((c) => [c.passed, c.detail])).toEqual([
      [true, "It offers one."],
      [false, "The grader gave no clear verdict on this criterion."],
    ]);
    expect(rubricChecks(rubric, "I think it is fine").every((c) => !c.passed)).toBe(true);
  });
});

describe("maturity", () => {
  const version = {
    contextWho: "Acme",
    contextVoice: "Warm",
    contextStandards: "UK English",
    exampleOutput: "Dear…",
    template: "{{customer}}",
    variables: ["customer"],
    model: "claude-haiku-4-5",
    documentation: GOOD_DOCS,
  };
  it("is five of five when everything is in place", () => {
    const props = maturity({
      task: "Draft the renewal reminder email for a customer",
      useCaseLinked: true,
      ownerName: "Olivia",
      version,
      testCases: 3,
      threshold: 90,
      latestPassRate: 100,
    });
    expect(props.filter((p) => p.met).map((p) => p.key)).toEqual(["specific", "configured", "documented", "owned", "tested"]);
  });
  it("says what is missing for each property", () => {
    const props = maturity({
      task: "Write stuff",
      useCaseLinked: false,
      ownerName: null,
      version: { ...version, contextVoice: "", documentation: "Use it." },
      testCases: 1,
      threshold: 90,
      latestPassRate: 80,
    });
    const missing = Object.fromEntries(props.map((p) => [p.key, p.missing]));
    expect(missing.specific).toEqual(["a task described in a sentence (the specific job it does)", "a linked use case"]);
    expect(missing.configured).toEqual(["the voice"]);
    expect(missing.documented).toContain("documentation of how to judge the output");
    expect(missing.owned).toEqual(["an owner"]);
    expect(missing.tested).toEqual(["2 more test cases (at least 3)", "an evaluation passing at 90% or more (latest: 80%)"]);
  });
  it("finds the documentation's missing sections", () => {
    expect(documentationGaps(GOOD_DOCS)).toEqual([]);
    expect(documentationGaps("When to use: always.")).toEqual([
      "documentation of at least 200 characters",
      "documentation of its inputs",
      "documentation of how to judge the output",
    ]);
  });
});

describe("promotion gate", () => {
  const ready: PromotionInput = {
    ownerName: "Olivia",
    documentation: GOOD_DOCS,
    testCases: 3,
    threshold: 90,
    versionNumber: 2,
    latestEvaluation: { status: "COMPLETED", passRate: 100 },
    authorId: "author",
    approverIds: ["reviewer"],
    isProduction: false,
  };
  it("allows a version with every condition met", () => {
    expect(promotionProblems(ready)).toEqual([]);
  });
  it("names each missing condition", () => {
    expect(promotionProblems({ ...ready, ownerName: null })).toEqual(["The workflow has no owner."]);
    expect(promotionProblems({ ...ready, documentation: "" })[0]).toMatch(/^Version 2 lacks documentation of at least 200 characters/);
    expect(promotionProblems({ ...ready, testCases: 2 })).toEqual(["The workflow has 2 test cases; at least 3 are needed."]);
    expect(promotionProblems({ ...ready, latestEvaluation: null })).toEqual(["Version 2 has not been evaluated."]);
    expect(promotionProblems({ ...ready, latestEvaluation: { status: "COMPLETED_WITH_ERRORS", passRate: 66.7 } })).toEqual([
      "Version 2's latest evaluation passed 66.7% of cases; the threshold is 90%.",
    ]);
    expect(promotionProblems({ ...ready, latestEvaluation: { status: "RUNNING", passRate: 0 } })).toEqual([
      "Version 2's evaluation is still running.",
    ]);
  });
  it("does not count the author's own approval", () => {
    expect(promotionProblems({ ...ready, approverIds: ["author"] })).toEqual([
      "Version 2 needs approval by someone other than its author.",
    ]);
    expect(promotionProblems({ ...ready, approverIds: [] })).toEqual(["Version 2 needs approval by someone other than its author."]);
  });
});

describe("call cost", () => {
  it("prices a call from the price table: 2,000 in and 500 out on Sonnet 4.6 is $0.0135", () => {
    const prices = currentPrices(
      priceTableSeed("p").map((r, i) => ({ ...r, id: String(i) })),
      new Date("2026-11-01T00:00:00Z"),
    );
    // 2,000 × $3/M + 500 × $15/M = $0.006 + $0.0075
    expect(callCostUsd(prices, "claude-sonnet-4-6", { input: 2000, output: 500, cacheWrite: 0, cacheRead: 0 })).toBeCloseTo(0.0135, 10);
    expect(callCostUsd(prices, "claude-unknown", { input: 1, output: 1, cacheWrite: 0, cacheRead: 0 })).toBeNull();
  });
});

describe("slugify", () => {
  it("makes a URL-safe id", () => {
    expect(slugify("Renewal e-mail drafts — Q3 (UK)")).toBe("renewal-e-mail-drafts-q3-uk");
  });
});
