import "server-only";

import { currentPrices, selectableModels } from "@/domain/prices";
import { maturity, maturityScore, passRate, type EvaluationMode, type MaturityProperty } from "@/domain/workflows";
import { ensureDefaultPrices } from "@/features/costs/server/seed-default-prices";
import type { Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { latestEvaluation } from "./labels";
import { versionPromotionProblems } from "./promotion";
import { findVersion, versionSelect } from "./workflow-state";

const listSelect = {
  id: true,
  slug: true,
  name: true,
  task: true,
  threshold: true,
  updatedAt: true,
  owner: { select: { id: true, user: { select: { name: true } } } },
  useCase: { select: { id: true, title: true } },
  productionVersion: { select: versionSelect },
  candidateVersion: { select: { number: true } },
  versions: { orderBy: { number: "desc" }, take: 1, select: versionSelect },
  _count: { select: { testCases: true, runs: true } },
} as const;

export interface LibraryEntry {
  id: string;
  slug: string;
  name: string;
  task: string;
  ownerName: string | null;
  useCase: string | null;
  latestVersion: number;
  candidateVersion: number | null;
  productionVersion: number | null;
  testCases: number;
  runs: number;
  /** Maturity of the version that matters: production when there is one, else the latest. */
  maturityOf: number;
  properties: MaturityProperty[];
  score: number;
  latestPassRate: number | null;
  /** How the latest finished evaluation was made (null with none). */
  latestEvaluationMode: EvaluationMode | null;
  /** The production version's template variables (null with no production version). */
  productionVariables: string[] | null;
}

/** The library as the API and the list page show it: every workflow with its labels and maturity, most mature first. */
export async function listWorkflowsForProgramme(programmeId: string): Promise<LibraryEntry[]> {
  const rows = await db.workflow.findMany({ where: { programmeId }, select: listSelect, orderBy: { name: "asc" } });
  const entries: LibraryEntry[] = [];
  for (const w of rows) {
    const version = w.productionVersion ?? w.versions[0] ?? null;
    const latest = version ? await latestEvaluation(db, version.id) : null;
    const finished = latest && latest.status !== "RUNNING" && latest.status !== "FAILED" ? latest : null;
    const finishedRate = finished?.passRate ?? null;
    const properties = maturity({
      task: w.task,
      useCaseLinked: w.useCase !== null,
      ownerName: w.owner?.user.name ?? null,
      version,
      testCases: w._count.testCases,
      threshold: w.threshold,
      latestPassRate: finishedRate,
    });
    entries.push({
      id: w.id,
      slug: w.slug,
      name: w.name,
      task: w.task,
      ownerName: w.owner?.user.name ?? null,
      useCase: w.useCase?.title ?? null,
      latestVersion: w.versions[0]?.number ?? 0,
      candidateVersion: w.candidateVersion?.number ?? null,
      productionVersion: w.productionVersion?.number ?? null,
      testCases: w._count.testCases,
      runs: w._count.runs,
      maturityOf: version?.number ?? 0,
      properties,
      score: maturityScore(properties),
      latestPassRate: finishedRate,
      latestEvaluationMode: finished?.mode ?? null,
      productionVariables: w.productionVersion?.variables ?? null,
    });
  }
  return entries.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "en"));
}

export async function getLibrary(actor: Actor, programmeSlug: string) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  return { access, workflows: await listWorkflowsForProgramme(access.programme.id), canManage: access.can("workflows.manage") };
}

