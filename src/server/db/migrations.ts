// Applies the SQL migrations in prisma/migrations/<timestamp>_<name>/migration.sql, the way
// `prisma migrate deploy` would, without Prisma's native schema engine (which cannot be downloaded
// here). The bookkeeping table `_prisma_migrations` is kept exactly as Prisma keeps it, so the two
// are interchangeable on a database: migrations applied here are "applied" for Prisma and
// vice versa.
//
// Used by scripts/db-migrate.ts, the embedded launcher and tests: keep this module free of Next.js
// and 'server-only' imports, and of devDependencies (scripts/db-diff.ts lives in schema-diff.ts).

import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export const MIGRATIONS_TABLE = "_prisma_migrations";

/** The advisory lock key `prisma migrate` itself takes, so we also exclude a concurrent Prisma CLI. */
export const MIGRATION_ADVISORY_LOCK_KEY = 72707369;

export interface LocalMigration {
  /** Folder name, e.g. `20251121093000_init`. */
  name: string;
  /** Absolute path of the migration.sql file. */
  file: string;
  /** The script, decoded as UTF-8. */
  sql: string;
  /** sha256 hex of the file's bytes: what Prisma stores in `_prisma_migrations.checksum`. */
  checksum: string;
}

export interface ApplyMigrationsOptions {
  /** Receives one line per applied migration, and warnings. */
  log?: (msg: string) => void;
  /** Defaults to `<process.cwd()>/prisma/migrations`. */
  migrationsDir?: string;
}

export function defaultMigrationsDir(rootDir: string = process.cwd()): string {
  return path.join(rootDir, "prisma", "migrations");
}

export function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Whether a migration script matches a checksum recorded in `_prisma_migrations`, with the same
 * tolerance as Prisma's schema engine: the file may have gained or lost CRLF line endings (git
 * autocrlf), and very old Prisma versions rendered the digest without zero-padding each byte.
 */
export function checksumMatches(script: Buffer | string, recorded: string): boolean {
  const text = typeof script === "string" ? script : script.toString("utf8");
  const candidates: Array<Buffer | string> = [script, text.replaceAll("\r\n", "\n"), text.replaceAll("\n", "\r\n")];
  return candidates.some((candidate) => {
    const digest = createHash("sha256").update(candidate).digest();
    const rendered = recorded.length === 64 ? digest.toString("hex") : Array.from(digest, (byte) => byte.toString(16)).join("");
    return rendered === recorded.toLowerCase();
  });
}

/**
 * The migrations on disk, sorted by folder name (the timestamp prefix makes that chronological).
 * A missing folder means no migrations. Every folder must contain a migration.sql.
 */
export async function readLocalMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  if (!existsSync(migrationsDir)) return [];
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const migrations: LocalMigration[] = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, "migration.sql");
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new Error(
        `Migration folder ${path.join(migrationsDir, name)} has no readable migration.sql (${errorMessage(error)}). ` +
          `Every folder under ${migrationsDir} must contain one.`,
      );
    }
    migrations.push({ name, file, sql: bytes.toString("utf8"), checksum: sha256Hex(bytes) });
  }
  return migrations;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

