import { describe, expect, it } from "vitest";

import { USE_CASE_STATUSES, type UseCaseStatus } from "@/domain/enums";
import {
  canMove,
  COMPLEXITY_RUBRIC,
  editProblems,
  isScore,
  listTitles,
  pocReadinessProblems,
  priorityScore,
  quadrantOf,
  rankUseCases,
  scopeChanges,
  SCORES,
  STATUS_MOVES,
  statusChangeProblems,
  VALUE_RUBRIC,
  type Rankable,
  type ScopeValues,
} from "@/domain/use-cases";
import { parseCsv, toCsv } from "@/features/use-cases/csv";
import { useCaseCsvRowSchema, useCaseFields } from "@/features/use-cases/schemas";

const uc = (
  id: string,
  title: string,
  businessValue: number | null,
  complexity: number | null,
  status: UseCaseStatus = "CANDIDATE",
): Rankable => ({ id, title, businessValue, complexity, status });

describe("scoring rubric", () => {
  it("has a written level for every score from 1 to 5, for value and for complexity", () => {
    for (const rubric of [VALUE_RUBRIC, COMPLEXITY_RUBRIC]) {
      expect(rubric.map((l) => l.score)).toEqual([...SCORES]);
      for (const l of rubric) {
        expect(l.label.length).toBeGreaterThan(2);
        expect(l.meaning.length).toBeGreaterThan(40);
      }
    }
  });

  it("accepts whole scores from 1 to 5 only, in the domain and in the shared schema", () => {
    expect([1, 2, 3, 4, 5].every(isScore)).toBe(true);
    expect([0, 6, 2.5, -1, Number.NaN, "3", null].some(isScore)).toBe(false);
    const base = {
      title: "Memo drafts",
      businessFunction: "Lending",
      description: "",
      successCriteria: null,
      businessSponsor: null,
      ownerId: null,
      claudeProduct: null,
      model: null,
      dataSensitivity: "INTERNAL" as const,
    };
    expect(useCaseFields.safeParse({ ...base, businessValue: 1, complexity: 5 }).success).toBe(true);
    for (const [businessValue, complexity] of [
      [0, 3],
      [6, 3],
      [3, 0],
      [3, 6],
      [2.5, 3],
    ]) {
      const r = useCaseFields.safeParse({ ...base, businessValue, complexity });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/from 1 to 5/);
    }
    expect(useCaseFields.safeParse({ ...base, complexity: 3 }).error!.issues[0]).toMatchObject({
      path: ["businessValue"],
      message: "Score the business value from 1 to 5.",
    });
  });
});

describe("ranking", () => {
  it("scores value × (6 − complexity), from 1 to 25", () => {
    expect(priorityScore(5, 1)).toBe(25);
    expect(priorityScore(1, 5)).toBe(1);
    expect(priorityScore(4, 3)).toBe(12);
    expect(priorityScore(null, 3)).toBeNull();
    expect(priorityScore(3, 7)).toBeNull();
  });

  it("force-ranks by score, ties by higher value then title, marks the top three, and leaves out parked and unscored", () => {
    const ranked = rankUseCases([
      uc("a", "Zeta", 3, 2), // 12
      uc("b", "Alpha", 4, 3), // 12, higher value: before Zeta
      uc("c", "beta", 4, 3), // 12, same value: by title, case-insensitive (Alpha, beta)
      uc("d", "Parked best", 5, 1, "PARKED"),
      uc("e", "Quick", 5, 1, "PILOT"), // 25
      uc("f", "Unscored", null, 2),
      uc("g", "Low", 1, 5, "PRODUCTION"), // 1
    ]);
    expect(ranked.map((r) => [r.rank, r.title, r.score, r.top3])).toEqual([
      [1, "Quick", 25, true],
      [2, "Alpha", 12, true],
      [3, "beta", 12, true],
      [4, "Zeta", 12, false],
      [5, "Low", 1, false],
    ]);
  });

  it("gives every use case a distinct rank even when everything ties", () => {
    const ranked = rankUseCases([uc("2", "Same", 3, 3), uc("1", "Same", 3, 3), uc("3", "Same", 3, 3)]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranked.map((r) => r.id)).toEqual(["1", "2", "3"]);
  });

  it("places scores in the matrix quadrants, split between 3 and 4", () => {
    expect(quadrantOf(5, 1)).toBe("QUICK_WIN");
    expect(quadrantOf(4, 3)).toBe("QUICK_WIN");
    expect(quadrantOf(4, 4)).toBe("STRATEGIC_BET");
    expect(quadrantOf(3, 3)).toBe("FILL_IN");
    expect(quadrantOf(3, 4)).toBe("AVOID");
    expect(quadrantOf(1, 5)).toBe("AVOID");
  });
});