/** One workflow's page: details, versions with labels and approvals, test cases, evaluations, the gate's state, recent runs. */
export async function getWorkflow(actor: Actor, programmeSlug: string, workflowSlug: string) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const programmeId = access.programme.id;
  const w = await db.workflow.findUnique({
    where: { programmeId_slug: { programmeId, slug: workflowSlug } },
    select: {
      id: true,
      slug: true,
      name: true,
      task: true,
      threshold: true,
      minutesSavedPerRun: true,
      ownerId: true,
      useCaseId: true,
      candidateVersionId: true,
      productionVersionId: true,
      owner: { select: { user: { select: { name: true } } } },
      useCase: { select: { id: true, title: true } },
      versions: {
        orderBy: { number: "desc" },
        select: {
          ...versionSelect,
          approvals: { select: { approverId: true, approverName: true, note: true, createdAt: true }, orderBy: { createdAt: "asc" } },
          promotions: { select: { kind: true, actorName: true, passRate: true, createdAt: true }, orderBy: { createdAt: "asc" } },
          // The version's latest evaluation, by the same rule as the promotion gate (latestEvaluation).
          evaluations: {
            orderBy: { startedAt: "desc" },
            take: 1,
            select: { status: true, mode: true, passedCases: true, totalCases: true },
          },
        },
      },
      testCases: { orderBy: { createdAt: "asc" } },
      evaluations: {
        orderBy: { startedAt: "desc" },
        take: 20,
        select: {
          id: true,
          status: true,
          mode: true,
          totalCases: true,
          doneCases: true,
          passedCases: true,
          erroredCases: true,
          costUsd: true,
          startedBy: true,
          startedAt: true,
          finishedAt: true,
          version: { select: { number: true } },
        },
      },
      runs: {
        orderBy: { createdAt: "desc" },
        take: 10,
        select: {
          id: true,
          status: true,
          costUsd: true,
          latencyMs: true,
          inputTokens: true,
          outputTokens: true,
          runBy: true,
          channel: true,
          createdAt: true,
          errorType: true,
          version: { select: { number: true } },
        },
      },
    },
  });
  if (!w) throw new NotFoundError("Workflow not found.");
  const production = w.versions.find((v) => v.id === w.productionVersionId) ?? null;
  const focus = production ?? w.versions[0] ?? null;
  const latestByVersion = new Map(
    w.versions.flatMap((v) =>
      v.evaluations.map((e) => [v.id, { passRate: passRate(e.passedCases, e.totalCases), status: e.status, mode: e.mode }] as const),
    ),
  );
  const ownerName = w.owner?.user.name ?? null;
  /** Each version's promotion problems, by the promotion gate's own rule and facts (empty: it may be promoted). */
  const promotionProblemsByVersion = new Map(
    w.versions.map((v) => [
      v.id,
      versionPromotionProblems({
        workflow: { ownerName, threshold: w.threshold, productionVersionId: w.productionVersionId },
        version: v,
        testCases: w.testCases.length,
        latestEvaluation: latestByVersion.get(v.id) ?? null,
        approverIds: v.approvals.map((a) => a.approverId),
      }),
    ]),
  );
  const focusEval = focus ? latestByVersion.get(focus.id) : undefined;
  const properties = maturity({
    task: w.task,
    useCaseLinked: w.useCase !== null,
    ownerName: w.owner?.user.name ?? null,
    version: focus,
    testCases: w.testCases.length,
    threshold: w.threshold,
    latestPassRate:
      focusEval && (focusEval.status === "COMPLETED" || focusEval.status === "COMPLETED_WITH_ERRORS") ? focusEval.passRate : null,
  });
  return {
    access,
    workflow: w,
    production,
    focus,
    properties,
    latestByVersion,
    promotionProblemsByVersion,
    can: {
      manage: access.can("workflows.manage"),
      approve: access.can("workflows.approve"),
      promote: access.can("workflows.promote"),
      run: access.can("workflows.run"),
    },
  };
}

export async function getVersionPair(actor: Actor, programmeSlug: string, workflowSlug: string, a: number, b: number) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const w = await db.workflow.findUnique({
    where: { programmeId_slug: { programmeId: access.programme.id, slug: workflowSlug } },
    select: { id: true, name: true, slug: true, versions: { select: { number: true }, orderBy: { number: "asc" } } },
  });
  if (!w) throw new NotFoundError("Workflow not found.");
  return { access, workflow: w, left: await findVersion(db, w.id, a), right: await findVersion(db, w.id, b) };
}

export async function getEvaluation(actor: Actor, programmeSlug: string, workflowSlug: string, runId: string) {
  const access = await authorize(actor, programmeSlug, "programme.read");
  const w = await db.workflow.findUnique({
    where: { programmeId_slug: { programmeId: access.programme.id, slug: workflowSlug } },
    select: { id: true, name: true, slug: true, threshold: true },
  });
  if (!w) throw new NotFoundError("Workflow not found.");
  if (!/^[0-9a-f-]{36}$/i.test(runId)) throw new NotFoundError("Evaluation not found.");
  const run = await db.evaluationRun.findFirst({
    where: { id: runId, workflowId: w.id },
    include: { version: { select: { number: true, model: true } }, results: { orderBy: { caseName: "asc" } } },
  });
  if (!run) throw new NotFoundError("Evaluation not found.");
  const others = await db.evaluationRun.findMany({
    where: { workflowId: w.id, id: { not: run.id }, status: { not: "RUNNING" } },
    orderBy: { startedAt: "desc" },
    take: 20,
    select: { id: true, startedAt: true, passedCases: true, totalCases: true, version: { select: { number: true } } },
  });
  return { access, workflow: w, run, others };
}

export async function getRunConsole(actor: Actor, programmeSlug: string, workflowSlug: string) {
  const access = await authorize(actor, programmeSlug, "workflows.run");
  const w = await db.workflow.findUnique({
    where: { programmeId_slug: { programmeId: access.programme.id, slug: workflowSlug } },
    select: {
      id: true,
      name: true,
      slug: true,
      task: true,
      productionVersion: { select: { number: true, variables: true, documentation: true, model: true } },
    },
  });
  if (!w) throw new NotFoundError("Workflow not found.");
  return { access, workflow: w };
}

/** Choices for the workflow forms: the programme's use cases, members (owners) and priced models. */
export async function getEditorOptions(actor: Actor, programmeSlug: string, now = new Date()) {
  const access = await authorize(actor, programmeSlug, "workflows.manage");
  const programmeId = access.programme.id;
  await ensureDefaultPrices(programmeId);
  const [useCases, members, prices] = [
    await db.useCase.findMany({ where: { programmeId }, select: { id: true, title: true }, orderBy: { title: "asc" } }),
    await db.membership.findMany({
      where: { programmeId },
      select: { id: true, userId: true, user: { select: { name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    await db.modelPrice.findMany({ where: { programmeId } }),
  ];
  const models = selectableModels(currentPrices(prices, now)).map((p) => ({ id: p.model, label: p.label }));
  return {
    access,
    useCases: useCases.map((u) => ({ id: u.id, label: u.title })),
    members: members.map((m) => ({ id: m.id, label: m.user.name })),
    myMembershipId: members.find((m) => m.userId === actor.id)?.id ?? "",
    models,
  };
}
