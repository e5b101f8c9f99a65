/**
 * The demo workflow library (Acme): five workflows at different maturity. "Credit memo first draft" is
 * in production (v2, after v1) with its evaluation history; the others show what is missing — a
 * candidate below its threshold, drafts without tests, two without an owner.
 *
 * Evaluation results here are seeded history, not live calls: each output is written out, and its
 * deterministic checks are computed by the same rules the evaluator uses. Rubric verdicts are the
 * ones recorded with the output.
 */
import { callCostUsd, currentPrices, priceTableSeed } from "@/domain/prices";
import {
  deterministicChecks,
  passRate,
  renderTemplate,
  systemPrompt,
  templateVariables,
  type CheckResult,
  type Expectations,
} from "@/domain/workflows";
import type { VersionContent } from "@/features/workflows/schemas";
import { appendAudit, type AuditActor } from "@/server/audit";
import type { Tx } from "@/server/db";

import type { DemoSeedContext } from "./context";

const SEED_ACTOR: AuditActor = { id: null, label: "demo seed" };

type Content = VersionContent;

interface Case extends Expectations {
  name: string;
  variables: Record<string, string>;
}

const ACME_WHO =
  "Acme Financial is a UK commercial bank serving mid-market businesses. Relationship managers (RMs) prepare credit memos for the credit committee.";
const ACME_VOICE = "Factual, concise, neutral. No marketing language. British English.";
const ACME_STANDARDS =
  "Follow the bank's credit memo template. State figures as given; never invent numbers. Flag missing information as 'Not provided'. No personal data beyond the borrower's company name.";

const MEMO_DOCS = `## When to use
Use it when an RM has the application, the financial spreads and the KYC file for a new facility or a renewal, and needs a first draft of the credit memo. Do not use it for restructurings or watch-list cases.

## Inputs
- **borrower**: the company's legal name.
- **facility**: the amount, type and term requested.
- **financials**: the key figures from the spreads (revenue, EBITDA, leverage, DSCR).

## How to judge the output
A good draft has all five template sections, quotes the figures exactly as given, says "Not provided" for anything missing, and makes no recommendation — the RM writes that. Check every figure against the spreads before it goes to committee.`;

const memoV1: Content = {
  contextWho: ACME_WHO,
  contextVoice: ACME_VOICE,
  contextStandards: ACME_STANDARDS,
  exampleOutput:
    "1. Borrower: Northwind Logistics Ltd…\n2. Facility: £2.5m revolving credit facility, 3 years…\n3. Financial summary: revenue £41.2m, EBITDA £5.1m, leverage 2.1x, DSCR 1.8x…\n4. Risks: customer concentration (top 3 = 46% of revenue)…\n5. Information not provided: audited FY25 accounts.",
  template:
    "Draft a credit memo for {{borrower}}.\nFacility requested: {{facility}}\nKey financials: {{financials}}\nUse the five sections of our template.",
  model: "claude-sonnet-4-6",
  maxTokens: 1500,
  documentation: MEMO_DOCS,
};
const memoV2: Content = {
  ...memoV1,
  template:
    "Draft a credit memo for {{borrower}}.\nFacility requested: {{facility}}\nKey financials: {{financials}}\nUse the five sections of our template. Quote every figure exactly as given and write 'Not provided' for anything missing. Do not make a recommendation.",
};

