/**
 * `npm run bench [-- --users 5000 --days 90 --events 10000000 --concurrency 2 --runs 30]`
 * Builds a programme of USERS people over DAYS days (about EVENTS usage events) and measures, in one run:
 * - ingestion through the real batch path (the API operation: token check, JSON parse, validation,
 *   idempotency key, raw + rollup statement, audit) against a raw PostgreSQL COPY of the same rows into
 *   a scratch table (unlogged, no keys: the headline ingest_vs_copy), and, for context, into a copy of
 *   UsageEvent with its keys and indexes (what storing the raw rows alone costs: ingest_vs_copy_indexed);
 * - the dashboard's 90-day data load (rollups) against the same figures computed from raw events;
 * - peak memory of this process, which runs the app's code.
 * Database: DATABASE_URL, else a fresh database on the local PostgreSQL, else embedded PGlite.
 * Ends with key=value lines.
 *
 * `npm run bench -- jobs [--jobs 1000 --throughput-jobs 5000 --concurrency 4 --embedded]`: the job layer
 * instead (scripts/lib/bench-jobs.ts): wait between enqueue and start (median, p95) and one worker's throughput.
 *
 * `npm run bench -- pages [--duration 5 | --quick] [--baseline <git-ref>]`: the app's main pages and the metrics
 * API under 1, 10 and 50 concurrent users against a production build (scripts/lib/bench-pages.ts).
 */
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { seededRandom as rng } from "../src/domain/random";
import { startEmbeddedPostgres } from "../src/server/db/embedded";
import { applyMigrations } from "../src/server/db/migrations";
import { benchAudit } from "./lib/bench-audit";
import { benchJobs } from "./lib/bench-jobs";
import { benchPages } from "./lib/bench-pages";

if (process.argv.includes("--help") || process.argv.includes("-h")) {
  console.log(`npm run bench [-- options]
  --events N        usage events to ingest (default 10000000; 1000000 takes a few minutes)
  --users N         people in the programme (default 5000)
  --days N          days the events span (default 90)
  --concurrency N   batches in flight at once, as a client with N workers (default 2)
  --runs N          dashboard loads to time; raw-query runs are a third of it, 3 to 10 (default 30)
Database: DATABASE_URL, else a fresh database on 127.0.0.1:5432 (dropped afterwards), else embedded PGlite.

npm run bench -- jobs [-- options]   the job layer: enqueue-to-start wait and one worker's throughput
  --jobs N              jobs for the wait (one every 20 ms; default 1000)
  --throughput-jobs N   queued jobs one worker drains (default 5000)
  --concurrency N       the worker's concurrency (default 4)
  --embedded            use embedded PGlite (one connection) even when PostgreSQL answers

npm run bench -- pages [-- options]  the main pages and the metrics API under load, against next start
  --duration S          seconds of load per page and concurrency level (default 5)
  --quick               2 seconds per level
  --concurrency LIST    concurrent users (default 1,10,50)
  --pages LIST          only these: my_programmes, overview, dashboard, gate, audit, milestones, metrics_api
  --baseline REF        also build REF in a git worktree (kept in the temporary folder for the next run) and
                        measure it beside this tree, alternating between the two
  --baseline-dir DIR    the same with an existing checkout of the baseline (with its node_modules)
Database: DATABASE_URL's server (a fresh database per build, dropped afterwards), else embedded PGlite.`);
  process.exit(0);
}