describe("status moves", () => {
  const base = { id: "u1", title: "Credit memos", successCriteria: "Drafting time down 40%", businessSponsor: "Daniel Okafor" };

  it("allows forward one step, one step back, parking from anywhere and reviving a parked one", () => {
    expect(canMove("CANDIDATE", "SHORTLISTED")).toBe(true);
    expect(canMove("SHORTLISTED", "POC")).toBe(true);
    expect(canMove("POC", "PILOT")).toBe(true);
    expect(canMove("PILOT", "PRODUCTION")).toBe(true);
    expect(canMove("CANDIDATE", "POC")).toBe(false);
    expect(canMove("SHORTLISTED", "PILOT")).toBe(false);
    expect(canMove("POC", "PRODUCTION")).toBe(false);
    expect(canMove("PARKED", "POC")).toBe(false);
    for (const s of USE_CASE_STATUSES) if (s !== "PARKED") expect(canMove(s, "PARKED")).toBe(true);
    expect(STATUS_MOVES.PARKED).toEqual(["CANDIDATE", "SHORTLISTED"]);
  });

  it("explains a move that is not allowed", () => {
    expect(statusChangeProblems({ useCase: { ...base, status: "CANDIDATE" }, to: "POC", inFlight: [] })).toEqual([
      "A use case cannot move from Candidate to POC. From Candidate it can move to Shortlisted or Parked.",
    ]);
    expect(statusChangeProblems({ useCase: { ...base, status: "POC" }, to: "POC", inFlight: [] })).toEqual([
      "'Credit memos' is already POC.",
    ]);
  });

  it("needs success criteria and a business sponsor before a POC starts, naming what is missing", () => {
    expect(pocReadinessProblems({ ...base, successCriteria: null, businessSponsor: " " })).toEqual([
      "'Credit memos' needs success criteria and a business sponsor before its POC starts. Add them on the edit page first.",
    ]);
    expect(statusChangeProblems({ useCase: { ...base, status: "SHORTLISTED", businessSponsor: null }, to: "POC", inFlight: [] })).toEqual([
      "'Credit memos' needs a business sponsor before its POC starts. Add it on the edit page first.",
    ]);
    expect(statusChangeProblems({ useCase: { ...base, status: "SHORTLISTED" }, to: "POC", inFlight: [] })).toEqual([]);
    // Parking needs nothing.
    expect(
      statusChangeProblems({ useCase: { ...base, status: "SHORTLISTED", successCriteria: null }, to: "PARKED", inFlight: [] }),
    ).toEqual([]);
  });

  it("allows at most three use cases in POC or pilot at once, naming them", () => {
    const three = [
      { id: "x", title: "KYC" },
      { id: "y", title: "Memos" },
      { id: "z", title: "Triage" },
    ];
    expect(statusChangeProblems({ useCase: { ...base, status: "SHORTLISTED" }, to: "POC", inFlight: three })).toEqual([
      "At most three use cases can be in POC or pilot at once: 'KYC', 'Memos' and 'Triage' are. Park or finish one first.",
    ]);
    expect(statusChangeProblems({ useCase: { ...base, status: "SHORTLISTED" }, to: "POC", inFlight: three.slice(0, 2) })).toEqual([]);
    // Moving within POC and pilot does not add one.
    expect(statusChangeProblems({ useCase: { ...base, id: "x", status: "POC" }, to: "PILOT", inFlight: three })).toEqual([]);
    expect(statusChangeProblems({ useCase: { ...base, id: "x", status: "PILOT" }, to: "PRODUCTION", inFlight: three })).toEqual([]);
    expect(listTitles(["A"])).toBe("'A'");
    expect(listTitles(["A", "B"])).toBe("'A' and 'B'");
  });

  it("keeps success criteria and sponsor on a use case in POC or later", () => {
    expect(editProblems({ status: "PILOT" }, { successCriteria: "", businessSponsor: "Helen" })).toEqual([
      { field: "successCriteria", message: "A use case in POC or later keeps its success criteria." },
    ]);
    expect(editProblems({ status: "SHORTLISTED" }, { successCriteria: null, businessSponsor: null })).toEqual([]);
  });
});

