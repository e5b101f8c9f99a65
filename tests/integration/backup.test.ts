import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { makeProgramme, makeUser } from "@/demo/factories";
import { verifyChain, type StoredEvent } from "@/domain/audit-chain";
import { approveVersion, markCandidate, promoteVersion } from "@/features/workflows/server/labels";
import { recordManualEvaluation } from "@/features/workflows/server/manual-evaluation";
import { db } from "@/server/db";
import { backupDatabase, restoreDatabase, RestoreRefusedError } from "@/server/db/backup";
import { startEmbeddedPostgres } from "@/server/db/embedded";

import { withClient } from "../support/pg";
import { makeReadyWorkflow } from "../support/workflow-fixture";

const sharedUrl = process.env.DATABASE_URL ?? "";
const embedded = process.env.TEST_DB_KIND === "embedded";
const created: string[] = [];
const servers: { stop(): Promise<void> }[] = [];
let dir = "";

function urlFor(database: string): string {
  const url = new URL(sharedUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** An empty database on the same server (or a new embedded PGlite server, one database each). */
async function emptyDatabase(): Promise<string> {
  if (embedded) {
    const server = await startEmbeddedPostgres();
    servers.push(server);
    return server.url;
  }
  const name = `gh_restore_${randomBytes(6).toString("hex")}`;
  await withClient(urlFor("postgres"), (client) => client.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  return urlFor(name);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "gh-backup-test-"));
});
afterAll(async () => {
  for (const s of servers) await s.stop();
  for (const name of created)
    await withClient(urlFor("postgres"), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

/** A backup file's rows, by table, in file order (each table's rows by primary key). */
function rowsOf(file: string): { header: { migrations: unknown; tables: unknown }; tables: Map<string, string[]> } {
  const lines = gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n");
  const header = JSON.parse(lines[0]!) as { migrations: unknown; tables: unknown };
  const tables = new Map<string, string[]>();
  for (const line of lines.slice(1, -1)) {
    const { t, r } = JSON.parse(line) as { t: string; r: unknown };
    tables.set(t, [...(tables.get(t) ?? []), JSON.stringify(r)]);
  }
  return { header: { migrations: header.migrations, tables: header.tables }, tables };
}

/** A programme's audit chain as stored in the database at `url`, checked by the domain's own rule. */
async function chainAt(url: string, programmeId: string) {
  return withClient(url, async (c) => {
    const { rows } = await c.query<StoredEvent & { createdAt: Date }>(
      `SELECT chain, seq, "programmeId", "actorId", "actorLabel", action, "entityType", "entityId", before, after, "createdAt", "prevHash", hash
       FROM "AuditEvent" WHERE "programmeId" = $1 ORDER BY seq`,
      [programmeId],
    );
    const events = rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
    return { events: events.length, head: events.at(-1)?.hash, verdict: verifyChain(events) };
  });
}

describe("backup and restore (npm run cli -- backup / restore)", () => {
  it("a backup restored into an empty database gives identical records and an intact audit chain; a non-empty database is refused", async () => {
    // Records of every kind that matter here: a programme, its audit trail, and a workflow in production
    // (Workflow ↔ WorkflowVersion reference each other: the foreign-key cycle the restore must break).
    const pm = await makeUser();
    const p = await makeProgramme(pm);
    const { w, owner, reviewer, ref } = await makeReadyWorkflow(pm, p.slug);
    await markCandidate(owner, ref);
    const cases = await db.workflowTestCase.findMany({ where: { workflowId: w.id }, orderBy: { createdAt: "asc" } });
    await recordManualEvaluation(owner, {
      ...ref,
      cases: cases.map((c) => ({
        testCaseId: c.id,
        output: `Claim ${(c.variables as { claim_ref: string }).claim_ref} for ${c.name}`,
        grades: c.rubric.map(() => ({ result: "pass" as const })),
      })),
    });
    await approveVersion(reviewer, { ...ref, note: "" });
    await promoteVersion(pm, ref);
    const source = await chainAt(sharedUrl, p.id);
    expect(source.verdict.ok).toBe(true);

    const file = path.join(dir, "gatehouse.backup.gz");
    const summary = await backupDatabase(sharedUrl, file);
    expect(summary.rows).toBeGreaterThan(0);
    expect(summary.bytes).toBe((await stat(file)).size);

    const target = await emptyDatabase();
    const restored = await restoreDatabase(target, file);
    expect(restored).toMatchObject({ tables: summary.tables, rows: summary.rows, migrations: summary.migrations, newerMigrations: [] });

    // Identical records: a backup of the restored database holds exactly the rows of the first one.
    const again = path.join(dir, "again.backup.gz");
    await backupDatabase(target, again);
    const a = rowsOf(file);
    const b = rowsOf(again);
    expect(b.header).toEqual(a.header);
    expect([...b.tables.keys()]).toEqual([...a.tables.keys()]);
    for (const [table, rows] of a.tables) expect(b.tables.get(table), table).toEqual(rows);

    // This test's records, read back: the workflow in production, and the audit chain intact to the same head.
    const wf = await withClient(target, (c) =>
      c.query<{ productionVersionId: string | null }>(`SELECT "productionVersionId" FROM "Workflow" WHERE id = $1`, [w.id]),
    );
    expect(wf.rows[0]?.productionVersionId).not.toBeNull();
    const copy = await chainAt(target, p.id);
    expect(copy.verdict.ok).toBe(true);
    expect(copy.head).toBeDefined();
    expect(copy.events).toBeGreaterThanOrEqual(source.events);
    // The audit trail stays append-only after a restore, and new events get fresh ids.
    await withClient(target, async (c) => {
      await expect(c.query(`UPDATE "AuditEvent" SET action = 'x' WHERE "programmeId" = $1`, [p.id])).rejects.toThrow();
      const { rows } = await c.query<{ next: string; max: string }>(
        `SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id'))::text AS next, (SELECT max(id) FROM "AuditEvent")::text AS max`,
      );
      expect(BigInt(rows[0]!.next)).toBeGreaterThan(BigInt(rows[0]!.max));
    });

    // A database that holds rows is refused, with the reason, and left as it was.
    await expect(restoreDatabase(target, file)).rejects.toThrow(RestoreRefusedError);
    await expect(restoreDatabase(target, file)).rejects.toThrow(/not empty: .* Restore only into an empty database/);
    await expect(restoreDatabase(sharedUrl, file)).rejects.toThrow(/not empty/);
  }, 180_000);

  it("refuses a file that is not a backup, or one cut short, and restores nothing", async () => {
    const file = path.join(dir, "full.backup.gz");
    await backupDatabase(sharedUrl, file);
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n");
    const cut = path.join(dir, "cut.backup.gz");
    await writeFile(cut, gzipSync(lines.slice(0, -1).join("\n") + "\n"));
    const target = await emptyDatabase();
    await expect(restoreDatabase(target, cut)).rejects.toThrow(/cut short/);
    const users = await withClient(target, (c) => c.query<{ n: string }>(`SELECT count(*) AS n FROM "User"`));
    expect(users.rows[0]!.n).toBe("0");
    const notBackup = path.join(dir, "notes.txt");
    await writeFile(notBackup, "hello");
    await expect(restoreDatabase(target, notBackup)).rejects.toThrow(/not a Gatehouse backup/);
  }, 120_000);
});
