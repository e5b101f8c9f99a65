import { strFromU8, unzipSync } from "fflate";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { POST as runRoute } from "@/app/api/v1/programmes/[slug]/workflows/[workflow]/runs/route";
import { GET as listRoute } from "@/app/api/v1/programmes/[slug]/workflows/route";
import { makeMember, makeProgramme, makeUser, uniqueSuffix } from "@/demo/factories";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { createApiToken } from "@/features/tokens/server/create-api-token";
import { createUseCase } from "@/features/use-cases/server/create-use-case";
import type { CreateWorkflowInput } from "@/features/workflows/schemas";
import { createWorkflow } from "@/features/workflows/server/create-workflow";
import { saveVersion, updateWorkflowDetails } from "@/features/workflows/server/edit-workflow";
import { startEvaluation } from "@/features/workflows/server/evaluate";
import { approveVersion, markCandidate, promoteVersion, rollbackTo } from "@/features/workflows/server/labels";
import { getLibrary, getWorkflow } from "@/features/workflows/server/queries";
import { runWorkflow } from "@/features/workflows/server/run-workflow";
import { exportSkill } from "@/features/workflows/server/skill-export";
import { deleteTestCase, saveTestCase } from "@/features/workflows/server/test-cases";
import { NO_KEY_FOR_RUNS } from "@/features/workflows/server/workflow-state";
import type { Actor } from "@/server/auth/actor";
import type { ClaudeConfig } from "@/server/claude/client";
import { db } from "@/server/db";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/server/errors";

import { fakeReply, fakeTokenCount, startFakeAnthropic, type FakeAnthropic } from "../support/fake-anthropic";

