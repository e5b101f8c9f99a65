import "server-only";

import { appendAudit, type AuditActor } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

import { MAX_BATCH_EVENTS } from "../../schemas";
import { ingestUsageEvents } from "../../server/ingest-usage-events";
import { storeAnalyticsSummaries } from "../../server/store-analytics-summaries";
import type { ImportFormat, ImportProblem } from "../formats";
import { parseImport } from "../parse-import";
import { importUsageFileSchema, type ImportUsageFileInput } from "../schemas";

export type ImportResult =
  | {
      ok: true;
      format: ImportFormat;
      received: number;
      inserted: number;
      duplicates: number;
      /** Analytics summaries: days stored as organisation-level facts (new, or replacing the day's earlier figures). */
      summaryDays?: { days: number; inserted: number; replaced: number };
      notes: string[];
    }
  | { ok: false; format: ImportFormat; problems: ImportProblem[] };

/** A large file is many batches; the whole import is still one transaction. */
const IMPORT_TX = { maxWait: 15_000, timeout: 10 * 60_000 };

async function runImport(programmeId: string, actor: AuditActor, input: { format: ImportFormat; text: string }): Promise<ImportResult> {
  const parsed = parseImport(input.format, input.text);
  if (!parsed.ok) return { ok: false, format: input.format, problems: parsed.problems };
  const counts = await db.$transaction(async (tx) => {
    const total = { received: 0, inserted: 0, duplicates: 0 };
    for (let at = 0; at < parsed.events.length; at += MAX_BATCH_EVENTS) {
      const r = await ingestUsageEvents(tx, programmeId, parsed.events.slice(at, at + MAX_BATCH_EVENTS), `import:${input.format}`);
      total.received += r.received;
      total.inserted += r.inserted;
      total.duplicates += r.duplicates;
    }
    const summaryDays = parsed.summaries ? await storeAnalyticsSummaries(tx, programmeId, parsed.summaries, "import") : undefined;
    await appendAudit(tx, {
      programmeId,
      actor,
      action: "usage.import",
      entityType: "UsageImport",
      entityId: null,
      after: { format: input.format, ...total, ...(summaryDays ? { summaryDays } : {}) },
    });
    return { ...total, ...(summaryDays ? { summaryDays } : {}) };
  }, IMPORT_TX);
  return { ok: true, format: input.format, ...counts, notes: parsed.notes };
}

/**
 * Imports a usage file for a programme (programme managers: "programme.update"). All or nothing: a
 * problem anywhere in the file imports nothing and returns every problem; otherwise the events are
 * ingested in batches inside one transaction, with one `usage.import` audit event. Importing the same
 * file again inserts nothing (external ids are derived from each record's identity).
 */
export async function importUsageFile(actor: Actor, raw: ImportUsageFileInput): Promise<ImportResult> {
  const input = importUsageFileSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "programme.update");
  return runImport(access.programme.id, auditActor(actor), input);
}

/** Operator variant for the CLI: database access, no signed-in user, so it takes an audit actor. */
export async function importUsageFileAsOperator(actor: AuditActor, raw: ImportUsageFileInput): Promise<ImportResult> {
  const input = importUsageFileSchema.parse(raw);
  const programme = await db.programme.findUnique({ where: { slug: input.programmeSlug }, select: { id: true } });
  if (!programme) throw new NotFoundError(`No programme with the slug "${input.programmeSlug}".`);
  return runImport(programme.id, actor, input);
}
