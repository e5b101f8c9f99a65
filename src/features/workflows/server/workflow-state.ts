import "server-only";

import { callCostUsd, currentPrices, type CallTokens } from "@/domain/prices";
import { ensureDefaultPrices } from "@/features/costs/server/seed-default-prices";
import type { ClaudeConfig } from "@/server/claude/client";
import { db, type Tx } from "@/server/db";
import { NotFoundError, RuleError } from "@/server/errors";

export const NO_KEY_FOR_RUNS =
  "No Anthropic API key is configured, so workflows cannot be run or evaluated. An administrator sets ANTHROPIC_API_KEY; everything else works without it.";

/** Evaluations run this many cases at once: enough to be quick, few enough to stay under rate limits. */
export const EVALUATION_CONCURRENCY = 4;
/** A run still marked running after this long was interrupted (the server stopped mid-run). */
export const STALE_EVALUATION_MS = 30 * 60 * 1000;

export const versionSelect = {
  id: true,
  number: true,
  note: true,
  authorId: true,
  authorName: true,
  contextWho: true,
  contextVoice: true,
  contextStandards: true,
  exampleOutput: true,
  template: true,
  variables: true,
  model: true,
  maxTokens: true,
  documentation: true,
  createdAt: true,
} as const;

export const workflowAuditSelect = {
  id: true,
  slug: true,
  name: true,
  task: true,
  useCaseId: true,
  ownerId: true,
  threshold: true,
  minutesSavedPerRun: true,
  candidateVersionId: true,
  productionVersionId: true,
} as const;

/** Locks the workflow's row (SELECT … FOR UPDATE) so label moves, saves and promotions queue one at a time. */
export async function lockWorkflow(tx: Tx, programmeId: string, workflowSlug: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Workflow" WHERE "programmeId" = ${programmeId}::uuid AND slug = ${workflowSlug} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("Workflow not found.");
  return tx.workflow.findUniqueOrThrow({
    where: { id: rows[0]!.id },
    select: { ...workflowAuditSelect, owner: { select: { user: { select: { name: true } } } } },
  });
}

export async function findWorkflowId(programmeId: string, workflowSlug: string): Promise<string> {
  const w = await db.workflow.findUnique({ where: { programmeId_slug: { programmeId, slug: workflowSlug } }, select: { id: true } });
  if (!w) throw new NotFoundError("Workflow not found.");
  return w.id;
}

export async function findVersion(client: Tx | typeof db, workflowId: string, number: number) {
  const v = await client.workflowVersion.findUnique({ where: { workflowId_number: { workflowId, number } }, select: versionSelect });
  if (!v) throw new NotFoundError(`Version ${number} not found.`);
  return v;
}

/** The owner must be a member of this programme; the use case must be this programme's. */
export async function checkReferences(programmeId: string, input: { ownerId: string | null; useCaseId: string | null }) {
  if (input.ownerId) {
    const m = await db.membership.findFirst({ where: { id: input.ownerId, programmeId }, select: { id: true } });
    if (!m) throw new RuleError("Choose an owner from this programme's members.", "ownerId");
  }
  if (input.useCaseId) {
    const u = await db.useCase.findFirst({ where: { id: input.useCaseId, programmeId }, select: { id: true } });
    if (!u) throw new RuleError("Choose a use case from this programme.", "useCaseId");
  }
}

/** Prices in force now; a model missing from the price table is refused, so every run's cost is known. */
export async function pricesFor(programmeId: string, model: string, now = new Date()) {
  await ensureDefaultPrices(programmeId);
  const rows = await db.modelPrice.findMany({ where: { programmeId } });
  const current = currentPrices(rows, now);
  if (!current.has(model))
    throw new RuleError(`${model} is not in this programme's price table; add its price on the Costs page first.`, "model");
  return (tokens: CallTokens) => callCostUsd(current, model, tokens) ?? 0;
}

export function requireConfig(config: ClaudeConfig | null): ClaudeConfig {
  if (!config) throw new RuleError(NO_KEY_FOR_RUNS);
  return config;
}