let fake: FakeAnthropic;
let config: ClaudeConfig;
beforeAll(async () => {
  fake = await startFakeAnthropic();
  config = { apiKey: fake.apiKey, baseURL: fake.url, timeoutMs: 2_000 };
  // The JSON API reads its key from the environment, as in production.
  process.env.ANTHROPIC_API_KEY = fake.apiKey;
  process.env.ANTHROPIC_BASE_URL = fake.url;
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

const DOCS =
  "## When to use\nUse it when a customer's renewal is due within 60 days and they have not been contacted.\n\n" +
  "## Inputs\n- customer: the account name as in the CRM\n- renewal_date: the renewal date\n\n" +
  "## How to judge the output\nA good output names the customer and the date, offers a call, and promises nothing about price.";

async function setup() {
  const pm = await makeUser({ name: "Pat Manager" });
  const p = await makeProgramme(pm);
  const owner = await makeUser({ name: "Olu Owner" });
  const reviewer = await makeUser({ name: "Rae Reviewer" });
  const viewer = await makeUser({ name: "Vic Viewer" });
  const ownerM = await makeMember(pm, p.slug, owner, ["WORKFLOW_OWNER"]);
  await makeMember(pm, p.slug, reviewer, ["WORKFLOW_OWNER"]);
  await makeMember(pm, p.slug, viewer, ["VIEWER"]);
  const useCase = await createUseCase(pm, {
    programmeSlug: p.slug,
    title: "Renewal reminders",
    businessFunction: "Customer success",
    description: "Reminder emails before renewal",
    businessValue: 4,
    complexity: 2,
    successCriteria: null,
    businessSponsor: null,
    ownerId: null,
    claudeProduct: "Claude API",
    model: "claude-haiku-4-5",
    dataSensitivity: "INTERNAL",
  });
  return { pm, owner, reviewer, viewer, p, slug: p.slug, ownerMembershipId: ownerM.membershipId, useCaseId: useCase.id };
}

const workflowInput = (s: Awaited<ReturnType<typeof setup>>, over: Partial<CreateWorkflowInput> = {}): CreateWorkflowInput => ({
  programmeSlug: s.slug,
  name: "Renewal reminder email",
  task: "Draft the renewal reminder email for a customer whose renewal is due",
  useCaseId: s.useCaseId,
  ownerId: s.ownerMembershipId,
  threshold: 90,
  minutesSavedPerRun: 12,
  contextWho: "Acme Insurance, a mid-size UK insurer.",
  contextVoice: "Warm, plain English, no jargon.",
  contextStandards: "UK spelling. Never promise a price.",
  exampleOutput: "Dear Globex, your policy renews on 1 May…",
  template: "Write a renewal reminder to {{customer}} whose policy renews on {{renewal_date}}.",
  model: "claude-haiku-4-5",
  maxTokens: 400,
  documentation: DOCS,
  ...over,
});

const cases = (slug: string, workflowSlug: string) => [
  {
    programmeSlug: slug,
    workflowSlug,
    name: "Globex",
    variables: { customer: "Globex", renewal_date: "1 May" },
    mustContain: "Globex\n1 May",
    mustNotContain: "guarantee",
    rubric: 'Names the customer "Globex"',
  },
  {
    programmeSlug: slug,
    workflowSlug,
    name: "Initech",
    variables: { customer: "Initech", renewal_date: "3 June" },
    mustContain: "Initech",
    pattern: "renews on \\d+ June",
    minLength: "20",
    maxLength: "600",
  },
  {
    programmeSlug: slug,
    workflowSlug,
    name: "Umbrella",
    variables: { customer: "Umbrella", renewal_date: "9 July" },
    mustContain: "Umbrella",
    rubric: 'Mentions "9 July"',
  },
];

async function withThreeCases(s: Awaited<ReturnType<typeof setup>>, workflowSlug: string) {
  for (const c of cases(s.slug, workflowSlug)) await saveTestCase(s.owner, c);
}

async function evaluate(actor: Actor, slug: string, workflowSlug: string, version: number) {
  const started = await startEvaluation(actor, { programmeSlug: slug, workflowSlug, version }, config);
  await started.execute();
  return db.evaluationRun.findUniqueOrThrow({ where: { id: started.runId }, include: { results: { orderBy: { caseName: "asc" } } } });
}

describe("writing workflows", () => {
  it("creates a workflow with version 1 and its variables, audited", async () => {
    const s = await setup();
    const w = await createWorkflow(s.owner, workflowInput(s));
    expect(w.slug).toBe("renewal-reminder-email");
    const v = await db.workflowVersion.findFirstOrThrow({ where: { workflowId: w.id } });
    expect(v).toMatchObject({ number: 1, variables: ["customer", "renewal_date"], authorName: "Olu Owner" });
    expect((await verifyAuditChain(s.p.id)).ok).toBe(true);
  });

  it("refuses a template without variables or with a malformed one, a duplicate name, and members who may not manage", async () => {
    const s = await setup();
    await expect(createWorkflow(s.owner, workflowInput(s, { template: "Write a renewal reminder." }))).rejects.toThrow(
      /at least one \{\{variable\}\}/,
    );
    await expect(createWorkflow(s.owner, workflowInput(s, { template: "Write to {{customer name}} now please." }))).rejects.toThrow(
      /\{\{customer name\}\} is not a valid variable/,
    );
    await createWorkflow(s.owner, workflowInput(s));
    await expect(createWorkflow(s.owner, workflowInput(s))).rejects.toBeInstanceOf(ConflictError);
    await expect(createWorkflow(s.viewer, workflowInput(s, { name: "Other" }))).rejects.toBeInstanceOf(ForbiddenError);
    const outsider = await makeUser();
    await expect(createWorkflow(outsider, workflowInput(s, { name: "Other" }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.workflow.count({ where: { programmeId: s.p.id } })).toBe(1);
  });

  it("saves each change as a new immutable version, refuses a save over a newer version or with no change", async () => {
    const s = await setup();
    const w = await createWorkflow(s.owner, workflowInput(s));
    const base = { ...workflowInput(s), workflowSlug: w.slug, baseVersion: 1, note: "Shorter" };
    const v2 = await saveVersion(s.owner, { ...base, maxTokens: 300 });
    expect(v2.number).toBe(2);
    await expect(saveVersion(s.reviewer, { ...base, maxTokens: 200 })).rejects.toThrow(
      /Version 2 was saved by Olu Owner after you started editing version 1/,
    );
    await expect(saveVersion(s.owner, { ...base, baseVersion: 2, maxTokens: 300 })).rejects.toThrow("Nothing changed since version 2.");
    await expect(db.$executeRaw`UPDATE "WorkflowVersion" SET template = 'x' WHERE "workflowId" = ${w.id}::uuid`).rejects.toThrow(
      /immutable/,
    );
    expect(await db.workflowVersion.count({ where: { workflowId: w.id } })).toBe(2);
  });

  it("validates test cases: a bad pattern, an inverted length range, no expectation", async () => {
    const s = await setup();
    const w = await createWorkflow(s.owner, workflowInput(s));
    const c = { programmeSlug: s.slug, workflowSlug: w.slug, name: "Bad", variables: { customer: "X", renewal_date: "Y" } };
    await expect(saveTestCase(s.owner, { ...c, pattern: "([a-z" })).rejects.toThrow("This is not a valid regular expression.");
    await expect(saveTestCase(s.owner, { ...c, minLength: "50", maxLength: "10" })).rejects.toThrow(
      "The maximum length must be at least the minimum.",
    );
    await expect(saveTestCase(s.owner, c)).rejects.toThrow(/at least one expectation/);
    await expect(saveTestCase(s.viewer, { ...c, mustContain: "X" })).rejects.toBeInstanceOf(ForbiddenError);
    const saved = await saveTestCase(s.owner, { ...c, mustContain: "X" });
    await deleteTestCase(s.owner, { programmeSlug: s.slug, workflowSlug: w.slug, testCaseId: saved.id });
    expect(await db.workflowTestCase.count({ where: { workflowId: w.id } })).toBe(0);
  });
});

describe("evaluations", () => {
  it("runs every case through the SDK and records output, checks, tokens, cost from the price table and latency", async () => {
    const s = await setup();
    const w = await createWorkflow(s.owner, workflowInput(s));
    await withThreeCases(s, w.slug);
    const run = await evaluate(s.owner, s.slug, w.slug, 1);
    expect(run).toMatchObject({ status: "COMPLETED", totalCases: 3, doneCases: 3, passedCases: 3, erroredCases: 0 });
    const globex = run.results.find((r) => r.caseName === "Globex")!;
    const prompt = "Write a renewal reminder to Globex whose policy renews on 1 May.";
    expect(globex.output).toBe(fakeReply(prompt));
    expect((globex.checks as { kind: string; passed: boolean }[]).map((c) => [c.kind, c.passed])).toEqual([
      ["contains", true],
      ["contains", true],
      ["not_contains", true],
      ["rubric", true],
    ]);
    // Haiku 4.5: $1 per million input tokens, $5 per million output; the grading call counts too.
    const system =
      "## Who we are\nAcme Insurance, a mid-size UK insurer.\n\n## Voice\nWarm, plain English, no jargon.\n\n## Standards\nUK spelling. Never promise a price.\n\n## A good example output\nDear Globex, your policy renews on 1 May…";
    const genIn = fakeTokenCount({ system, messages: [{ content: prompt }] });
    const genOut = Math.ceil(fakeReply(prompt).length / 4);
    expect(globex.inputTokens).toBeGreaterThan(genIn); // plus the grader's prompt
    expect(globex.costUsd).toBeCloseTo((globex.inputTokens * 1 + globex.outputTokens * 5) / 1e6, 12);
    const initech = run.results.find((r) => r.caseName === "Initech")!;
    expect(initech.inputTokens).toBe(
      fakeTokenCount({ system, messages: [{ content: "Write a renewal reminder to Initech whose policy renews on 3 June." }] }),
    );
    expect(genOut).toBeGreaterThan(0);
    expect(run.costUsd).toBeCloseTo(
      run.results.reduce((n, r) => n + r.costUsd, 0),
      12,
    );
    expect(Number(run.inputTokens)).toBe(run.results.reduce((n, r) => n + r.inputTokens, 0));
    expect(run.results.every((r) => r.latencyMs >= 0 && r.requestId?.startsWith("req_fake_"))).toBe(true);
  });

  it("fails a case whose output misses an expectation, with the reason", async () => {
    const s = await setup();
    const w = await createWorkflow(s.owner, workflowInput(s));
    await withThreeCases(s, w.slug);
    fake.replyWhen("Umbrella", "Dear Umbrella, we guarantee the best price.");
    const run = await evaluate(s.owner, s.slug, w.slug, 1);
    expect(run).toMatchObject({ status: "COMPLETED", passedCases: 2 });
    const umbrella = run.results.find((r) => r.caseName === "Umbrella")!;
    expect(umbrella.outcome).toBe("FAILED");
    expect((umbrella.checks as { kind: string; passed: boolean; detail: string }[]).find((c) => c.kind === "rubric")).toMatchObject({
      passed: false,
      detail: 'The output does not mention "9 july".',
    });
  });

  it("retries a 429 as the SDK does and succeeds; a persistent 500 is recorded with its type and request id and the run ends completed with errors", async () => {
    const s = await setup();
    const w = await createWorkflow(s.owner, workflowInput(s));
    await saveTestCase(s.owner, {
      programmeSlug: s.slug,
      workflowSlug: w.slug,
      name: "Only",
      variables: { customer: "Globex", renewal_date: "1 May" },
      mustContain: "Globex",
    });
    fake.failNext({ status: 429 });
    const before = fake.requests.length;
    const ok = await evaluate(s.owner, s.slug, w.slug, 1);
    expect(ok).toMatchObject({ status: "COMPLETED", passedCases: 1 });
    expect(fake.requests.length - before).toBe(2); // the 429, then the retry

    await saveTestCase(s.owner, {
      programmeSlug: s.slug,
      workflowSlug: w.slug,
      name: "Second",
      variables: { customer: "Initech", renewal_date: "3 June" },
      mustContain: "Initech",
    });
    fake.replyWhen("Initech", "Dear Initech, see you on 3 June.");
    fake.failNext({ status: 500 }, 3, "Initech"); // the first call and both SDK retries
    const run = await evaluate(s.owner, s.slug, w.slug, 1);
    expect(run).toMatchObject({ status: "COMPLETED_WITH_ERRORS", doneCases: 2, erroredCases: 1, passedCases: 1 });
    const errored = run.results.find((r) => r.outcome === "ERROR")!;
    expect(errored).toMatchObject({ errorType: "api_error", errorStatus: 500, output: null });
    expect(errored.requestId).toMatch(/^req_fake_/);
  });

  it("records an overloaded API (529) and a timeout as errors with their types", async () => {
    const s = await setup();
    const w = await createWorkflow(s.owner, workflowInput(s));
    await saveTestCase(s.owner, {
      programmeSlug: s.slug,
      workflowSlug: w.slug,
      name: "Only",
      variables: { customer: "Globex", renewal_date: "1 May" },
      mustContain: "Globex",
    });
    fake.failNext({ status: 529 }, 3);
    const overloaded = await evaluate(s.owner, s.slug, w.slug, 1);
    expect(overloaded.results[0]).toMatchObject({ outcome: "ERROR", errorType: "overloaded_error", errorStatus: 529 });
    const quick = { ...config, timeoutMs: 150, maxRetries: 1 };
    fake.delayNext(1_000, 2);
    const started = await startEvaluation(s.owner, { programmeSlug: s.slug, workflowSlug: w.slug, version: 1 }, quick);
    await started.execute();
    const timedOut = await db.evaluationResult.findFirstOrThrow({ where: { runId: started.runId } });
    expect(timedOut).toMatchObject({ outcome: "ERROR", errorType: "timeout", errorStatus: null });
    expect((await db.evaluationRun.findUniqueOrThrow({ where: { id: started.runId } })).status).toBe("COMPLETED_WITH_ERRORS");
  });

  it("says plainly that no key is configured, and changes nothing", async () => {
    const s = await setup();
    const w = await createWorkflow(s.owner, workflowInput(s));
    await withThreeCases(s, w.slug);
    await expect(startEvaluation(s.owner, { programmeSlug: s.slug, workflowSlug: w.slug, version: 1 }, null)).rejects.toThrow(
      NO_KEY_FOR_RUNS,
    );
    expect(await db.evaluationRun.count({ where: { workflowId: w.id } })).toBe(0);
  });
});

describe("the promotion gate", () => {
  it("refuses promotion for each missing condition, naming it, and allows it when all hold", async () => {
    const s = await setup();
    const w = await createWorkflow(s.owner, workflowInput(s, { ownerId: null, documentation: "Short." }));
    const ref = { programmeSlug: s.slug, workflowSlug: w.slug, version: 1 };
    const refusal = await promoteVersion(s.owner, ref).catch((e: unknown) => e as RuleError);
    expect(refusal).toBeInstanceOf(RuleError);
    expect((refusal as RuleError).message).toBe(
      "Version 1 cannot go to production: The workflow has no owner. Version 1 lacks documentation of at least 200 characters, documentation of when to use it, documentation of its inputs, documentation of how to judge the output. " +
        "The workflow has 0 test cases; at least 3 are needed. Version 1 has not been evaluated. Version 1 needs approval by someone other than its author.",
    );

    await updateWorkflowDetails(s.owner, { ...workflowInput(s), workflowSlug: w.slug });
    await saveVersion(s.owner, { ...workflowInput(s), workflowSlug: w.slug, baseVersion: 1, note: "Documentation for colleagues" });
    const v2 = { ...ref, version: 2 };
    await expect(promoteVersion(s.owner, v2)).rejects.toThrow(
      /The workflow has 0 test cases; at least 3 are needed\. Version 2 has not been evaluated\. Version 2 needs approval/,
    );
    await withThreeCases(s, w.slug);
    fake.replyWhen("Umbrella", "Dear Umbrella, no date here.");
    await evaluate(s.owner, s.slug, w.slug, 2);
    await expect(promoteVersion(s.owner, v2)).rejects.toThrow("Version 2's latest evaluation passed 66.7% of cases; the threshold is 90%.");
    await updateWorkflowDetails(s.owner, { ...workflowInput(s), workflowSlug: w.slug, threshold: 60 });
    await expect(promoteVersion(s.owner, v2)).rejects.toThrow(
      "Version 2 cannot go to production: Version 2 needs approval by someone other than its author.",
    );

    await expect(approveVersion(s.owner, v2)).rejects.toThrow("You wrote version 2; its approval must come from someone else.");
    await expect(approveVersion(s.viewer, v2)).rejects.toBeInstanceOf(ForbiddenError);
    await approveVersion(s.reviewer, v2);
    await expect(approveVersion(s.reviewer, v2)).rejects.toThrow("You have already approved version 2.");
    const promoted = await promoteVersion(s.owner, v2);
    expect(promoted).toEqual({ version: 2, previous: null });
    const after = await db.workflow.findUniqueOrThrow({ where: { id: w.id }, select: { productionVersion: { select: { number: true } } } });
    expect(after.productionVersion?.number).toBe(2);
    await expect(promoteVersion(s.viewer, v2)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await verifyAuditChain(s.p.id)).ok).toBe(true);
  });

  it("needs an owner to leave draft; rolls back only to a version that was in production", async () => {
    const s = await setup();
    const w = await createWorkflow(s.owner, workflowInput(s, { ownerId: null }));
    const ref = { programmeSlug: s.slug, workflowSlug: w.slug, version: 1 };
    await expect(markCandidate(s.owner, ref)).rejects.toThrow("Give the workflow an owner before it leaves draft.");
    await updateWorkflowDetails(s.owner, { ...workflowInput(s), workflowSlug: w.slug });
    await markCandidate(s.owner, ref);
    await withThreeCases(s, w.slug);
    await evaluate(s.owner, s.slug, w.slug, 1);
    await approveVersion(s.reviewer, ref);
    await promoteVersion(s.pm, ref);
    expect((await db.workflow.findUniqueOrThrow({ where: { id: w.id } })).candidateVersionId).toBeNull();
    await expect(updateWorkflowDetails(s.owner, { ...workflowInput(s), workflowSlug: w.slug, ownerId: null })).rejects.toThrow(
      "must keep an owner",
    );

    await saveVersion(s.owner, { ...workflowInput(s), workflowSlug: w.slug, baseVersion: 1, note: "Tighter", maxTokens: 350 });
    await saveVersion(s.owner, { ...workflowInput(s), workflowSlug: w.slug, baseVersion: 2, note: "Tighter still", maxTokens: 300 });
    await evaluate(s.owner, s.slug, w.slug, 3);
    await approveVersion(s.reviewer, { ...ref, version: 3 });
    await promoteVersion(s.owner, { ...ref, version: 3 });
    await expect(rollbackTo(s.owner, { ...ref, version: 2 })).rejects.toThrow(
      "Version 2 was never in production; promote it through the gate instead.",
    );
    expect(await rollbackTo(s.owner, ref)).toEqual({ version: 1, from: 3 });
    const view = await getWorkflow(s.viewer, s.slug, w.slug);
    expect(view.production?.number).toBe(1);
    expect(view.workflow.versions.find((v) => v.number === 1)!.promotions.map((p) => p.kind)).toEqual(["PROMOTE", "ROLLBACK"]);
  });
});

async function productionWorkflow() {
  const s = await setup();
  const w = await createWorkflow(s.owner, workflowInput(s));
  await withThreeCases(s, w.slug);
  await evaluate(s.owner, s.slug, w.slug, 1);
  await approveVersion(s.reviewer, { programmeSlug: s.slug, workflowSlug: w.slug, version: 1 });
  await promoteVersion(s.owner, { programmeSlug: s.slug, workflowSlug: w.slug, version: 1 });
  return { s, w };
}

describe("runs", () => {
  it("any member runs the production version; the run records tokens and cost and feeds the usage data as a task of its use case", async () => {
    const { s, w } = await productionWorkflow();
    const r = await runWorkflow(
      s.viewer,
      { programmeSlug: s.slug, workflowSlug: w.slug, variables: { customer: "Hooli", renewal_date: "2 August" } },
      config,
    );
    expect(r.status).toBe("SUCCEEDED");
    expect(r.output).toBe(fakeReply("Write a renewal reminder to Hooli whose policy renews on 2 August."));
    expect(r.costUsd).toBeCloseTo((r.tokens.input * 1 + r.tokens.output * 5) / 1e6, 12);
    const run = await db.workflowRun.findUniqueOrThrow({ where: { id: r.runId } });
    expect(run).toMatchObject({ status: "SUCCEEDED", runBy: "Vic Viewer", channel: "console", inputTokens: r.tokens.input });
    const event = await db.usageEvent.findUniqueOrThrow({
      where: { programmeId_externalId: { programmeId: s.p.id, externalId: `workflow-run:${r.runId}` } },
    });
    expect(event).toMatchObject({
      useCase: "Renewal reminders",
      tasks: 1,
      errors: 0,
      minutesSaved: 12,
      minutesSource: "ESTIMATED",
      model: "claude-haiku-4-5",
      costUsd: r.costUsd,
    });
    expect(event.userRef).toMatch(/^wf-[0-9a-f]{16}$/);
    const daily = await db.usageDaily.findFirstOrThrow({ where: { programmeId: s.p.id, dimension: "useCase", key: "Renewal reminders" } });
    expect(daily).toMatchObject({ tasks: 1, costUsd: r.costUsd });
  });

  it("names bad variables, refuses a workflow with no production version, and says when no key is configured", async () => {
    const { s, w } = await productionWorkflow();
    await expect(
      runWorkflow(s.viewer, { programmeSlug: s.slug, workflowSlug: w.slug, variables: { customer: "", colour: "red" } }, config),
    ).rejects.toThrow(
      "Check the variables: customer must not be blank; renewal_date is required; colour is not a variable of this workflow.",
    );
    await expect(
      runWorkflow(s.viewer, { programmeSlug: s.slug, workflowSlug: w.slug, variables: { customer: "A", renewal_date: "B" } }, null),
    ).rejects.toThrow(NO_KEY_FOR_RUNS);
    const draft = await createWorkflow(s.owner, workflowInput(s, { name: "Claims triage note" }));
    await expect(runWorkflow(s.viewer, { programmeSlug: s.slug, workflowSlug: draft.slug, variables: {} }, config)).rejects.toThrow(
      "Claims triage note has no production version yet",
    );
    expect(await db.workflowRun.count({ where: { programmeId: s.p.id } })).toBe(0);
    const outsider = await makeUser();
    await expect(runWorkflow(outsider, { programmeSlug: s.slug, workflowSlug: w.slug, variables: {} }, config)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("a failed call is recorded as a failed run with the API's error type and counted as an error in usage", async () => {
    const { s, w } = await productionWorkflow();
    fake.failNext({ status: 529 }, 3);
    const r = await runWorkflow(
      s.owner,
      { programmeSlug: s.slug, workflowSlug: w.slug, variables: { customer: "Hooli", renewal_date: "2 August" } },
      config,
    );
    expect(r).toMatchObject({ status: "FAILED", output: null, costUsd: 0, error: { type: "overloaded_error", status: 529 } });
    const event = await db.usageEvent.findUniqueOrThrow({
      where: { programmeId_externalId: { programmeId: s.p.id, externalId: `workflow-run:${r.runId}` } },
    });
    expect(event).toMatchObject({ tasks: 0, errors: 1 });
  });
});

describe("library, API and export", () => {
  it("lists workflows by maturity, flagging what is missing", async () => {
    const { s } = await productionWorkflow();
    await createWorkflow(
      s.owner,
      workflowInput(s, { name: "Generic helper", task: "Help with anything at all", useCaseId: null, ownerId: null, documentation: "" }),
    );
    const lib = await getLibrary(s.viewer, s.slug);
    expect(lib.workflows.map((w) => [w.slug, w.score])).toEqual([
      ["renewal-reminder-email", 5],
      ["generic-helper", 1],
    ]);
    const generic = lib.workflows[1]!;
    expect(generic.ownerName).toBeNull();
    expect(Object.fromEntries(generic.properties.map((p) => [p.key, p.met]))).toEqual({
      specific: false,
      configured: true,
      documented: false,
      owned: false,
      tested: false,
    });
  });

  it("GET workflows and POST runs with a programme token; bad variables get 422 naming them; another programme's token is refused", async () => {
    const { s, w } = await productionWorkflow();
    const { token } = await createApiToken({ id: null, label: "test" }, { programmeSlug: s.slug, name: `crm-${uniqueSuffix()}` });
    const auth = { authorization: `Bearer ${token}` };
    const list = await listRoute(new NextRequest("http://localhost/x", { headers: auth }), { params: Promise.resolve({ slug: s.slug }) });
    expect(list.status).toBe(200);
    const body = (await list.json()) as {
      workflows: { slug: string; labels: { production: number | null }; maturity: { score: number; outOf: number } }[];
    };
    expect(body.workflows[0]).toMatchObject({ slug: w.slug, labels: { production: 1 }, maturity: { score: 5, outOf: 5 } });

    const post = (json: string, headers: Record<string, string> = auth, slug = s.slug) =>
      runRoute(new NextRequest("http://localhost/x", { method: "POST", body: json, headers }), {
        params: Promise.resolve({ slug, workflow: w.slug }),
      });
    const ok = await post(JSON.stringify({ variables: { customer: "Hooli", renewal_date: "2 August" } }));
    expect(ok.status).toBe(200);
    const run = (await ok.json()) as { runId: string; output: string; tokens: { input: number }; costUsd: number };
    expect(run.output).toContain("Hooli");
    expect(await db.workflowRun.findUniqueOrThrow({ where: { id: run.runId } })).toMatchObject({
      channel: "api",
      runBy: expect.stringMatching(/^API token crm-/),
    });

    const bad = await post(JSON.stringify({ variables: { customer: 7 } }));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      error: {
        variables: [
          { name: "customer", reason: "must be text" },
          { name: "renewal_date", reason: "is required" },
        ],
      },
    });
    expect((await post("{not json")).status).toBe(400);
    expect((await post("[]")).status).toBe(422);
    expect((await post("{}", {})).status).toBe(401);

    const other = await setup();
    const { token: otherToken } = await createApiToken({ id: null, label: "test" }, { programmeSlug: other.slug, name: "other" });
    expect((await post("{}", { authorization: `Bearer ${otherToken}` })).status).toBe(404);
    expect(await db.workflowRun.count({ where: { programmeId: s.p.id } })).toBe(1);
  });

  it("exports a production version as a Claude Skill folder in a zip", async () => {
    const { s, w } = await productionWorkflow();
    const { filename, zip } = await exportSkill(s.viewer, s.slug, w.slug, 1);
    expect(filename).toBe("renewal-reminder-email-v1.zip");
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      "renewal-reminder-email/SKILL.md",
      "renewal-reminder-email/examples/example-output.md",
      "renewal-reminder-email/examples/inputs.md",
      "renewal-reminder-email/reference/business-context.md",
      "renewal-reminder-email/templates/prompt.md",
    ]);
    const skill = strFromU8(files["renewal-reminder-email/SKILL.md"]!);
    expect(skill).toMatch(
      /^---\nname: renewal-reminder-email\ndescription: "Draft the renewal reminder email for a customer whose renewal is due\. Use it when a customer's renewal is due within 60 days and they have not been contacted\."\n---\n/,
    );
    expect(strFromU8(files["renewal-reminder-email/reference/business-context.md"]!)).toContain("Never promise a price.");
    await saveVersion(s.owner, { ...workflowInput(s), workflowSlug: w.slug, baseVersion: 1, note: "Draft", maxTokens: 200 });
    await expect(exportSkill(s.viewer, s.slug, w.slug, 2)).rejects.toThrow("Version 2 has not been in production");
  });
});
