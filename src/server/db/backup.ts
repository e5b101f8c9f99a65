/**
 * Logical backup and restore of the whole Gatehouse database (decision record 022): works the same
 * against PostgreSQL and the embedded PGlite server, whatever their versions, with no pg_dump.
 *
 * Backup: one REPEATABLE READ, READ ONLY transaction (one snapshot: every table as of the same instant)
 * reads the applied migrations and every table of the schema as row JSON (`row_to_json`, PostgreSQL's
 * own text forms, so every type round-trips exactly), in foreign-key order, into a gzip'd JSON Lines file:
 * a header (format, migrations with checksums, tables and columns), one line per row, and a trailer
 * with each table's row count (a truncated file is refused).
 *
 * Restore: into an empty database only. The schema is made by the migrations the backup lists (the
 * same files, checked by checksum), the rows are inserted in one transaction with
 * `json_populate_recordset` in foreign-key order, and then any newer migrations of this code run on
 * top. Only INSERTs are used: the audit trail's append-only triggers (which refuse UPDATE, DELETE and
 * TRUNCATE) stay on throughout, and its hash chain is restored byte for byte. A foreign-key cycle is
 * broken at a nullable column (inserted as NULL, then set); sequences are moved past the restored ids.
 */
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";

import { applyMigrations, checksumMatches, defaultMigrationsDir, MIGRATIONS_TABLE, readLocalMigrations } from "./migrations";

const FORMAT = "gatehouse-backup";
const VERSION = 1;
const BATCH = 500;

const q = (ident: string) => `"${ident.replaceAll('"', '""')}"`;

interface TablePlan {
  name: string;
  columns: string[];
  /** Nullable foreign-key columns inserted as NULL and set after every row is in (they close a cycle). */
  deferred: string[];
  primaryKey: string[];
}

interface Header {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  server: string;
  migrations: { name: string; checksum: string }[];
  tables: TablePlan[];
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
  migrations: number;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // a dropped connection fails the pending query instead of crashing the process
  await client.connect();
  return client;
}

