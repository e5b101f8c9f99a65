/**
 * Operator commands: `npm run cli -- <command>`.
 *   audit verify --programme <slug>        verify a programme's hash-chained audit trail
 *   token create --programme <slug> --name <name>   create a programme API token (printed once)
 *   seed-demo                              add the demo programmes and accounts to this database
 *   user set-password --email <email>      set a local password (read from standard input)
 *   import --programme <slug> --format <format> <file>   import a usage file (all or nothing)
 *   sync --programme <slug> [--from YYYY-MM-DD --to YYYY-MM-DD]   pull usage from the programme's Anthropic keys now
 *   jobs list [--status failed] [--programme <slug>]   background jobs, newest first, with attempts and last error
 *   jobs retry <id>                        run a failed job again (from a fresh count of attempts)
 *   backup --out <file>                    back up the whole database (one consistent snapshot)
 *   restore --from <file>                  restore a backup into an empty database
 *   export --programme <slug> --out <zip>  a programme's records (JSON), gate record PDFs and audit chain head
 * Database: DATABASE_URL, else the embedded database of `npm start`.
 */
import { Command, CommanderError } from "commander";

import { resolveOperatorDatabase } from "@/server/db/embedded";

const program = new Command("gatehouse").description("Gatehouse operator commands").exitOverride();

async function withDatabase<T>(fn: () => Promise<T>): Promise<T> {
  const database = await resolveOperatorDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.DATABASE_POOL_MAX ??= database.embedded ? "1" : "4";
  const { disconnectDb } = await import("@/server/db");
  try {
    return await fn();
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

const CLI_ACTOR = { id: null, label: `cli (${process.env.USER ?? "operator"})` };

const audit = program.command("audit").description("Audit trail commands");
audit
  .command("verify")
  .description("Verify a programme's hash-chained audit trail and name the first broken link")
  .requiredOption("--programme <slug>", "programme slug")
  .action(async (opts: { programme: string }) => {
    await withDatabase(async () => {
      const { db } = await import("@/server/db");
      const { verifyAndCheckpoint } = await import("@/features/audit/server/verify-audit-chain");
      const programme = await db.programme.findUnique({ where: { slug: opts.programme }, select: { id: true, slug: true } });
      if (!programme) throw new Error(`No programme with the slug "${opts.programme}".`);
      // A full verification, stored as a checkpoint (or a recorded break the audit page then shows).
      const verdict = await verifyAndCheckpoint(programme.id, "full");
      if (verdict.ok) {
        console.log(`Audit chain of ${programme.slug} is intact: ${verdict.events} events.`);
        console.log(`Head hash: ${verdict.headHash}`);
      } else {
        console.log(`Audit chain of ${programme.slug} is BROKEN at event #${verdict.brokenAtSeq}: ${verdict.reason}.`);
        process.exitCode = 2;
      }
    });
  });

const token = program.command("token").description("Programme API tokens");
token
  .command("create")
  .description("Create a programme API token; it is printed once and stored hashed")
  .requiredOption("--programme <slug>", "programme slug")
  .requiredOption("--name <name>", "what the token is for, e.g. usage-pipeline")
  .action(async (opts: { programme: string; name: string }) => {
    await withDatabase(async () => {
      const { createApiToken } = await import("@/features/tokens/server/create-api-token");
      const t = await createApiToken(CLI_ACTOR, { programmeSlug: opts.programme, name: opts.name });
      console.log(`Created token "${t.name}" for ${t.programmeSlug}. Copy it now; it will not be shown again:`);
      console.log(t.token);
    });
  });

program
  .command("seed-demo")
  .description("Add the demo programmes (acme, globex) and demo accounts to this database, on purpose")
  .action(async () => {
    await withDatabase(async () => {
      const { seedDemo } = await import("@/demo/seed-demo");
      const result = await seedDemo();
      console.log(
        result.created
          ? "Seeded the demo programmes acme and globex with their demo accounts."
          : "The demo programmes are already there; nothing changed.",
      );
    });
  });

const user = program.command("user").description("Accounts");
user
  .command("set-password")
  .description("Set (or create the account with) a local password, read from standard input")
  .requiredOption("--email <email>", "the account's email")
  .option("--name <name>", "name, when creating the account")
  .action(async (opts: { email: string; name?: string }) => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const password = Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, "");
    // The one password rule (blank, too short, over bcrypt's 72 bytes), checked before the database is opened.
    const { newPasswordSchema } = await import("@/server/auth/password-schema");
    const checked = newPasswordSchema.safeParse(password);
    if (!checked.success) throw new Error(checked.error.issues.map((i) => i.message).join(" "));
    await withDatabase(async () => {
      const { setPassword } = await import("@/server/auth/set-password");
      const r = await setPassword(CLI_ACTOR, { email: opts.email, name: opts.name, password });
      console.log(r.created ? `Created ${r.email} with a password.` : `Password set for ${r.email}.`);
    });
  });