if (process.argv[2] === "pages") {
  const value = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const list = (name: string) =>
    value(name)
      ?.split(",")
      .map((s) => s.trim());
  const durationS = process.argv.includes("--quick") ? 2 : Number(value("duration") ?? 5);
  const concurrency = (list("concurrency") ?? ["1", "10", "50"]).map(Number);
  if (!(durationS > 0) || concurrency.some((c) => !Number.isInteger(c) || c <= 0))
    throw new Error("--duration must be a positive number of seconds and --concurrency positive whole numbers, e.g. 1,10,50");
  benchPages({ durationS, concurrency, baseline: value("baseline"), baselineDir: value("baseline-dir"), only: list("pages") }).then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(`[bench] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exit(1);
    },
  );
}

function arg(name: string, fallback: number): number {
  if (process.argv[2] === "pages") return fallback; // its options are read above
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}
const USERS = arg("users", 5000);
const DAYS = arg("days", 90);
const EVENTS = arg("events", 10_000_000);
const CONCURRENCY = arg("concurrency", 2);
const RUNS = arg("runs", 30);
const BATCH = 10_000;
const log = (m: string) => console.log(`[bench] ${m}`);

const DEPARTMENTS = ["Finance", "Legal", "Operations", "Sales", "Engineering", "HR", "Customer service", "Risk"];
const USE_CASES = ["Credit memos", "KYC summaries", "Policy Q&A", "Complaint replies", "Contract review", "Code review"];
const MODELS = ["claude-sonnet-4-6", "claude-haiku-4-5", "claude-opus-4-7"];
const SOURCES = ["measured", "self_reported", "estimated"] as const;

/** Events of one batch: people adopt over the period (adoption rising), each active person-day yields several events. */
function* generate(start: Date) {
  const r = rng(7);
  const perDay = EVENTS / DAYS;
  let id = 0;
  for (let d = 0; d < DAYS && id < EVENTS; d++) {
    const day = new Date(start.getTime() + d * 86_400_000).toISOString().slice(0, 10);
    const adopted = Math.max(1, Math.floor(USERS * Math.min(0.6, 0.05 + (0.55 * d) / DAYS)));
    const todays = Math.min(EVENTS - id, Math.round(perDay));
    for (let k = 0; k < todays; k++) {
      const u = Math.floor(r() * adopted);
      yield {
        externalId: `b-${id++}`,
        day,
        user: `user-${u}`,
        department: DEPARTMENTS[u % DEPARTMENTS.length]!,
        useCase: USE_CASES[Math.floor(r() * USE_CASES.length)]!,
        cohort: u < USERS * 0.1 ? "pilot" : u < USERS * 0.3 ? "early adopters" : "full rollout",
        model: MODELS[Math.floor(r() * 10) % 3 === 0 ? 1 : 0]!,
        sessions: 1,
        tasks: 1 + Math.floor(r() * 3),
        minutesSaved: Math.round(r() * 30),
        minutesSource: SOURCES[Math.floor(r() * 3)]!,
        errors: r() < 0.02 ? 1 : 0,
        tokens: {
          uncachedInput: 800 + Math.floor(r() * 2000),
          cacheWrite: 0,
          cacheRead: Math.floor(r() * 4000),
          output: 200 + Math.floor(r() * 800),
        },
        costUsd: Math.round(r() * 3000) / 100000,
      };
    }
  }
}

function batches(start: Date) {
  const gen = generate(start);
  return {
    next(): ReturnType<typeof generate> extends Generator<infer T> ? T[] | null : never {
      const out = [];
      for (let i = 0; i < BATCH; i++) {
        const n = gen.next();
        if (n.done) break;
        out.push(n.value);
      }
      return (out.length ? out : null) as never;
    },
  };
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

const JOBS = process.argv[2] === "jobs";
/** `npm run bench -- audit [--sizes 10000,1000000 --runs 20 --tail 200 --full-verify]`: the audit page (scripts/lib/bench-audit.ts). */
const AUDIT = process.argv[2] === "audit";

async function main() {
  let url = process.env.DATABASE_URL;
  let cleanup = async () => {};
  let embedded = false;
  if (!url && JOBS && process.argv.includes("--embedded")) {
    const e = await startEmbeddedPostgres();
    url = e.url;
    cleanup = e.stop;
    embedded = true;
    log("embedded PGlite, as npm start without DATABASE_URL (one connection)");
  }
  if (!url) {
    const admin = "postgresql://postgres@127.0.0.1:5432/postgres";
    const c = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      const name = `gatehouse_bench_${randomBytes(3).toString("hex")}`;
      await c.query(`CREATE DATABASE "${name}"`);
      await c.end();
      url = `postgresql://postgres@127.0.0.1:5432/${name}`;
      cleanup = async () => {
        const d = new pg.Client({ connectionString: admin });
        await d.connect();
        await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await d.end();
      };
      log(`fresh database ${name} on 127.0.0.1:5432`);
    } catch {
      const e = await startEmbeddedPostgres();
      url = e.url;
      cleanup = e.stop;
      embedded = true;
      log("no PostgreSQL answered: embedded PGlite (figures are not comparable to a real server)");
    }
  }
  process.env.DATABASE_URL = url;
  process.env.DATABASE_POOL_MAX = JOBS ? (embedded ? "1" : "4") : String(CONCURRENCY + 2);
  try {
    await applyMigrations(url);
    if (JOBS) {
      await benchJobs({ jobs: arg("jobs", 1000), throughputJobs: arg("throughput-jobs", 5000), concurrency: arg("concurrency", 4) });
      return;
    }
    if (AUDIT) {
      const sizes = (process.argv[process.argv.indexOf("--sizes") + 1] ?? "").split(",").map(Number);
      await benchAudit({
        url,
        sizes: process.argv.includes("--sizes") ? sizes : [10_000, 1_000_000],
        runs: arg("runs", 20),
        tail: arg("tail", 200),
        fullVerify: process.argv.includes("--full-verify"),
      });
      return;
    }
    const { makeProgramme, makeUser } = await import("../src/demo/factories");
    const { createApiToken } = await import("../src/features/tokens/server/create-api-token");
    const { receiveUsageBatch } = await import("../src/features/usage/server/receive-usage-batch");
    const { loadMetrics } = await import("../src/features/usage/server/get-metrics");
    const { db, disconnectDb } = await import("../src/server/db");

    const programme = await makeProgramme(await makeUser(), { licensedSeats: USERS, day: DAYS });
    const { token } = await createApiToken({ id: null, label: "bench" }, { programmeSlug: programme.slug, name: "bench" });
    const { authorizeApiToken } = await import("../src/server/authorization");
    const authorized = await authorizeApiToken(`Bearer ${token}`, programme.slug);
    const apiToken = { ...authorized.token, programme: authorized.programme };
    const start = programme.startDate;
    log(
      `programme ${programme.slug}: ${USERS} people, ${DAYS} days, ${EVENTS.toLocaleString("en")} events, batches of ${BATCH}, ${CONCURRENCY} concurrent`,
    );

    // 1. Ingestion through the real batch path.
    const source = batches(start);
    let ingested = 0;
    const t0 = performance.now();
    let nextLog = 1_000_000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, w) => {
        for (let b = source.next(), i = 0; b; b = source.next(), i++) {
          const body = JSON.stringify({ events: b });
          // What the route's wrapper hands it: the authenticated token, the body parsed and as received.
          const r = await receiveUsageBatch({
            token: apiToken,
            idempotencyKey: `bench-${w}-${i}`,
            body: JSON.parse(body) as unknown,
            text: body,
          });
          if (r.status !== 200) throw new Error(`ingest failed: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
          ingested += b.length;
          if (ingested >= nextLog) {
            log(
              `ingested ${ingested.toLocaleString("en")} events (${Math.round(ingested / ((performance.now() - t0) / 1000)).toLocaleString("en")}/s)`,
            );
            nextLog += 1_000_000;
          }
        }
      }),
    );
    const ingestSecs = (performance.now() - t0) / 1000;
    const ingestRate = ingested / ingestSecs;

    // 2. COPY of the same rows into a scratch table with the same columns.
    const client = new pg.Client({ connectionString: url });
    client.on("error", (e) => log(`scratch connection: ${e.message}`));
    await client.connect();
    await client.query(`CREATE UNLOGGED TABLE IF NOT EXISTS bench_copy (LIKE "UsageEvent" INCLUDING DEFAULTS)`);
    await client.query(`TRUNCATE bench_copy`);
    const csv = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    function* csvBatches() {
      const copySource = batches(start);
      for (let b = copySource.next(); b; b = copySource.next()) {
        yield (
          b
            .map((e) =>
              [
                programme.id,
                e.externalId,
                e.day,
                e.user,
                csv(e.department),
                csv(e.useCase),
                csv(e.cohort),
                e.model,
                e.sessions,
                e.tasks,
                e.minutesSaved,
                e.minutesSource.toUpperCase(),
                e.errors,
                e.tokens.uncachedInput,
                e.tokens.cacheWrite,
                e.tokens.cacheRead,
                e.tokens.output,
                e.costUsd,
                "api",
              ].join(","),
            )
            .join("\n") + "\n"
        );
      }
    }
    const COPY_COLUMNS = `"programmeId","externalId","day","userRef","department","useCase","cohort","model","sessions","tasks","minutesSaved","minutesSource","errors","uncachedInputTokens","cacheWriteTokens","cacheReadTokens","outputTokens","costUsd","source"`;
    const t1 = performance.now();
    await pipeline(Readable.from(csvBatches()), client.query(copyFrom(`COPY bench_copy (${COPY_COLUMNS}) FROM STDIN WITH (FORMAT csv)`)));
    const copySecs = (performance.now() - t1) / 1000;
    const copyRate = ingested / copySecs;

    // 2b. The same COPY into a logged table with UsageEvent's keys and indexes: the cost of storing the rows alone.
    await client.query(`DROP TABLE IF EXISTS bench_copy_indexed`);
    await client.query(`CREATE TABLE bench_copy_indexed (LIKE "UsageEvent" INCLUDING ALL)`);
    const t1b = performance.now();
    await pipeline(
      Readable.from(csvBatches()),
      client.query(copyFrom(`COPY bench_copy_indexed (${COPY_COLUMNS}) FROM STDIN WITH (FORMAT csv)`)),
    );
    const copyIndexedSecs = (performance.now() - t1b) / 1000;
    const copyIndexedRate = ingested / copyIndexedSecs;
    await client.query(`DROP TABLE bench_copy_indexed`);
    log(`ingest ${ingestSecs.toFixed(1)} s, COPY ${copySecs.toFixed(1)} s, COPY with UsageEvent's indexes ${copyIndexedSecs.toFixed(1)} s`);

    // 3. Dashboard load (rollups) against the same figures from raw events.
    const from = start;
    const to = new Date(start.getTime() + (DAYS - 1) * 86_400_000);
    const q = { programmeId: programme.id, licensedSeats: USERS, from, to };
    const first = performance.now();
    await loadMetrics(q); // computes and caches the active-people series once
    log(`first dashboard load (computing active people) ${(performance.now() - first).toFixed(0)} ms`);
    const dash: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await loadMetrics(q);
      dash.push(performance.now() - t);
    }
    const raw: number[] = [];
    const rawRuns = Math.max(3, Math.min(10, Math.floor(RUNS / 3)));
    for (let i = 0; i < rawRuns; i++) {
      const t = performance.now();
      await client.query(
        `SELECT "day", sum("tasks"), sum("errors"), sum("costUsd"), sum("minutesSaved"), count(DISTINCT "userRef") FROM "UsageEvent" WHERE "programmeId" = $1 AND "day" BETWEEN $2 AND $3 GROUP BY "day"`,
        [programme.id, from, to],
      );
      await client.query(
        `SELECT x.d, (SELECT count(DISTINCT "userRef") FROM "UsageEvent" e WHERE e."programmeId" = $1 AND e."day" BETWEEN x.d - 27 AND x.d) FROM generate_series($2::date, $3::date, interval '1 day') g(dt), LATERAL (SELECT dt::date AS d) x`,
        [programme.id, from, to],
      );
      for (const col of ["department", "useCase", "cohort", "model"])
        await client.query(
          `SELECT "${col}", sum("tasks"), sum("costUsd") FROM "UsageEvent" WHERE "programmeId" = $1 AND "day" BETWEEN $2 AND $3 GROUP BY 1`,
          [programme.id, from, to],
        );
      raw.push(performance.now() - t);
    }
    await client.query(`DROP TABLE bench_copy`);
    await client.end();
    const [counts] = await db.$queryRaw<
      { raw: bigint; rollup: bigint }[]
    >`SELECT (SELECT count(*) FROM "UsageEvent") AS raw, (SELECT sum("events") FROM "UsageDaily" WHERE "dimension" = 'all') AS rollup`;
    await disconnectDb();
    const peak = process.resourceUsage().maxRSS / 1024;
    const p95 = percentile(dash, 95);
    const rawP95 = percentile(raw, 95);
    log(
      `rows: ${Number(counts!.raw).toLocaleString("en")} raw events, ${Number(counts!.rollup).toLocaleString("en")} in rollups; dashboard p50 ${percentile(dash, 50).toFixed(1)} ms; raw p50 ${percentile(raw, 50).toFixed(0)} ms`,
    );
    console.log(`events=${ingested}`);
    console.log(`ingest_events_per_s=${Math.round(ingestRate)}`);
    console.log(`copy_events_per_s=${Math.round(copyRate)}`);
    console.log(`ingest_vs_copy=${(ingestRate / copyRate).toFixed(3)}`);
    console.log(`copy_indexed_events_per_s=${Math.round(copyIndexedRate)}`);
    console.log(`ingest_vs_copy_indexed=${(ingestRate / copyIndexedRate).toFixed(3)}`);
    console.log(`dashboard_p50_ms=${percentile(dash, 50).toFixed(1)}`);
    console.log(`dashboard_p95_ms=${p95.toFixed(1)}`);
    console.log(`raw_p95_ms=${rawP95.toFixed(1)}`);
    console.log(`dashboard_speedup=${(rawP95 / p95).toFixed(1)}`);
    console.log(`peak_rss_mb=${Math.round(peak)}`);
  } finally {
    await cleanup();
  }
}

if (process.argv[2] !== "pages")
  main().catch((e: unknown) => {
    console.error(`[bench] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  });