/** Every table of the public schema but the migrations table, with columns, primary key and foreign keys. */
async function readSchema(client: pg.Client) {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1 ORDER BY c.relname`,
      [MIGRATIONS_TABLE],
    )
  ).rows.map((r) => r.name);
  const columns = await client.query<{ table: string; column: string; nullable: boolean }>(
    `SELECT c.relname AS table, a.attname AS column, NOT a.attnotnull AS nullable
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY c.relname, a.attnum`,
  );
  const keys = await client.query<{ table: string; kind: string; ref: string | null; columns: string[] }>(
    `SELECT c.relname AS table, k.contype AS kind, r.relname AS ref,
            array(SELECT a.attname FROM unnest(k.conkey) AS u(n) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n)::text[] AS columns
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_class r ON r.oid = k.confrelid
     WHERE n.nspname = 'public' AND k.contype IN ('p', 'f')`,
  );
  return { tables, columns: columns.rows, keys: keys.rows };
}

/**
 * Tables in an order where each comes after the tables it references. A cycle (or a table referencing
 * itself) is broken at a nullable foreign key: its columns are deferred (inserted NULL, set afterwards).
 */
function plan(schema: Awaited<ReturnType<typeof readSchema>>): TablePlan[] {
  const nullable = new Set(schema.columns.filter((c) => c.nullable).map((c) => `${c.table}.${c.column}`));
  const fks = schema.keys.filter((k) => k.kind === "f" && k.ref !== null && schema.tables.includes(k.table));
  const deferred = new Map<string, Set<string>>();
  const defer = (k: (typeof fks)[number]) => {
    const set = deferred.get(k.table) ?? new Set<string>();
    for (const c of k.columns) set.add(c);
    deferred.set(k.table, set);
  };
  // A table referencing itself: its rows may point at rows later in the file.
  for (const k of fks.filter((k) => k.ref === k.table)) {
    if (!k.columns.every((c) => nullable.has(`${k.table}.${c}`)))
      throw new Error(`Cannot back up ${k.table}: it references itself through a column that cannot be NULL.`);
    defer(k);
  }
  let edges = fks.filter((k) => k.ref !== k.table);
  const order: string[] = [];
  const left = new Set(schema.tables);
  while (left.size > 0) {
    const ready = [...left].filter((t) => !edges.some((e) => e.table === t && left.has(e.ref!)));
    if (ready.length > 0) {
      for (const t of ready.sort()) {
        order.push(t);
        left.delete(t);
      }
      continue;
    }
    // A cycle: defer one nullable foreign key among the tables left, and go on.
    const breakable = edges.find((e) => left.has(e.table) && left.has(e.ref!) && e.columns.every((c) => nullable.has(`${e.table}.${c}`)));
    if (!breakable)
      throw new Error(`Cannot order tables for a backup: a foreign-key cycle among ${[...left].join(", ")} has no nullable column.`);
    defer(breakable);
    edges = edges.filter((e) => e !== breakable);
  }
  return order.map((name) => ({
    name,
    columns: schema.columns.filter((c) => c.table === name).map((c) => c.column),
    deferred: [...(deferred.get(name) ?? [])].sort(),
    primaryKey: schema.keys.find((k) => k.kind === "p" && k.table === name)?.columns ?? [],
  }));
}

/** Writes one line, waiting for the stream to drain when its buffer is full. */
async function writeLine(out: NodeJS.WritableStream, value: unknown) {
  if (!out.write(JSON.stringify(value) + "\n")) await once(out, "drain");
}

/** Backs up the whole database at `url` to `file` (gzip'd JSON Lines), from one consistent snapshot. */
export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  const client = await connect(url);
  const gzip = createGzip();
  const sink = createWriteStream(file, { flags: "wx", mode: 0o600 });
  const done = pipeline(gzip, sink);
  let rows = 0;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const server = (await client.query<{ v: string }>("SELECT version() AS v")).rows[0]!.v;
    const migrations = (
      await client.query<{ name: string; checksum: string }>(
        `SELECT migration_name AS name, checksum FROM ${q(MIGRATIONS_TABLE)}
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows;
    const tables = plan(await readSchema(client));
    const header: Header = { format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), server, migrations, tables };
    await writeLine(gzip, header);
    const counts: Record<string, number> = {};
    for (const t of tables) {
      counts[t.name] = 0;
      const order = t.primaryKey.length ? ` ORDER BY ${t.primaryKey.map(q).join(", ")}` : "";
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${q(t.name)} t${order}`);
      for (;;) {
        const batch = await client.query<{ r: string }>(`FETCH ${BATCH} FROM backup_rows`);
        for (const { r } of batch.rows) {
          if (!gzip.write(`{"t":${JSON.stringify(t.name)},"r":${r}}\n`)) await once(gzip, "drain");
        }
        counts[t.name]! += batch.rows.length;
        if (batch.rows.length < BATCH) break;
      }
      await client.query("CLOSE backup_rows");
      rows += counts[t.name]!;
    }
    await writeLine(gzip, { end: true, counts });
    await client.query("COMMIT");
    gzip.end();
    await done;
    return { file, tables: tables.length, rows, bytes: sink.bytesWritten, migrations: migrations.length };
  } catch (e) {
    gzip.destroy();
    await done.catch(() => {});
    await rm(file, { force: true });
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Tables of the public schema (but the migrations table) that hold at least one row, with a count. */
async function nonEmptyTables(client: pg.Client): Promise<{ name: string; rows: number }[]> {
  const { tables } = await readSchema(client);
  const out: { name: string; rows: number }[] = [];
  for (const t of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${q(t)} LIMIT 1000) x`);
    const n = Number(rows[0]!.n);
    if (n > 0) out.push({ name: t, rows: n });
  }
  return out;
}

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RestoreRefusedError";
  }
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  migrations: number;
  newerMigrations: string[];
}

