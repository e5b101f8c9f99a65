import "server-only";

import { USE_CASE_STATUS_LABELS } from "@/domain/enums";
import { isInFlight, MAX_IN_FLIGHT, POC_OR_LATER } from "@/domain/use-cases";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize } from "@/server/authorization";
import { db, type Tx } from "@/server/db";
import { RuleError } from "@/server/errors";

import { CSV_HEADER_OF, parseCsv, parseStatus, type CsvColumnKey, type CsvRecord } from "../csv";
import { importUseCasesSchema, MAX_IMPORT_ROWS, useCaseCsvRowSchema, type ImportUseCasesInput, type UseCaseCsvRow } from "../schemas";
import { inFlightUseCases, lockProgrammeForUseCases, useCaseAuditSelect } from "./use-case-state";

export interface ImportProblem {
  line: number;
  reasons: string[];
}

/** The file was refused: every bad row with its line number and reasons. Nothing was imported. */
export class ImportRejectedError extends RuleError {
  constructor(readonly problems: ImportProblem[]) {
    const rows = problems.length;
    super(
      `Nothing was imported: ${rows} ${rows === 1 ? "line has a problem" : "lines have problems"}. Fix ${rows === 1 ? "it" : "them"} and import the file again.`,
    );
  }
}

const blankToNull = (v: string | undefined) => (v === undefined || v.trim() === "" ? null : v);
const toScore = (v: string | undefined) =>
  v === undefined || v.trim() === "" ? undefined : /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;

/** A CSV record as the shared schema's input: text as given, scores as numbers, enums as written by people. */
function toRowInput(r: CsvRecord) {
  return {
    title: r.title ?? "",
    businessFunction: r.businessFunction ?? "",
    description: r.description ?? "",
    businessValue: toScore(r.businessValue),
    complexity: toScore(r.complexity),
    status: parseStatus(r.status),
    successCriteria: blankToNull(r.successCriteria),
    businessSponsor: blankToNull(r.businessSponsor),
    ownerEmail: blankToNull(r.ownerEmail),
    claudeProduct: blankToNull(r.claudeProduct),
    model: blankToNull(r.model),
    dataSensitivity: r.dataSensitivity?.trim() ? r.dataSensitivity.trim().toUpperCase() : "INTERNAL",
  };
}

type ValidRow = { line: number; row: UseCaseCsvRow; ownerId: string | null };

/**
 * Validates every row against the shared schema, the owner (a member, by email) and the status rules;
 * the in-flight limit counts the programme's use cases now in POC or pilot plus the file's.
 */