const MEMO_CASES: Case[] = [
  {
    name: "Northwind renewal",
    variables: {
      borrower: "Northwind Logistics Ltd",
      facility: "£2.5m RCF, 3 years",
      financials: "Revenue £41.2m; EBITDA £5.1m; leverage 2.1x; DSCR 1.8x",
    },
    mustContain: ["Northwind", "£5.1m", "2.1x"],
    mustNotContain: ["recommend"],
    pattern: null,
    minLength: 200,
    maxLength: 4000,
    rubric: ["Has the five template sections"],
  },
  {
    name: "Contoso new facility",
    variables: {
      borrower: "Contoso Foods plc",
      facility: "£6m term loan, 5 years",
      financials: "Revenue £88m; EBITDA £9.4m; leverage 3.2x",
    },
    mustContain: ["Contoso", "£9.4m"],
    mustNotContain: ["guarantee"],
    pattern: null,
    minLength: 200,
    maxLength: 4000,
    rubric: [],
  },
  {
    name: "Fabrikam missing DSCR",
    variables: {
      borrower: "Fabrikam Engineering Ltd",
      facility: "£1.2m asset finance, 4 years",
      financials: "Revenue £19.7m; EBITDA £2.2m",
    },
    mustContain: ["Fabrikam", "Not provided"],
    mustNotContain: [],
    pattern: "DSCR[^\\n]*Not provided",
    minLength: null,
    maxLength: null,
    rubric: [],
  },
  {
    name: "Tailspin — no recommendation",
    variables: {
      borrower: "Tailspin Toys Ltd",
      facility: "£800k overdraft, 1 year",
      financials: "Revenue £12.3m; EBITDA £1.1m; leverage 1.4x; DSCR 2.3x",
    },
    mustContain: ["Tailspin"],
    mustNotContain: ["we recommend", "approve"],
    pattern: null,
    minLength: 200,
    maxLength: 4000,
    rubric: [],
  },
];

function memoOutput(c: Case, version: 1 | 2): string {
  const v = c.variables;
  const fin = v.financials!;
  const dscr = /DSCR ([\d.]+x)/.exec(fin)?.[1];
  const lines = [
    `1. Borrower: ${v.borrower}.`,
    `2. Facility: ${v.facility}.`,
    `3. Financial summary: ${fin.replace(/;/g, ",")}.${dscr ? "" : " DSCR: Not provided."}`,
    `4. Risks: concentration, refinancing and sector exposure to be confirmed by the RM from the file.`,
    `5. Information not provided: ${dscr ? "none beyond the spreads supplied" : "debt service cover (Not provided in the spreads)"}.`,
  ];
  // Version 1 tended to close with a recommendation; version 2's template forbids it.
  if (version === 1 && v.borrower!.startsWith("Tailspin")) lines.push("On balance we recommend the committee approve the facility.");
  return lines.join("\n");
}

type Workflow = {
  name: string;
  slug: string;
  task: string;
  useCase: string | null;
  owner: string | null;
  threshold?: number;
  minutes: number;
  versions: { content: Content; note: string; author: string; day: number }[];
  cases: Case[];
};

const KYC_DOCS = `## When to use
Use it when an analyst has the KYC pack for a corporate client and needs a one-page summary for the onboarding file.

## Inputs
- **client**: the legal entity name.
- **documents**: the text of the KYC pack.

## How to judge the output
It lists the beneficial owners over 25%, the sanctions screening result and open questions. Anything it cannot find must be marked as missing.`;