program
  .command("import")
  .description(
    "Import a usage file (usage-csv, anthropic-usage-report, anthropic-cost-report, claude-code-report, claude-analytics-summaries, claude-analytics-users); all or nothing",
  )
  .requiredOption("--programme <slug>", "programme slug")
  .requiredOption("--format <format>", "the file's format")
  .argument("<file>", "the file to import")
  .action(async (file: string, opts: { programme: string; format: string }) => {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(file, "utf8");
    await withDatabase(async () => {
      const { importUsageFileAsOperator } = await import("@/features/usage/imports/server/import-usage-file");
      const r = await importUsageFileAsOperator(CLI_ACTOR, { programmeSlug: opts.programme, format: opts.format as never, text });
      if (r.ok) {
        console.log(
          `Imported ${file} (${r.format}) into ${opts.programme}: received=${r.received} inserted=${r.inserted} duplicates=${r.duplicates}`,
        );
        if (r.summaryDays)
          console.log(`analytics summaries: days=${r.summaryDays.days} new=${r.summaryDays.inserted} replaced=${r.summaryDays.replaced}`);
        for (const n of r.notes) console.log(n);
      } else {
        console.error(
          `Nothing was imported: ${r.problems.length} problem${r.problems.length === 1 ? "" : "s"} in ${file}${r.problems.length > 50 ? " (first 50 shown)" : ""}:`,
        );
        for (const p of r.problems.slice(0, 50)) console.error(`  ${p.record}: ${p.reason}`);
        process.exitCode = 2;
      }
    });
  });

program
  .command("sync")
  .description("Pull usage now from the Anthropic admin/analytics endpoints the programme's keys allow (default: the last 7 complete days)")
  .requiredOption("--programme <slug>", "programme slug")
  .option("--from <day>", "first day, YYYY-MM-DD")
  .option("--to <day>", "last day, YYYY-MM-DD (at most yesterday, UTC)")
  .action(async (opts: { programme: string; from?: string; to?: string }) => {
    const { existsSync, readFileSync } = await import("node:fs");
    const keyFile = ".gatehouse/encryption-key"; // written by `npm start` when GATEHOUSE_ENCRYPTION_KEY is not set
    if (!process.env.GATEHOUSE_ENCRYPTION_KEY && existsSync(keyFile))
      process.env.GATEHOUSE_ENCRYPTION_KEY = readFileSync(keyFile, "utf8").trim();
    await withDatabase(async () => {
      const { syncUsageAsOperator } = await import("@/features/usage/sync/server/sync-usage-as-operator");
      const r = await syncUsageAsOperator(
        CLI_ACTOR,
        { programmeSlug: opts.programme, from: opts.from, to: opts.to },
        {
          onProgress: ({ endpoint, progress: p }) =>
            console.log(
              `  ${endpoint.noun}: ${p.pages} page${p.pages === 1 ? "" : "s"}, ${p.events} events (${p.inserted} new)${p.state === "done" ? ", done" : ""}`,
            ),
        },
      );
      console.log(
        `Sync of ${opts.programme} ${r.status === "SUCCEEDED" ? "succeeded" : "FAILED"}: pages=${r.pages} records=${r.records} inserted=${r.inserted}`,
      );
      if (r.error) {
        console.error(r.error);
        process.exitCode = 2;
      }
    });
  });

const JOB_STATUSES = ["pending", "running", "succeeded", "failed"] as const;
const jobs = program.command("jobs").description("Background jobs (evaluations, usage syncs, the daily schedule)");
jobs
  .command("list")
  .description("List jobs, newest first: id, status, kind, programme, attempts, what it was for, last error")
  .option("--status <status>", `only jobs in this status (${JOB_STATUSES.join(", ")})`)
  .option("--programme <slug>", "only this programme's jobs")
  .option("--limit <n>", "at most this many (default 50)", "50")
  .action(async (opts: { status?: string; programme?: string; limit: string }) => {
    const status = opts.status?.toLowerCase();
    if (status !== undefined && !(JOB_STATUSES as readonly string[]).includes(status))
      throw new Error(`--status must be one of ${JOB_STATUSES.join(", ")}.`);
    const limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new Error("--limit must be a positive whole number.");
    await withDatabase(async () => {
      const { db } = await import("@/server/db");
      const { listJobs } = await import("@/server/jobs/admin");
      let programmeId: string | undefined;
      if (opts.programme) {
        const p = await db.programme.findUnique({ where: { slug: opts.programme }, select: { id: true } });
        if (!p) throw new Error(`No programme with the slug "${opts.programme}".`);
        programmeId = p.id;
      }
      const rows = await listJobs({ status: status?.toUpperCase() as never, programmeId, limit });
      if (rows.length === 0) {
        console.log("No jobs.");
        return;
      }
      for (const j of rows) {
        const when = (j.finishedAt ?? j.startedAt ?? j.runAt).toISOString().replace("T", " ").slice(0, 19);
        console.log(
          `${j.id}  ${j.status.toLowerCase().padEnd(9)} ${j.name.padEnd(20)} ${(j.programme?.slug ?? "-").padEnd(12)} attempts=${j.attempts}/${j.maxAttempts}  ${when} UTC  ${j.subject ?? ""}`,
        );
        if (j.lastError) console.log(`    last error: ${j.lastError}`);
      }
    });
  });
