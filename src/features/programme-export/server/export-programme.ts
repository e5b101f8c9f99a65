import "server-only";

import { strToU8, zipSync } from "fflate";

import { GATE_KEYS } from "@/domain/enums";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { loadGateRecord } from "@/features/gates/server/get-gate-record";
import { renderGateRecordPdf } from "@/features/gates/server/render-gate-record-pdf";
import { appendAudit } from "@/server/audit";
import { auditActor, type Actor } from "@/server/auth/actor";
import { authorize, programmeAccessSelect, type ProgrammeAccess } from "@/server/authorization";
import { db } from "@/server/db";
import { NotFoundError } from "@/server/errors";

/** Columns that hold a secret or a credential's hash: left out of an export (nothing in it can sign in or decrypt). */
const SECRET_COLUMNS = new Set(["ciphertext", "tokenHash", "calendarTokenHash", "passwordHash", "requestHash"]);

const q = (ident: string) => `"${ident.replaceAll('"', '""')}"`;

interface ForeignKey {
  table: string;
  columns: string[];
  ref: string;
  refColumns: string[];
}

/**
 * Every table that holds the programme's records, with the SQL condition that picks them: a table with a
 * programmeId column directly; a table without one through its foreign key to a table already in the
 * programme (a gate's sign-offs, a workflow's versions, an evaluation's results…), to any depth. Read
 * from the database's catalog, so a table added later is exported without a change here.
 */
async function programmeTables(): Promise<Map<string, string>> {
  const columns = await db.$queryRawUnsafe<{ table: string; column: string }[]>(
    `SELECT c.relname AS table, a.attname AS column FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname NOT LIKE '\\_%'`,
  );
  const fks = await db.$queryRawUnsafe<ForeignKey[]>(
    `SELECT c.relname AS table, r.relname AS ref,
            array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i)::text[] AS columns,
            array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i)::text[] AS "refColumns"
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND k.contype = 'f'`,
  );
  const scope = new Map<string, string>([["Programme", `"id" = $1::uuid`]]);
  for (const { table, column } of columns) if (column === "programmeId") scope.set(table, `"programmeId" = $1::uuid`);
  for (let grew = true; grew;) {
    grew = false;
    for (const fk of fks) {
      if (scope.has(fk.table) || !scope.has(fk.ref) || fk.ref === fk.table) continue;
      const cols = fk.columns.map(q).join(", ");
      scope.set(fk.table, `(${cols}) IN (SELECT ${fk.refColumns.map(q).join(", ")} FROM ${q(fk.ref)} WHERE ${scope.get(fk.ref)})`);
      grew = true;
    }
  }
  return new Map([...scope.entries()].sort(([a], [b]) => a.localeCompare(b, "en")));
}

type ExportProgramme = ProgrammeAccess["programme"];

export interface ProgrammeExport {
  fileName: string;
  zip: Uint8Array;
  summary: { tables: number; records: number; gateRecords: number; auditEvents: number; auditHeadHash: string | null };
}

/**
 * The whole programme as a zip an organisation can keep: `programme.json` (every record of the
 * programme, table by table, and the members' names and emails; no secrets), each gate round's record
 * as the PDF the gate page offers, and `audit-chain.json` (the verified chain's length and head hash,
 * which `npm run cli -- audit verify` prints for the live database).
 */