const ACME_LIBRARY: Workflow[] = [
  {
    name: "Credit memo first draft",
    slug: "credit-memo-first-draft",
    task: "Draft the first version of a credit memo for a new facility or renewal from the application, spreads and KYC file",
    useCase: "Credit memo first drafts",
    owner: "owner@acme.test",
    minutes: 95,
    versions: [
      { content: memoV1, note: "First version", author: "owner@acme.test", day: 30 },
      { content: memoV2, note: "Quote figures exactly, say 'Not provided', never recommend", author: "owner@acme.test", day: 38 },
    ],
    cases: MEMO_CASES,
  },
  {
    name: "KYC pack summary",
    slug: "kyc-pack-summary",
    task: "Summarise a corporate client's KYC pack into the one-page onboarding summary",
    useCase: "KYC document summarisation",
    owner: "owner@acme.test",
    minutes: 40,
    versions: [
      {
        content: {
          contextWho: ACME_WHO,
          contextVoice: ACME_VOICE,
          contextStandards: "List beneficial owners over 25%. Never guess a nationality or date of birth.",
          exampleOutput: "Client: Litware Ltd\nBeneficial owners (>25%): …\nScreening: no matches…",
          template: "Summarise the KYC pack for {{client}}:\n{{documents}}",
          model: "claude-haiku-4-5",
          maxTokens: 800,
          documentation: KYC_DOCS,
        },
        note: "First version",
        author: "owner@acme.test",
        day: 40,
      },
    ],
    cases: [
      {
        name: "Litware two owners",
        variables: { client: "Litware Ltd", documents: "Shareholders: J. Patel 60%, A. Novak 40%. Screening: clear." },
        mustContain: ["Patel", "Novak"],
        mustNotContain: [],
        pattern: null,
        minLength: null,
        maxLength: 1500,
        rubric: [],
      },
      {
        name: "Adatum trust structure",
        variables: { client: "Adatum Holdings", documents: "Owned 100% by the Adatum Family Trust; trustees not listed." },
        mustContain: ["missing"],
        mustNotContain: [],
        pattern: null,
        minLength: null,
        maxLength: 1500,
        rubric: [],
      },
      {
        name: "Proseware sanctions hit",
        variables: { client: "Proseware SA", documents: "Shareholder: M. Ivanov 80% — screening: potential match, under review." },
        mustContain: ["potential match"],
        mustNotContain: [],
        pattern: null,
        minLength: null,
        maxLength: 1500,
        rubric: [],
      },
    ],
  },
  {
    name: "Complaint reply draft",
    slug: "complaint-reply-draft",
    task: "Draft the first reply to a customer complaint about card payments, for the complaints team to review",
    useCase: "Complaint triage and reply drafts",
    owner: "owner@acme.test",
    minutes: 15,
    versions: [
      {
        content: {
          contextWho: ACME_WHO,
          contextVoice: "Warm, plain English, apologise once, no jargon.",
          contextStandards: "Never admit liability. Always give the FOS referral wording.",
          exampleOutput: "",
          template: "Draft a reply to this complaint from {{customer_name}}:\n{{complaint}}",
          model: "claude-haiku-4-5",
          maxTokens: 600,
          documentation: "## When to use\nFor card payment complaints only.",
        },
        note: "First version",
        author: "owner@acme.test",
        day: 42,
      },
    ],
    cases: [
      {
        name: "Double charge",
        variables: { customer_name: "Ms Evans", complaint: "I was charged twice for the same purchase." },
        mustContain: ["Financial Ombudsman"],
        mustNotContain: ["our fault"],
        pattern: null,
        minLength: null,
        maxLength: null,
        rubric: [],
      },
    ],
  },
  {
    name: "Branch policy answer",
    slug: "branch-policy-answer",
    task: "Answer a branch colleague's question about a retail banking policy, citing the policy section",
    useCase: "Policy Q&A for branch staff",
    owner: null,
    minutes: 10,
    versions: [
      {
        content: {
          contextWho: ACME_WHO,
          contextVoice: "Short and direct.",
          contextStandards: "Cite the policy section number. Say when the policy does not cover the question.",
          exampleOutput: "Yes — under section 4.2 of the Cash Handling Policy, …",
          template: "Question from branch: {{question}}\nRelevant policy extract: {{policy_extract}}",
          model: "claude-haiku-4-5",
          maxTokens: 400,
          documentation: "",
        },
        note: "First version",
        author: "pm@acme.test",
        day: 43,
      },
    ],
    cases: [],
  },
  {
    name: "Committee minutes",
    slug: "committee-minutes",
    task: "Write minutes",
    useCase: null,
    owner: null,
    minutes: 0,
    versions: [
      {
        content: {
          contextWho: "",
          contextVoice: "",
          contextStandards: "",
          exampleOutput: "",
          template: "Write minutes from these notes: {{notes}}",
          model: "claude-haiku-4-5",
          maxTokens: 1000,
          documentation: "",
        },
        note: "First version",
        author: "pm@acme.test",
        day: 44,
      },
    ],
    cases: [],
  },
];