async function validate(
  client: Pick<Tx, "membership" | "useCase">,
  programmeId: string,
  csv: string,
): Promise<{ problems: ImportProblem[]; valid: ValidRow[] }> {
  const parsed = parseCsv(csv);
  const problems: ImportProblem[] = [...parsed.fileProblems];
  if (parsed.fileProblems.some((p) => p.line === 1)) return { problems, valid: [] };
  if (parsed.rows.length === 0) return { problems: [{ line: 2, reasons: ["The file has no use cases under its header."] }], valid: [] };
  if (parsed.rows.length > MAX_IMPORT_ROWS)
    return {
      problems: [{ line: 1, reasons: [`The file has ${parsed.rows.length} use cases; import at most ${MAX_IMPORT_ROWS} at a time.`] }],
      valid: [],
    };

  const members = await client.membership.findMany({ where: { programmeId }, select: { id: true, user: { select: { email: true } } } });
  const memberByEmail = new Map(members.map((m) => [m.user.email.toLowerCase(), m.id]));
  let inFlight = (await inFlightUseCases(client, programmeId)).length;

  const valid: ValidRow[] = [];
  for (const { line, record, cellCount } of parsed.rows) {
    const reasons: string[] = [];
    if (cellCount !== parsed.headerLength) reasons.push(`This row has ${cellCount} values; the header has ${parsed.headerLength} columns.`);
    const result = useCaseCsvRowSchema.safeParse(toRowInput(record));
    const issues = result.success ? [] : result.error.issues;
    for (const issue of issues) {
      const key = issue.path[0] as CsvColumnKey | undefined;
      reasons.push(key ? `${CSV_HEADER_OF[key] ?? String(key)}: ${issue.message}` : issue.message);
    }
    // The owner is checked even when other fields are bad, so one pass reports everything.
    const email = record.ownerEmail?.trim().toLowerCase();
    const ownerId = email ? (memberByEmail.get(email) ?? null) : null;
    if (email && !ownerId && !issues.some((i) => i.path[0] === "ownerEmail"))
      reasons.push(`owner_email: ${email} is not a member of this programme.`);
    if (result.success) {
      const row = result.data;
      if (POC_OR_LATER.includes(row.status)) {
        const missing = [!row.successCriteria && "success_criteria", !row.businessSponsor && "business_sponsor"].filter(Boolean);
        if (missing.length > 0)
          reasons.push(`status: a use case in ${USE_CASE_STATUS_LABELS[row.status]} needs ${missing.join(" and ")} (its POC has started).`);
      }
      if (isInFlight(row.status)) {
        inFlight += 1;
        if (inFlight > MAX_IN_FLIGHT)
          reasons.push(`status: at most three use cases can be in POC or pilot at once; this row would make ${inFlight}.`);
      }
      if (reasons.length === 0) valid.push({ line, row, ownerId });
    }
    if (reasons.length > 0) problems.push({ line, reasons });
  }
  problems.sort((a, b) => a.line - b.line);
  return { problems, valid };
}

/**
 * Imports use cases from CSV, all or nothing: any bad row and nothing is imported, and every bad row
 * is reported with its line number (the header is line 1) and reasons. Rows are checked before the
 * transaction and again inside it, after locking the programme (the in-flight limit, the owners).
 */
export async function importUseCases(actor: Actor, raw: ImportUseCasesInput, now = new Date()) {
  const input = importUseCasesSchema.parse(raw);
  const access = await authorize(actor, input.programmeSlug, "usecases.manage");
  const programmeId = access.programme.id;

  const first = await validate(db, programmeId, input.csv);
  if (first.problems.length > 0) throw new ImportRejectedError(first.problems);

  return db.$transaction(async (tx) => {
    await lockProgrammeForUseCases(tx, programmeId);
    const { problems, valid } = await validate(tx, programmeId, input.csv);
    if (problems.length > 0) throw new ImportRejectedError(problems);
    const who = auditActor(actor);
    const created: { id: string; title: string }[] = [];
    for (const { line, row, ownerId } of valid) {
      const { ownerEmail: _email, ...fields } = row;
      const useCase = await tx.useCase.create({
        data: { ...fields, programmeId, ownerId, pocStartedAt: POC_OR_LATER.includes(row.status) ? now : null },
        select: useCaseAuditSelect,
      });
      await appendAudit(tx, {
        programmeId,
        actor: who,
        action: "usecase.create",
        entityType: "UseCase",
        entityId: useCase.id,
        after: { ...useCase, source: `CSV import, line ${line}` },
      });
      created.push({ id: useCase.id, title: useCase.title });
    }
    await appendAudit(tx, {
      programmeId,
      actor: who,
      action: "usecase.import",
      entityType: "UseCase",
      after: { imported: created.length, titles: created.map((c) => c.title) },
    });
    return { imported: created.length, useCases: created };
  });
}

/**
 * The import as the form shows it: a refused file is an answer, not a failure — its bad rows come back
 * as data for the error list, and nothing was imported.
 */
export async function importUseCasesReport(
  actor: Actor,
  raw: ImportUseCasesInput,
): Promise<{ imported: number; problems: ImportProblem[]; message?: string }> {
  try {
    const r = await importUseCases(actor, raw);
    return { imported: r.imported, problems: [] };
  } catch (e) {
    if (e instanceof ImportRejectedError) return { imported: 0, problems: e.problems, message: e.message };
    throw e;
  }
}