jobs
  .command("retry")
  .description("Run a failed job again, from a fresh count of attempts (a worker picks it up)")
  .argument("<id>", "the job's id (from jobs list)")
  .action(async (id: string) => {
    await withDatabase(async () => {
      const { retryJob } = await import("@/server/jobs/admin");
      const j = await retryJob(id);
      console.log(`Job ${j.id} (${j.name}${j.subject ? `: ${j.subject}` : ""}) is pending again; a worker runs it next.`);
    });
  });

/** The database a backup reads, or a restore fills: DATABASE_URL, else the embedded one (created empty for a restore). */
async function operatorDatabase(createEmbedded: boolean) {
  if (createEmbedded && !process.env.DATABASE_URL) {
    const { existsSync: exists } = await import("node:fs");
    const path = await import("node:path");
    const { EMBEDDED_STATE_DIR, startEmbeddedPostgres } = await import("@/server/db/embedded");
    const dataDir = path.join(process.cwd(), EMBEDDED_STATE_DIR, "pgdata");
    if (!exists(path.join(dataDir, "PG_VERSION")))
      return { ...(await startEmbeddedPostgres(dataDir)), where: `a new embedded database in ${dataDir}` };
  }
  const database = await resolveOperatorDatabase();
  return { ...database, where: database.embedded ? `the embedded database in ${EMBEDDED_DIR}` : "DATABASE_URL" };
}
const EMBEDDED_DIR = ".gatehouse/";
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);

program
  .command("backup")
  .description("Back up the whole database in use (DATABASE_URL or the embedded one) from one consistent snapshot")
  .requiredOption("--out <file>", "the backup file to write (gzip'd JSON Lines; it must not exist yet)")
  .action(async (opts: { out: string }) => {
    const { backupDatabase } = await import("@/server/db/backup");
    const database = await operatorDatabase(false);
    try {
      const started = Date.now();
      const r = await backupDatabase(database.url, opts.out);
      console.log(
        `Backed up ${database.where}: ${r.rows.toLocaleString("en")} rows in ${r.tables} tables, schema at ${r.migrations} migrations, ` +
          `to ${r.file} (${size(r.bytes)}, ${((Date.now() - started) / 1000).toFixed(1)} s).`,
      );
      console.log("Keep GATEHOUSE_ENCRYPTION_KEY (or .gatehouse/encryption-key) with it: saved Anthropic keys need it.");
    } finally {
      await database.stop();
    }
  });

program
  .command("restore")
  .description("Restore a backup into an empty database (DATABASE_URL, or a new embedded one in .gatehouse/); refuses one that holds data")
  .requiredOption("--from <file>", "a file written by `backup`")
  .action(async (opts: { from: string }) => {
    const { restoreDatabase } = await import("@/server/db/backup");
    const database = await operatorDatabase(true);
    try {
      const started = Date.now();
      const r = await restoreDatabase(database.url, opts.from, { log: (m) => console.log(m) });
      console.log(
        `Restored ${r.rows.toLocaleString("en")} rows in ${r.tables} tables into ${database.where} ` +
          `(${((Date.now() - started) / 1000).toFixed(1)} s)${r.newerMigrations.length ? `, then applied ${r.newerMigrations.length} newer migration(s)` : ""}.`,
      );
    } finally {
      await database.stop();
    }
  });

program
  .command("export")
  .description("Export a whole programme as a zip: every record as JSON, the gate record PDFs, the audit chain head")
  .requiredOption("--programme <slug>", "programme slug")
  .requiredOption("--out <file>", "the zip file to write")
  .action(async (opts: { programme: string; out: string }) => {
    await withDatabase(async () => {
      const { writeFileSync } = await import("node:fs");
      const { exportProgrammeAsOperator } = await import("@/features/programme-export/server/export-programme");
      const r = await exportProgrammeAsOperator(CLI_ACTOR, opts.programme);
      writeFileSync(opts.out, r.zip, { flag: "wx" });
      const s = r.summary;
      console.log(
        `Exported ${opts.programme}: ${s.records.toLocaleString("en")} records in ${s.tables} tables, ${s.gateRecords} gate record PDFs, ` +
          `audit chain of ${s.auditEvents} events${s.auditHeadHash ? ` (head ${s.auditHeadHash})` : " (BROKEN: see audit verify)"}, to ${opts.out} (${size(r.zip.byteLength)}).`,
      );
    });
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CommanderError) process.exit(e.exitCode);
  const issues = (e as { issues?: { message: string }[] }).issues;
  console.error(`Error: ${issues ? issues.map((i) => i.message).join(" ") : e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