/**
 * Restores `file` into the empty database at `url`: the backup's migrations, its rows (one
 * transaction), then this code's newer migrations. Refuses a database that holds any row.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  opts: { migrationsDir?: string; log?: (msg: string) => void } = {},
): Promise<RestoreSummary> {
  const log = opts.log ?? (() => {});
  const migrationsDir = opts.migrationsDir ?? defaultMigrationsDir();
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const first = await lines.next().catch((e: unknown) => {
    throw new RestoreRefusedError(`${file} is not a Gatehouse backup (not a gzip'd file: ${(e as Error).message}).`);
  });
  let header: Header;
  try {
    header = JSON.parse(String(first.value)) as Header;
  } catch {
    throw new RestoreRefusedError(`${file} is not a Gatehouse backup (its first line is not JSON).`);
  }
  if (header.format !== FORMAT) throw new RestoreRefusedError(`${file} is not a Gatehouse backup.`);
  if (header.version !== VERSION)
    throw new RestoreRefusedError(`${file} is a backup of format version ${header.version}; this Gatehouse reads ${VERSION}.`);

  // The schema: exactly the migrations the backup was taken at, from this code's files (same checksums).
  const local = await readLocalMigrations(migrationsDir);
  const byName = new Map(local.map((m) => [m.name, m]));
  for (const m of header.migrations) {
    const mine = byName.get(m.name);
    if (!mine)
      throw new RestoreRefusedError(
        `The backup was made by a newer Gatehouse: migration ${m.name} is not in ${migrationsDir}. Update Gatehouse, then restore.`,
      );
    if (mine.checksum !== m.checksum && !checksumMatches(mine.sql, m.checksum))
      throw new RestoreRefusedError(
        `Migration ${m.name} differs from the one the backup was taken with; restore with the matching Gatehouse version.`,
      );
  }

  const client = await connect(url);
  try {
    const busy = await nonEmptyTables(client);
    if (busy.length > 0)
      throw new RestoreRefusedError(
        `The database is not empty: ${busy.length} table${busy.length === 1 ? "" : "s"} hold rows (${busy
          .slice(0, 5)
          .map((t) => `${t.name}: ${t.rows >= 1000 ? "1,000+" : t.rows}`)
          .join(
            ", ",
          )}${busy.length > 5 ? ", …" : ""}). Restore only into an empty database: create a new one (or move .gatehouse/ aside), then restore.`,
      );
    const applied = (
      await client
        .query<{ name: string }>(
          `SELECT migration_name AS name FROM ${q(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .catch(() => ({ rows: [] as { name: string }[] }))
    ).rows.map((r) => r.name);
    const wanted = new Set(header.migrations.map((m) => m.name));
    const beyond = applied.filter((n) => !wanted.has(n));
    if (beyond.length > 0)
      throw new RestoreRefusedError(
        `The empty database is already migrated past the backup (${beyond.join(", ")}); restore into a new, unmigrated database.`,
      );

    // 1. The backup's migrations only (a folder holding just those), so the rows land in the schema they were read from.
    const dir = await mkdtemp(path.join(tmpdir(), "gatehouse-restore-"));
    try {
      for (const m of header.migrations) await cp(path.dirname(byName.get(m.name)!.file), path.join(dir, m.name), { recursive: true });
      await applyMigrations(url, { migrationsDir: dir, log });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    // 2. The rows, in one transaction, in the backup's foreign-key order.
    const plans = new Map(header.tables.map((t) => [t.name, t]));
    const later: { table: TablePlan; rows: Record<string, unknown>[] }[] = [];
    const counts: Record<string, number> = {};
    let trailer: Record<string, number> | null = null;
    await client.query("BEGIN");
    try {
      let table: TablePlan | null = null;
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        if (!table || batch.length === 0) return;
        const t: TablePlan = table;
        const cols = t.columns.map(q).join(", ");
        const values = t.deferred.length
          ? batch.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, t.deferred.includes(k) ? null : v])))
          : batch;
        await client.query(`INSERT INTO ${q(t.name)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${q(t.name)}, $1::json)`, [
          JSON.stringify(values),
        ]);
        if (t.deferred.length) later.push({ table: t, rows: batch });
        counts[t.name] = (counts[t.name] ?? 0) + batch.length;
        batch = [];
      };
      for (;;) {
        const next = await lines.next();
        if (next.done) break;
        const line = String(next.value);
        if (line.trim() === "") continue;
        const item = JSON.parse(line) as { t?: string; r?: Record<string, unknown>; end?: true; counts?: Record<string, number> };
        if (item.end) {
          trailer = item.counts ?? {};
          break;
        }
        const t = plans.get(item.t ?? "");
        if (!t || !item.r) throw new RestoreRefusedError(`The backup names a table it did not declare (${String(item.t)}).`);
        if (t !== table) {
          await flush();
          table = t;
        }
        batch.push(item.r);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      if (!trailer)
        throw new RestoreRefusedError(`${file} is cut short (no end marker): it was not written completely. Nothing was restored.`);
      for (const t of header.tables)
        if ((counts[t.name] ?? 0) !== (trailer[t.name] ?? 0))
          throw new RestoreRefusedError(
            `${file} is damaged: ${t.name} has ${counts[t.name] ?? 0} rows, its trailer says ${trailer[t.name]}.`,
          );

      // 3. The deferred foreign keys, now that every row they point at exists.
      for (const { table: t, rows } of later) {
        const set = t.deferred.map((c) => `${q(c)} = v.${q(c)}`).join(", ");
        const on = t.primaryKey.map((c) => `x.${q(c)} = v.${q(c)}`).join(" AND ");
        for (let i = 0; i < rows.length; i += BATCH)
          await client.query(`UPDATE ${q(t.name)} x SET ${set} FROM json_populate_recordset(NULL::${q(t.name)}, $1::json) v WHERE ${on}`, [
            JSON.stringify(rows.slice(i, i + BATCH)),
          ]);
      }
      // 4. Sequences (BIGSERIAL ids) continue after the restored rows.
      const seqs = await client.query<{ table: string; column: string; seq: string }>(
        `SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
           AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
      );
      for (const s of seqs.rows)
        await client.query(`SELECT setval($1, coalesce((SELECT max(${q(s.column)}) FROM ${q(s.table)}), 0) + 1, false)`, [s.seq]);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => {});
      throw e;
    }

    // 5. This code's newer migrations, on top of the restored rows.
    const { applied: newer } = await applyMigrations(url, { migrationsDir, log });
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    return { tables: header.tables.length, rows, migrations: header.migrations.length, newerMigrations: newer };
  } finally {
    await client.end().catch(() => {});
  }
}
