/**
 * The inventory's CSV format (RFC 4180, comma-separated, UTF-8, header on line 1), written and read
 * with papaparse. Export writes every column; import reads the writable ones and ignores the
 * derived ones (rank, score, dates), so an exported file imports as it is.
 */
import Papa from "papaparse";

import { USE_CASE_STATUSES, type UseCaseStatus } from "@/domain/enums";

export const CSV_COLUMNS = [
  { key: "title", header: "title", writable: true, required: true },
  { key: "businessFunction", header: "business_function", writable: true, required: true },
  { key: "description", header: "description", writable: true, required: false },
  { key: "businessValue", header: "business_value", writable: true, required: true },
  { key: "complexity", header: "complexity", writable: true, required: true },
  { key: "priorityScore", header: "priority_score", writable: false, required: false },
  { key: "rank", header: "rank", writable: false, required: false },
  { key: "status", header: "status", writable: true, required: false },
  { key: "successCriteria", header: "success_criteria", writable: true, required: false },
  { key: "businessSponsor", header: "business_sponsor", writable: true, required: false },
  { key: "ownerEmail", header: "owner_email", writable: true, required: false },
  { key: "ownerName", header: "owner_name", writable: false, required: false },
  { key: "claudeProduct", header: "claude_product", writable: true, required: false },
  { key: "model", header: "model", writable: true, required: false },
  { key: "dataSensitivity", header: "data_sensitivity", writable: true, required: false },
  { key: "pocStartedAt", header: "poc_started_at", writable: false, required: false },
  { key: "createdAt", header: "created_at", writable: false, required: false },
  { key: "updatedAt", header: "updated_at", writable: false, required: false },
] as const;
export type CsvColumnKey = (typeof CSV_COLUMNS)[number]["key"];
export type CsvRecord = Partial<Record<CsvColumnKey, string>>;

/** Human names of the columns, for messages about a row ("business_value: …"). */
export const CSV_HEADER_OF = Object.fromEntries(CSV_COLUMNS.map((c) => [c.key, c.header])) as Record<CsvColumnKey, string>;

/** Writes the inventory; values a spreadsheet would run as a formula (=, +, -, @) are prefixed with ' . */
export function toCsv(rows: readonly Record<CsvColumnKey, string | number | null>[]): string {
  return Papa.unparse(
    { fields: CSV_COLUMNS.map((c) => c.header), data: rows.map((r) => CSV_COLUMNS.map((c) => r[c.key] ?? "")) },
    { escapeFormulae: true, newline: "\r\n" },
  );
}

const normaliseHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
/** Undoes the export's formula escaping. */
const unescapeFormula = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

export interface ParsedCsv {
  /** Problems with the file as a whole (its header, its syntax), each with a line number. */
  fileProblems: { line: number; reasons: string[] }[];
  rows: { line: number; record: CsvRecord; cellCount: number }[];
  /** How many columns the header names. */
  headerLength: number;
}

/** Reads a CSV file; each row keeps the line it starts on (the header is line 1; quoted values may span lines). */
export function parseCsv(text: string): ParsedCsv {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const records: { line: number; cells: string[] }[] = [];
  const syntax: { line: number; reasons: string[] }[] = [];
  let start = 0;
  let lines = 1;
  Papa.parse<string[]>(source, {
    delimiter: ",",
    newline: "\n",
    skipEmptyLines: false,
    step: (r) => {
      const end = r.meta.cursor;
      const line = lines;
      lines += (source.slice(start, end).match(/\n/g) ?? []).length;
      start = end;
      if (r.errors.length > 0) syntax.push({ line, reasons: r.errors.map((e) => `The CSV cannot be read here: ${e.message}.`) });
      records.push({ line, cells: r.data });
    },
  });
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const header = nonEmpty[0];
  if (!header || header.line !== 1)
    return {
      fileProblems: [{ line: 1, reasons: ["Line 1 must be the header row (title, business_function, business_value, complexity, …)."] }],
      rows: [],
      headerLength: 0,
    };

  const headerReasons: string[] = [];
  const columns = header.cells.map((h) => {
    const name = normaliseHeader(h);
    const column = CSV_COLUMNS.find((c) => c.header === name);
    if (!column && name !== "") headerReasons.push(`Unknown column '${h.trim()}'. Use the columns of an exported file.`);
    return column ?? null;
  });
  for (const c of CSV_COLUMNS) {
    const count = columns.filter((x) => x?.key === c.key).length;
    if (c.required && count === 0) headerReasons.push(`The column '${c.header}' is missing.`);
    if (count > 1) headerReasons.push(`The column '${c.header}' appears more than once.`);
  }
  const fileProblems = [...(headerReasons.length ? [{ line: 1, reasons: headerReasons }] : []), ...syntax];

  const rows = nonEmpty.slice(1).map(({ line, cells }) => {
    const record: CsvRecord = {};
    columns.forEach((c, i) => {
      if (c?.writable && cells[i] !== undefined) record[c.key] = unescapeFormula(cells[i]!);
    });
    return { line, record, cellCount: cells.length };
  });
  return { fileProblems, rows, headerLength: columns.length };
}

/** Status as written by people: "Shortlisted", "poc", "PARKED". */
export function parseStatus(v: string | undefined): UseCaseStatus | string | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  const s = v
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  return (USE_CASE_STATUSES as readonly string[]).includes(s) ? (s as UseCaseStatus) : v.trim();
}