describe("scope changes", () => {
  const v: ScopeValues = {
    title: "KYC summaries",
    description: "Summarise files",
    successCriteria: null,
    businessFunction: "Compliance",
    claudeProduct: "Claude apps (Cowork)",
    model: "claude-sonnet-4-6",
    dataSensitivity: "CONFIDENTIAL",
  };
  it("lists each scope field that changed, treating blank and missing as the same", () => {
    expect(scopeChanges(v, { ...v, successCriteria: "" })).toEqual([]);
    expect(scopeChanges(v, { ...v, title: "KYC summaries " })).toEqual([]);
    expect(
      scopeChanges(v, { ...v, model: "claude-opus-4-7", dataSensitivity: "RESTRICTED", successCriteria: "Zero missed red flags" }),
    ).toEqual([
      { field: "successCriteria", before: null, after: "Zero missed red flags" },
      { field: "model", before: "claude-sonnet-4-6", after: "claude-opus-4-7" },
      { field: "dataSensitivity", before: "CONFIDENTIAL", after: "RESTRICTED" },
    ]);
  });
});

describe("CSV format", () => {
  it("numbers rows by the line they start on, with the header on line 1, across quoted line breaks and blank lines", () => {
    const csv = 'title,business_function,business_value,complexity,description\r\nA,Ops,3,2,"two\nlines"\n\nB,Ops,4,1,x\n';
    const parsed = parseCsv(csv);
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows.map((r) => [r.line, r.record.title, r.record.description])).toEqual([
      [2, "A", "two\nlines"],
      [5, "B", "x"],
    ]);
  });

  it("reports unknown and missing columns on line 1", () => {
    expect(parseCsv("title,colour\nA,red\n").fileProblems).toEqual([
      {
        line: 1,
        reasons: [
          "Unknown column 'colour'. Use the columns of an exported file.",
          "The column 'business_function' is missing.",
          "The column 'business_value' is missing.",
          "The column 'complexity' is missing.",
        ],
      },
    ]);
  });

  it("escapes spreadsheet formulas on export and reads them back as written", () => {
    const row = {
      title: "=HYPERLINK()",
      businessFunction: "Ops",
      description: "-5% cost",
      businessValue: 3,
      complexity: 2,
      priorityScore: 12,
      rank: 1,
      status: "CANDIDATE",
      successCriteria: null,
      businessSponsor: null,
      ownerEmail: null,
      ownerName: null,
      claudeProduct: null,
      model: null,
      dataSensitivity: "INTERNAL",
      pocStartedAt: null,
      createdAt: "x",
      updatedAt: "y",
    };
    const csv = toCsv([row]);
    expect(csv).toContain('"\'=HYPERLINK()"');
    const back = parseCsv(csv).rows[0]!.record;
    expect(back).toMatchObject({ title: "=HYPERLINK()", description: "-5% cost", businessValue: "3" });
    expect(back).not.toHaveProperty("rank");
  });

  it("validates a row with the shared schema", () => {
    const r = useCaseCsvRowSchema.safeParse({
      title: "A use case",
      businessFunction: "Ops",
      description: "",
      businessValue: 3,
      complexity: 9,
      successCriteria: null,
      businessSponsor: null,
      ownerEmail: "nobody",
      claudeProduct: null,
      model: null,
      dataSensitivity: "SECRET",
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0])).toEqual(["complexity", "dataSensitivity", "ownerEmail"]);
  });
});