async function buildExport(programme: ExportProgramme, now: Date): Promise<ProgrammeExport> {
  const scope = await programmeTables();
  const tables: Record<string, unknown[]> = {};
  let records = 0;
  for (const [table, where] of scope) {
    const rows = await db.$queryRawUnsafe<{ r: Record<string, unknown> }[]>(
      `SELECT row_to_json(t) AS r FROM ${q(table)} t WHERE ${where}`,
      programme.id,
    );
    tables[table] = rows.map(({ r }) => Object.fromEntries(Object.entries(r).filter(([k]) => !SECRET_COLUMNS.has(k))));
    records += rows.length;
  }
  const people = await db.user.findMany({
    where: { memberships: { some: { programmeId: programme.id } } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
  const chain = await verifyAuditChain(programme.id);
  const audit = chain.ok
    ? { ok: true, events: chain.events, headSeq: chain.headSeq, headHash: chain.headHash, verifiedAt: now.toISOString() }
    : { ok: false, events: chain.events, brokenAtSeq: chain.brokenAtSeq, reason: chain.reason, verifiedAt: now.toISOString() };

  const files: Record<string, Uint8Array> = {};
  const gates = await db.gate.findMany({ where: { programmeId: programme.id }, select: { key: true, round: true } });
  for (const key of GATE_KEYS) {
    const gate = gates.find((g) => g.key === key);
    if (!gate) continue;
    for (let round = 1; round <= gate.round; round++) {
      const record = await loadGateRecord(programme, key, round);
      files[`gate-records/${key.toLowerCase().replaceAll("_", "-")}-round-${round}.pdf`] = await renderGateRecordPdf(record);
    }
  }
  const body = {
    format: "gatehouse-programme-export",
    version: 1,
    exportedAt: now.toISOString(),
    programme: { id: programme.id, slug: programme.slug, name: programme.name, organisation: programme.organisation },
    auditChain: audit,
    people,
    tables,
  };
  files["programme.json"] = strToU8(JSON.stringify(body, null, 2));
  files["audit-chain.json"] = strToU8(JSON.stringify({ programme: programme.slug, ...audit }, null, 2));
  files["README.txt"] = strToU8(
    [
      `Gatehouse export of ${programme.name} (${programme.slug}), ${now.toISOString()}.`,
      "",
      "programme.json    every record of the programme, by table (secrets and credential hashes left out), and its members",
      "gate-records/     each gate round's record as a PDF: sign-off manifests, the evidence they signed, the decision",
      `audit-chain.json  the audit trail's verification: ${audit.events} events, ${chain.ok ? `head hash ${chain.headHash}` : "BROKEN"}`,
      "",
      "The audit events themselves are in programme.json (AuditEvent), each with its prevHash and hash: the chain can be",
      "recomputed from them and must end at the head hash above.",
    ].join("\n"),
  );
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([p, data]) => [`${programme.slug}-export/${p}`, data])), { level: 6 });
  return {
    fileName: `${programme.slug}-export-${now.toISOString().slice(0, 10)}.zip`,
    zip,
    summary: {
      tables: Object.keys(tables).length,
      records,
      gateRecords: Object.keys(files).filter((f) => f.endsWith(".pdf")).length,
      auditEvents: audit.events,
      auditHeadHash: chain.ok ? chain.headHash : null,
    },
  };
}

/** A programme manager downloads the programme's export; the download is audited. */
export async function exportProgramme(actor: Actor, programmeSlug: string, now = new Date()): Promise<ProgrammeExport> {
  const access = await authorize(actor, programmeSlug, "programme.update");
  const out = await buildExport(access.programme, now);
  await db.$transaction((tx) =>
    appendAudit(tx, {
      programmeId: access.programme.id,
      actor: auditActor(actor),
      action: "programme.export",
      entityType: "Programme",
      entityId: access.programme.id,
      after: { records: out.summary.records, gateRecords: out.summary.gateRecords, auditHeadHash: out.summary.auditHeadHash },
    }),
  );
  return out;
}

/** The same export for an operator (`npm run cli -- export --programme <slug>`): no member to authorize; audited as the CLI. */
export async function exportProgrammeAsOperator(
  operator: { id: null; label: string },
  programmeSlug: string,
  now = new Date(),
): Promise<ProgrammeExport> {
  const programme = await db.programme.findUnique({ where: { slug: programmeSlug }, select: programmeAccessSelect });
  if (!programme) throw new NotFoundError(`No programme with the slug "${programmeSlug}".`);
  const out = await buildExport(programme, now);
  await db.$transaction((tx) =>
    appendAudit(tx, {
      programmeId: programme.id,
      actor: operator,
      action: "programme.export",
      entityType: "Programme",
      entityId: programme.id,
      after: { records: out.summary.records, gateRecords: out.summary.gateRecords, auditHeadHash: out.summary.auditHeadHash },
    }),
  );
  return out;
}