/** Creates Acme's workflow library with its history; Globex has none yet (its teams use Claude Enterprise directly). */
export async function seedWorkflows(tx: Tx, ctx: DemoSeedContext): Promise<void> {
  if (ctx.slug !== "acme") return;
  const people = new Map(
    (
      await tx.membership.findMany({
        where: { programmeId: ctx.programmeId },
        select: { id: true, userId: true, user: { select: { email: true, name: true } } },
      })
    ).map((m) => [m.user.email, m]),
  );
  const useCases = new Map(
    (await tx.useCase.findMany({ where: { programmeId: ctx.programmeId }, select: { id: true, title: true } })).map((u) => [u.title, u.id]),
  );
  const prices = currentPrices(priceTableSeed(ctx.programmeId), ctx.dayDate(ctx.day));
  const at = (day: number, hour: number) => new Date(ctx.dayDate(day).getTime() + hour * 3_600_000);

  for (const spec of ACME_LIBRARY) {
    const workflow = await tx.workflow.create({
      data: {
        programmeId: ctx.programmeId,
        slug: spec.slug,
        name: spec.name,
        task: spec.task,
        useCaseId: spec.useCase ? (useCases.get(spec.useCase) ?? null) : null,
        ownerId: spec.owner ? people.get(spec.owner)!.id : null,
        threshold: spec.threshold ?? 90,
        minutesSavedPerRun: spec.minutes,
        createdAt: at(spec.versions[0]!.day, 9),
      },
    });
    await appendAudit(tx, {
      programmeId: ctx.programmeId,
      actor: SEED_ACTOR,
      action: "workflow.create",
      entityType: "Workflow",
      entityId: workflow.id,
      after: { slug: spec.slug, name: spec.name },
    });
    const versions: { id: string }[] = [];
    for (const [i, v] of spec.versions.entries()) {
      const author = people.get(v.author)!;
      versions.push(
        await tx.workflowVersion.create({
          data: {
            workflowId: workflow.id,
            number: i + 1,
            note: v.note,
            authorId: author.userId,
            authorName: author.user.name,
            ...v.content,
            variables: templateVariables(v.content.template),
            createdAt: at(v.day, 10),
          },
        }),
      );
    }
    const cases: { id: string }[] = [];
    for (const c of spec.cases)
      cases.push(
        await tx.workflowTestCase.create({
          data: {
            workflowId: workflow.id,
            name: c.name,
            variables: c.variables,
            mustContain: [...c.mustContain],
            mustNotContain: [...c.mustNotContain],
            pattern: c.pattern,
            minLength: c.minLength,
            maxLength: c.maxLength,
            rubric: [...c.rubric],
            createdAt: at(spec.versions[0]!.day, 11),
          },
        }),
      );

    /** One seeded evaluation of a version over some cases, with outputs decided by `output`. */
    const evaluate = async (versionIndex: number, day: number, caseCount: number, output: (c: Case) => string, by: string) => {
      const version = versions[versionIndex]!;
      const content = spec.versions[versionIndex]!.content;
      const run = await tx.evaluationRun.create({
        data: {
          workflowId: workflow.id,
          versionId: version.id,
          status: "COMPLETED",
          totalCases: caseCount,
          startedBy: by,
          startedAt: at(day, 14),
          finishedAt: at(day, 14.05),
        },
      });
      let passed = 0;
      let input = 0;
      let out = 0;
      let cost = 0;
      for (const [i, c] of spec.cases.slice(0, caseCount).entries()) {
        const text = output(c);
        const checks: CheckResult[] = [
          ...deterministicChecks(text, c),
          ...c.rubric.map((r) => ({
            kind: "rubric" as const,
            expectation: r,
            passed: true,
            detail: "All five sections are present, in order.",
          })),
        ];
        const ok = checks.every((k) => k.passed);
        const tokens = {
          input:
            Math.ceil((systemPrompt(content).length + renderTemplate(content.template, c.variables).length) / 4) +
            (c.rubric.length ? 180 : 0),
          output: Math.ceil(text.length / 4) + (c.rubric.length ? 40 : 0),
          cacheWrite: 0,
          cacheRead: 0,
        };
        const costUsd = callCostUsd(prices, content.model, tokens) ?? 0;
        passed += ok ? 1 : 0;
        input += tokens.input;
        out += tokens.output;
        cost += costUsd;
        await tx.evaluationResult.create({
          data: {
            runId: run.id,
            testCaseId: cases[i]!.id,
            caseName: c.name,
            caseSnapshot: { ...c },
            outcome: ok ? "PASSED" : "FAILED",
            output: text,
            checks: checks as object[],
            inputTokens: tokens.input,
            outputTokens: tokens.output,
            costUsd,
            latencyMs: 2400 + i * 310,
            requestId: `req_demo_${run.id.slice(0, 8)}_${i}`,
          },
        });
      }
      await tx.evaluationRun.update({
        where: { id: run.id },
        data: { doneCases: caseCount, passedCases: passed, inputTokens: input, outputTokens: out, costUsd: cost },
      });
      await appendAudit(tx, {
        programmeId: ctx.programmeId,
        actor: SEED_ACTOR,
        action: "workflow.evaluate",
        entityType: "EvaluationRun",
        entityId: run.id,
        after: { workflow: spec.slug, version: versionIndex + 1, cases: caseCount, passRate: passRate(passed, caseCount) },
      });
      return passRate(passed, caseCount);
    };
    const promote = async (versionIndex: number, day: number, rate: number) => {
      const approver = people.get("pm@acme.test")!;
      await tx.workflowApproval.create({
        data: {
          versionId: versions[versionIndex]!.id,
          approverId: approver.userId,
          approverName: approver.user.name,
          note: "Checked the outputs against three real memos.",
          createdAt: at(day, 15),
        },
      });
      await tx.workflowPromotion.create({
        data: {
          versionId: versions[versionIndex]!.id,
          kind: "PROMOTE",
          actorName: people.get("owner@acme.test")!.user.name,
          passRate: rate,
          createdAt: at(day, 16),
        },
      });
      await tx.workflow.update({ where: { id: workflow.id }, data: { productionVersionId: versions[versionIndex]!.id } });
      await appendAudit(tx, {
        programmeId: ctx.programmeId,
        actor: SEED_ACTOR,
        action: "workflow.promote",
        entityType: "Workflow",
        entityId: workflow.id,
        after: { workflow: spec.slug, production: versionIndex + 1, passRate: rate },
      });
    };

    if (spec.slug === "credit-memo-first-draft") {
      // v1 passed its first three cases and went live; a fourth case then caught its recommendation habit; v2 fixed it.
      await promote(0, 33, await evaluate(0, 32, 3, (c) => memoOutput(c, 1), "Sam Lee"));
      await evaluate(0, 37, 4, (c) => memoOutput(c, 1), "Sam Lee");
      await promote(1, 39, await evaluate(1, 38, 4, (c) => memoOutput(c, 2), "Sam Lee"));
    } else if (spec.slug === "kyc-pack-summary") {
      await tx.workflow.update({ where: { id: workflow.id }, data: { candidateVersionId: versions[0]!.id } });
      await evaluate(
        0,
        41,
        3,
        (c) =>
          c.name.startsWith("Adatum")
            ? "Client: Adatum Holdings\nBeneficial owners: the Adatum Family Trust (100%).\nScreening: clear."
            : `Client: ${c.variables.client}\n${c.variables.documents}`,
        "Sam Lee",
      );
    }
  }
}