// Prisma's own DDL for the table (sql-schema-connector, postgres flavour).
const createMigrationsTable = (table: string) => `CREATE TABLE IF NOT EXISTS ${table} (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies pending migrations to the database at `connectionString`, each in its own transaction,
 * under a Postgres advisory lock. Works against PostgreSQL and against PGlite served by
 * pglite-socket. Refuses to run when an applied migration's file has been edited, or when a
 * previous migration failed and was not marked rolled back.
 */
export async function applyMigrations(connectionString: string, opts: ApplyMigrationsOptions = {}): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const migrationsDir = opts.migrationsDir ?? defaultMigrationsDir();
  // Read (and validate) the files before touching the database.
  const local = await readLocalMigrations(migrationsDir);

  const client = new pg.Client({ connectionString });
  // A connection that drops mid-way emits 'error' on the client; without a listener that would
  // crash the process instead of failing the pending query.
  let connectionError: unknown;
  client.on("error", (error) => {
    connectionError = error;
  });
  await client.connect();
  let locked = false;
  try {
    // Prisma honours ?schema=... in the URL (creating the schema if needed); do the same. Not with
    // a session-wide SET search_path: behind pglite-socket every client shares one session, so
    // that would redirect the app's queries too. Qualify the table, SET LOCAL in each migration.
    const schema = schemaFromUrl(connectionString);
    const table = schema ? `${quoteIdent(schema)}.${quoteIdent(MIGRATIONS_TABLE)}` : quoteIdent(MIGRATIONS_TABLE);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);

    const got = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [MIGRATION_ADVISORY_LOCK_KEY]);
    if (!got.rows[0]?.locked) {
      log("Another process is applying migrations; waiting for it to finish...");
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_ADVISORY_LOCK_KEY]);
    }
    locked = true;

    await client.query(createMigrationsTable(table));
    const { rows } = await client.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM ${table} ORDER BY started_at, migration_name`,
    );

    const failed = rows.filter((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed.length > 0) {
      const details = failed
        .map((row) => `  - ${row.migration_name}${row.logs ? `\n${indent(row.logs.trim(), "      ")}` : ""}`)
        .join("\n");
      throw new Error(
        `Refusing to migrate: ${failed.length === 1 ? "a previous migration" : "previous migrations"} failed and ` +
          `${failed.length === 1 ? "is" : "are"} not marked rolled back in "${MIGRATIONS_TABLE}":\n${details}\n` +
          `Repair the database by hand (finish or undo what the migration did), then mark it rolled back with\n` +
          `  UPDATE ${table} SET rolled_back_at = now() WHERE migration_name = '<name>' AND finished_at IS NULL;\n` +
          `(what \`prisma migrate resolve --rolled-back <name>\` does) and run the migrations again.`,
      );
    }

    const applied = rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null);
    const appliedNames = new Set(applied.map((row) => row.migration_name));
    const localByName = new Map(local.map((migration) => [migration.name, migration]));

    const edited: string[] = [];
    for (const row of applied) {
      const migration = localByName.get(row.migration_name);
      if (!migration) {
        log(`Warning: migration ${row.migration_name} is recorded as applied in the database but is missing from ${migrationsDir}.`);
        continue;
      }
      if (migration.checksum !== row.checksum && !checksumMatches(migration.sql, row.checksum)) {
        edited.push(row.migration_name);
      }
    }
    if (edited.length > 0) {
      throw new Error(
        `Refusing to migrate: ${edited.length === 1 ? "this migration was" : "these migrations were"} edited after ` +
          `being applied (the checksum of migration.sql no longer matches "${MIGRATIONS_TABLE}"):\n` +
          edited.map((name) => `  - ${name}`).join("\n") +
          `\nApplied migrations must not change: restore the original file(s) (e.g. from git) and put the change ` +
          `in a new migration (npm run db:diff -- <name>).`,
      );
    }

    const pending = local.filter((migration) => !appliedNames.has(migration.name));
    const done: string[] = [];
    for (const migration of pending) {
      const started = Date.now();
      try {
        await client.query("BEGIN");
        if (schema) await client.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
        // Another process may have applied it meanwhile if the advisory lock is not exclusive
        // (PGlite behind pglite-socket has a single session, so every client shares the lock).
        // Its transactions are serialized, so this check inside ours closes that gap.
        const again = await client.query(
          `SELECT 1 FROM ${table} WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          [migration.name],
        );
        if (again.rowCount) {
          await client.query("ROLLBACK");
          continue;
        }
        const id = randomUUID();
        await client.query(
          `INSERT INTO ${table} (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
          [id, migration.checksum, migration.name],
        );
        // No parameters: pg uses the simple query protocol, which runs multi-statement scripts.
        await client.query(migration.sql);
        await client.query(`UPDATE ${table} SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw new Error(
          `Migration ${migration.name} failed and was rolled back (nothing from it was applied): ` +
            `${describePgError(connectionError ?? error, migration.sql)}\n  file: ${migration.file}`,
          { cause: error },
        );
      }
      done.push(migration.name);
      log(`Applied migration ${migration.name} (${Date.now() - started} ms)`);
    }
    return { applied: done };
  } finally {
    if (locked) {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_ADVISORY_LOCK_KEY]).catch(() => {});
    }
    await client.end().catch(() => {});
  }
}

function schemaFromUrl(connectionString: string): string | undefined {
  try {
    return new URL(connectionString).searchParams.get("schema") ?? undefined;
  } catch {
    return undefined; // not a URL (e.g. a key=value string): pg parses it, there is no schema param
  }
}

function quoteIdent(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => prefix + line)
    .join("\n");
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The Postgres error message with its detail, hint and the line it points at, when available. */
function describePgError(error: unknown, sql: string): string {
  const parts = [errorMessage(error)];
  if (error && typeof error === "object") {
    const { code, detail, hint, position } = error as {
      code?: unknown;
      detail?: unknown;
      hint?: unknown;
      position?: unknown;
    };
    if (typeof code === "string") parts[0] += ` (SQLSTATE ${code})`;
    if (typeof detail === "string" && detail) parts.push(`detail: ${detail}`);
    if (typeof hint === "string" && hint) parts.push(`hint: ${hint}`);
    const offset = typeof position === "string" ? Number.parseInt(position, 10) : Number.NaN;
    if (Number.isInteger(offset) && offset > 0 && offset <= sql.length + 1) {
      const line = sql.slice(0, offset - 1).split("\n").length;
      parts.push(`at line ${line}: ${sql.split("\n")[line - 1]?.trim() ?? ""}`);
    }
  }
  return parts.join("\n  ");
}
