// applyMigrations against a real PostgreSQL. DATABASE_URL is shared with the other integration
// test files, so it is only migrated (idempotent); everything destructive happens in databases
// this file creates on the same server and drops afterwards.
import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startEmbeddedPostgres } from "../../src/server/db/embedded";
import { applyMigrations, readLocalMigrations, sha256Hex } from "../../src/server/db/migrations";
import { withClient } from "../support/pg";

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma", "migrations");
const sharedUrl = process.env.DATABASE_URL ?? "";

const created: string[] = [];
let tempDir = "";

/** The URL of `database` on DATABASE_URL's server. */
function urlFor(database: string): string {
  const url = new URL(sharedUrl);
  url.pathname = `/${database}`;
  url.searchParams.delete("schema");
  return url.toString();
}

/** `npm test` says which kind of server it gave us: a real PostgreSQL, or embedded PGlite (one database per server). */
const embedded = process.env.TEST_DB_KIND === "embedded";
const embeddedServers: { stop(): Promise<void> }[] = [];

async function freshDatabase(): Promise<string> {
  if (embedded) {
    const server = await startEmbeddedPostgres();
    embeddedServers.push(server);
    return server.url;
  }
  const name = `gh_mig_${randomBytes(6).toString("hex")}`;
  await withClient(urlFor("postgres"), (client) => client.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  return urlFor(name);
}

/** A copy of prisma/migrations that a test may edit. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tempDir, "migrations-"));
  await cp(migrationsDir, dir, { recursive: true });
  return dir;
}

const quiet = { log: () => {} };

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), "gh-mig-test-"));
});

afterAll(async () => {
  for (const server of embeddedServers) await server.stop();
  if (created.length > 0)
    await withClient(urlFor("postgres"), async (client) => {
      for (const name of created) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

describe("applyMigrations", () => {
  it("brings DATABASE_URL up to date, and a second run applies nothing", async () => {
    const local = await readLocalMigrations(migrationsDir);
    await applyMigrations(sharedUrl, quiet); // may apply nothing: the test runner migrates it first
    expect((await applyMigrations(sharedUrl, quiet)).applied).toEqual([]);
    const rows = await withClient(sharedUrl, async (client) => {
      const result = await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      return result.rows.map((row) => row.migration_name);
    });
    expect(rows).toEqual(expect.arrayContaining(local.map((migration) => migration.name)));
  });

  it("applies every migration to an empty database, in order, recording them as Prisma does", async () => {
    const url = await freshDatabase();
    const local = await readLocalMigrations(migrationsDir);
    expect(local.length).toBeGreaterThanOrEqual(2);
    const logged: string[] = [];

    const first = await applyMigrations(url, { log: (msg) => logged.push(msg) });
    expect(first.applied).toEqual(local.map((migration) => migration.name));
    expect(logged).toHaveLength(local.length);
    expect((await applyMigrations(url, quiet)).applied).toEqual([]);

    const rows = await withClient(url, async (client) => {
      const result = await client.query<{
        id: string;
        checksum: string;
        migration_name: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
        applied_steps_count: number;
        logs: string | null;
      }>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`);
      return result.rows;
    });
    expect(rows.map((row) => row.migration_name)).toEqual(local.map((migration) => migration.name));
    for (const [i, row] of rows.entries()) {
      const file = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(sha256Hex(file));
      expect(row.checksum).toBe(local[i]?.checksum);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
    }
  });

  it("is safe when two processes migrate at once (advisory lock)", async () => {
    const url = await freshDatabase();
    const local = await readLocalMigrations(migrationsDir);
    const [a, b] = await Promise.all([applyMigrations(url, quiet), applyMigrations(url, quiet)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(local.map((migration) => migration.name));
  });

  it("refuses to run when an applied migration was edited, but accepts CRLF line endings", async () => {
    const url = await freshDatabase();
    await applyMigrations(url, quiet);
    const [init] = await readLocalMigrations(migrationsDir);
    if (!init) throw new Error("no migrations");

    const crlf = await copyOfMigrations();
    const crlfFile = path.join(crlf, init.name, "migration.sql");
    await writeFile(crlfFile, init.sql.replaceAll("\n", "\r\n"));
    expect((await applyMigrations(url, { ...quiet, migrationsDir: crlf })).applied).toEqual([]);

    const edited = await copyOfMigrations();
    await writeFile(path.join(edited, init.name, "migration.sql"), `${init.sql}\n-- an innocent-looking edit\n`);
    const attempt = applyMigrations(url, { ...quiet, migrationsDir: edited });
    await expect(attempt).rejects.toThrow(/edited after being applied/);
    await expect(attempt).rejects.toThrow(init.name);
  });

  it("rolls back a failing migration entirely and records nothing", async () => {
    const url = await freshDatabase();
    const dir = await copyOfMigrations();
    const name = "29991231235959_broken";
    await writeFile(path.join(dir, "README.txt"), "stray files next to the folders are ignored");
    await mkdir(path.join(dir, name));
    await writeFile(
      path.join(dir, name, "migration.sql"),
      'CREATE TABLE "HalfDone" ("id" INTEGER);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INTEGER;\n',
    );

    const attempt = applyMigrations(url, { ...quiet, migrationsDir: dir });
    await expect(attempt).rejects.toThrow(/29991231235959_broken failed and was rolled back/);
    await expect(attempt).rejects.toThrow(/NoSuchTable/);
    await withClient(url, async (client) => {
      const table = await client.query(`SELECT to_regclass('"HalfDone"') AS t`);
      expect(table.rows[0]?.t).toBeNull();
      const rows = await client.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [name]);
      expect(rows.rowCount).toBe(0);
    });
    // The earlier migrations stay applied.
    expect((await applyMigrations(url, quiet)).applied).toEqual([]);
  });

  it("refuses to run after a failed migration until it is marked rolled back", async () => {
    const url = await freshDatabase();
    await applyMigrations(url, quiet);
    await withClient(url, (client) =>
      client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count)
         VALUES ($1, $2, '20990101000000_crashed', 'boom', now(), 0)`,
        ["00000000-0000-4000-8000-000000000000", "0".repeat(64)],
      ),
    );
    await expect(applyMigrations(url, quiet)).rejects.toThrow(/20990101000000_crashed[\s\S]*boom/);
    await withClient(url, (client) =>
      client.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '20990101000000_crashed'`),
    );
    expect((await applyMigrations(url, quiet)).applied).toEqual([]);
  });

  it("makes AuditEvent append-only: UPDATE, DELETE and TRUNCATE are refused", async () => {
    const url = await freshDatabase();
    await applyMigrations(url, quiet);
    await withClient(url, async (client) => {
      await client.query(
        `INSERT INTO "AuditEvent" ("chain", "seq", "actorLabel", "action", "entityType", "createdAt", "prevHash", "hash")
         VALUES ('system', 1, 'test', 'test.created', 'Test', now(), '', 'h1')`,
      );
      for (const [op, sql] of [
        ["UPDATE", `UPDATE "AuditEvent" SET "action" = 'tampered'`],
        ["DELETE", `DELETE FROM "AuditEvent"`],
        ["TRUNCATE", `TRUNCATE "AuditEvent"`],
      ] as const) {
        await expect(client.query(sql)).rejects.toMatchObject({
          code: "42501",
          message: `AuditEvent is append-only: ${op} refused`,
        });
      }
      const rows = await client.query<{ action: string }>(`SELECT "action" FROM "AuditEvent"`);
      expect(rows.rows).toEqual([{ action: "test.created" }]);
    });
  });
});
