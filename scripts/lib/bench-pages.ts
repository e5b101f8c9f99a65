/**
 * `npm run bench -- pages [--duration 5 | --quick] [--baseline <git-ref>] [--concurrency 1,10,50] [--pages overview,dashboard]`
 *
 * The app's pages under load, as a browser-less crowd sees them (docs/decisions/020):
 * - builds the app when its production build is missing or stale (`next build`) and starts it with
 *   `next start` (what `npm start` runs), its job worker included, on a fresh database with the demo data:
 *   PostgreSQL when DATABASE_URL is set (a new database on that server, dropped afterwards), else the
 *   embedded PGlite with one connection, as `npm start` without DATABASE_URL;
 * - signs in as the demo programme manager (credentials, as the sign-in form does) and, for each main page
 *   and the metrics JSON API (with programme API tokens), drives it with autocannon at 1, 10 and 50
 *   concurrent users: p50/p95/p99 latency and requests per second; every response must be a 200;
 * - counts the SQL statements per page view: the server reaches the database through a pass-through proxy
 *   here that reads the PostgreSQL wire protocol and counts each Execute (extended protocol) and Query
 *   (simple protocol) message, BEGIN/COMMIT included. Counted over sequential views, less what the job
 *   worker sends while idle over the same time;
 * - samples the resident memory of the server's process tree (every 250 ms) and reports its peak.
 * With `--baseline <ref>` the ref is checked out in a temporary git worktree, built, and measured beside
 * the working tree in the same run: both servers up at once, each measurement alternating between them.
 * Ends with key=value lines: page_<name>_p95_ms_c10, page_<name>_rps (the most requests per second over the
 * concurrency levels: saturation), page_<name>_queries, … and baseline_… for the ref.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";

import { DEMO_PASSWORD } from "../../src/demo/accounts";
import { generateApiToken, hashApiToken, tokenDisplayPrefix } from "../../src/domain/tokens";
import { freePort } from "../../src/server/db/embedded";
import { buildIsStale, nextBuild } from "./next-build";

const log = (m: string) => console.log(`[bench] ${m}`);

export interface PagesOptions {
  durationS: number;
  concurrency: number[];
  baseline?: string;
  /** An existing checkout of the baseline (its own node_modules), used instead of a new worktree. */
  baselineDir?: string;
  only?: string[];
}

interface PageSpec {
  name: string;
  path: string;
  api?: boolean;
}

const PAGES: PageSpec[] = [
  { name: "my_programmes", path: "/programmes" },
  { name: "overview", path: "/programmes/acme" },
  { name: "dashboard", path: "/programmes/globex/dashboard" },
  { name: "gate", path: "/programmes/acme/gates/pilot-debrief" },
  { name: "audit", path: "/programmes/acme/audit" },
  { name: "milestones", path: "/programmes/acme/milestones" },
  {
    name: "metrics_api",
    // The dashboard's default range: the last 28 days.
    path: `/api/v1/programmes/globex/metrics?from=${new Date(Date.now() - 27 * 86_400_000).toISOString().slice(0, 10)}&to=${new Date().toISOString().slice(0, 10)}`,
    api: true,
  },
];
const USER = "pm@acme.test";
/** The API's read limit is 600 a minute per token: enough tokens that the benchmark measures the route, not the limiter. */
const API_TOKENS = 200;

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

// ─── Counting the SQL statements the server sends ──────────────────────────────────────────────────────────

/** A TCP pass-through to PostgreSQL that counts statements: Execute ('E') and simple Query ('Q') messages. */
class CountingProxy {
  statements = 0;
  private server?: Server;
  constructor(private readonly target: { host: string; port: number }) {}

  async listen(): Promise<number> {
    const port = await freePort();
    this.server = createServer((client) => this.pipe(client));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    return port;
  }

  private pipe(client: Socket) {
    const upstream = connect(this.target.port, this.target.host);
    let pending: Buffer = Buffer.alloc(0);
    let startup = true; // the startup message (and an SSL/GSS request before it) has no type byte
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let at = 0;
      for (;;) {
        if (startup) {
          if (pending.length - at < 8) break;
          const len = pending.readInt32BE(at);
          if (pending.length - at < len) break;
          const code = pending.readInt32BE(at + 4);
          at += len;
          if (code !== 80877103 && code !== 80877104) startup = false; // not SSLRequest / GSSENCRequest
          continue;
        }
        if (pending.length - at < 5) break;
        const type = pending[at]!;
        const len = pending.readInt32BE(at + 1);
        if (pending.length - at < len + 1) break;
        if (type === 0x45 /* E */ || type === 0x51 /* Q */) this.statements++;
        at += len + 1;
      }
      pending = at >= pending.length ? Buffer.alloc(0) : pending.subarray(at);
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
  }

  async close() {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

// ─── Memory of a process tree ──────────────────────────────────────────────────────────────────────────────

function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), kb);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total / 1024;
}

// ─── One app under test ────────────────────────────────────────────────────────────────────────────────────

interface Target {
  label: "after" | "before";
  dir: string;
  ref: string;
  databaseUrl?: string;
  dropDatabase?: () => Promise<void>;
  embeddedDb?: ChildProcess;
  proxy?: CountingProxy;
  server?: ChildProcess;
  baseUrl?: string;
  cookie?: string;
  tokens?: string[];
  peakRssMb: number;
  sampler?: NodeJS.Timeout;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd} (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const bin = (dir: string, name: string) => path.join(dir, "node_modules", ".bin", name);

async function build(t: Target) {
  if (!buildIsStale(t.dir)) {
    log(`${t.label}: the production build in ${t.dir} is up to date`);
    return;
  }
  log(`${t.label}: next build in ${t.dir} (a minute or two)…`);
  const started = Date.now();
  await nextBuild({ ...process.env, DATABASE_URL: "" }, { root: t.dir, quiet: true });
  log(`${t.label}: built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * The ref in a worktree of its own, its dependencies hard-linked from this tree's, its Prisma client generated.
 * Kept (in the temporary folder, named by the commit) so that the next run with the same baseline skips its build.
 */
function checkoutBaseline(sha: string, root: string): string {
  const dir = path.join(tmpdir(), `gatehouse-bench-${sha}`);
  if (existsSync(path.join(dir, "node_modules"))) {
    log(`before: reusing the worktree ${dir}`);
    return dir;
  }
  rmSync(dir, { recursive: true, force: true });
  spawnSync("git", ["worktree", "prune"], { cwd: root, stdio: "ignore" });
  execFileSync("git", ["worktree", "add", "--detach", dir, sha], { cwd: root, stdio: "ignore" });
  // A symlinked node_modules breaks Turbopack; hard links cost no space.
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
  run(bin(dir, "prisma"), ["generate"], dir);
  return dir;
}

async function startDatabase(t: Target) {
  const admin = process.env.DATABASE_URL;
  if (admin) {
    const name = `gatehouse_bench_pages_${t.label}_${randomBytes(3).toString("hex")}`;
    const adminUrl = new URL(admin);
    adminUrl.pathname = "/postgres";
    const c = new pg.Client({ connectionString: adminUrl.toString() });
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
    const url = new URL(admin);
    url.pathname = `/${name}`;
    t.databaseUrl = url.toString();
    t.dropDatabase = async () => {
      const d = new pg.Client({ connectionString: adminUrl.toString() });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await d.end();
    };
    log(`${t.label}: fresh database ${name}`);
    return;
  }
  // Embedded PGlite in a process of its own (as in `npm start`, where it is not in the app's process either);
  // in this process its synchronous work would stall the load generator.
  const child = spawn(
    bin(process.cwd(), "tsx"),
    [
      "-e",
      `import("./src/server/db/embedded.ts").then(async (m) => { const e = await m.startEmbeddedPostgres(); console.log("URL " + e.url); process.on("SIGTERM", () => void e.stop().then(() => process.exit(0))); });`,
    ],
    { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] },
  );
  t.embeddedDb = child;
  t.databaseUrl = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /URL (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on("exit", (code) => reject(new Error(`the embedded database exited (${code})`)));
  });
  log(`${t.label}: embedded PGlite (one connection, as npm start without DATABASE_URL)`);
}

/** Migrations and the demo data through the target's own code; API tokens for the metrics route. */
async function prepareData(t: Target) {
  const env = { ...process.env, DATABASE_URL: t.databaseUrl };
  run(bin(t.dir, "tsx"), ["scripts/db-migrate.ts"], t.dir, env);
  const started = Date.now();
  run(bin(t.dir, "tsx"), ["--conditions=react-server", "src/cli/index.ts", "seed-demo"], t.dir, env);
  log(`${t.label}: migrated and seeded the demo data (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const c = new pg.Client({ connectionString: t.databaseUrl });
  await c.connect();
  const tokens = Array.from({ length: API_TOKENS }, () => generateApiToken());
  await c.query(
    `INSERT INTO "ApiToken" ("id", "programmeId", "name", "tokenHash", "prefix")
     SELECT gen_random_uuid(), p."id", 'bench ' || t.n, t.hash, t.prefix FROM "Programme" p,
            unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(hash, prefix, n) WHERE p."slug" = 'globex'`,
    [tokens.map(hashApiToken), tokens.map(tokenDisplayPrefix)],
  );
  await c.end();
  t.tokens = tokens;
}

async function startServer(t: Target, embedded: boolean) {
  const db = new URL(t.databaseUrl!);
  t.proxy = new CountingProxy({ host: db.hostname, port: Number(db.port || 5432) });
  const proxyPort = await t.proxy.listen();
  db.hostname = "127.0.0.1";
  db.port = String(proxyPort);
  const port = await freePort();
  t.baseUrl = `http://127.0.0.1:${port}`;
  t.server = spawn(bin(t.dir, "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: t.dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: db.toString(),
      ...(embedded ? { DATABASE_POOL_MAX: "1" } : {}),
      NEXTAUTH_URL: t.baseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      GATEHOUSE_ENCRYPTION_KEY: randomBytes(32).toString("hex"),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const until = Date.now() + 90_000;
  for (;;) {
    if (t.server.exitCode !== null) throw new Error(`${t.label}: the server exited (${t.server.exitCode})`);
    try {
      if ((await fetch(`${t.baseUrl}/signin`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${t.label}: the server did not answer within 90 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  t.peakRssMb = treeRssMb(t.server.pid!);
  t.sampler = setInterval(() => (t.peakRssMb = Math.max(t.peakRssMb, treeRssMb(t.server!.pid!))), 250);
  log(`${t.label}: next start at ${t.baseUrl}`);
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** Signs in with email and password the way the sign-in form does (next-auth's credentials callback). */
async function signIn(t: Target) {
  const csrfRes = await fetch(`${t.baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${t.baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email: USER, password: DEMO_PASSWORD, callbackUrl: `${t.baseUrl}/programmes`, json: "true" }),
  });
  const all = [...jar, ...cookiesOf(res)];
  if (!all.some((c) => c.includes("session-token="))) throw new Error(`${t.label}: sign-in as ${USER} failed (${res.status})`);
  t.cookie = all.join("; ");
}

function requestsFor(t: Target, page: PageSpec) {
  if (page.api) return t.tokens!.map((tok) => ({ method: "GET" as const, path: page.path, headers: { authorization: `Bearer ${tok}` } }));
  return [{ method: "GET" as const, path: page.path, headers: { cookie: t.cookie! } }];
}

/** One view: must be a 200 with the page itself (not the sign-in page). */
async function view(t: Target, page: PageSpec, i: number) {
  const r = requestsFor(t, page);
  const res = await fetch(`${t.baseUrl}${page.path}`, { headers: r[i % r.length]!.headers, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${t.label}: ${page.path} answered ${res.status}: ${body.slice(0, 300)}`);
}

/** Statements per view: sequential views, less the worker's idle statements over the same time. */
async function countQueries(t: Target, page: PageSpec): Promise<number> {
  const VIEWS = 10;
  for (let i = 0; i < 2; i++) await view(t, page, i);
  const idleStart = t.proxy!.statements;
  const idleT0 = performance.now();
  await new Promise((r) => setTimeout(r, 1000));
  const idleRate = (t.proxy!.statements - idleStart) / (performance.now() - idleT0);
  const before = t.proxy!.statements;
  const t0 = performance.now();
  for (let i = 0; i < VIEWS; i++) await view(t, page, i);
  const elapsed = performance.now() - t0;
  return Math.max(0, (t.proxy!.statements - before - idleRate * elapsed) / VIEWS);
}

interface Load {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

async function load(t: Target, page: PageSpec, connections: number, durationS: number): Promise<Load> {
  const times: number[] = [];
  let bad = 0;
  let instance: autocannon.Instance | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon({ url: t.baseUrl!, connections, duration: durationS, requests: requestsFor(t, page), timeout: 30 }, (err, r) =>
      err ? reject(err) : resolve(r),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) times.push(responseTime);
      else bad++;
    });
  });
  void instance;
  if (!times.length) log(`${t.label}: no view of ${page.path} finished within ${durationS} s at ${connections} users: lengthen --duration`);
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: times.length / durationS,
    errors: bad + result.errors + result.timeouts,
  };
}

async function stop(t: Target) {
  if (t.sampler) clearInterval(t.sampler);
  if (t.server && t.server.exitCode === null) {
    t.server.kill("SIGTERM");
    await new Promise((r) => {
      t.server!.once("exit", r);
      setTimeout(r, 10_000);
    });
  }
  await t.proxy?.close();
  if (t.embeddedDb && t.embeddedDb.exitCode === null) {
    t.embeddedDb.kill("SIGTERM");
    await new Promise((r) => t.embeddedDb!.once("exit", r));
  }
  await t.dropDatabase?.().catch((e: unknown) => log(`could not drop the database: ${String(e)}`));
}

// ─── The run ───────────────────────────────────────────────────────────────────────────────────────────────

export async function benchPages(opts: PagesOptions): Promise<void> {
  const root = process.cwd();
  const embedded = !process.env.DATABASE_URL;
  const pages = opts.only ? PAGES.filter((p) => opts.only!.includes(p.name)) : PAGES;
  if (!pages.length) throw new Error(`--pages names none of: ${PAGES.map((p) => p.name).join(", ")}`);
  const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim() !== "";
  const targets: Target[] = [{ label: "after", dir: root, ref: `${head}${dirty ? "+changes" : ""}`, peakRssMb: 0 }];
  const loadStart = loadavg();
  try {
    if (opts.baselineDir) {
      const ref = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: opts.baselineDir, encoding: "utf8" }).trim();
      targets.unshift({ label: "before", dir: path.resolve(opts.baselineDir), ref, peakRssMb: 0 });
    } else if (opts.baseline) {
      const sha = execFileSync("git", ["rev-parse", "--verify", `${opts.baseline}^{commit}`], { cwd: root, encoding: "utf8" }).trim();
      targets.unshift({ label: "before", dir: checkoutBaseline(sha, root), ref: sha.slice(0, 7), peakRssMb: 0 });
    }
    for (const t of targets) await build(t);
    for (const t of targets) {
      await startDatabase(t);
      await prepareData(t);
      await startServer(t, embedded);
      await signIn(t);
    }
    log(
      `${embedded ? "embedded PGlite" : "PostgreSQL"}; ${pages.length} pages × ${opts.concurrency.join("/")} users × ${opts.durationS} s` +
        (targets.length > 1 ? `, alternating ${targets.map((t) => `${t.label} (${t.ref})`).join(" and ")}` : ""),
    );

    const results = new Map<string, { queries: number; loads: Map<number, Load> }>();
    const key = (t: Target, p: PageSpec) => `${t.label}:${p.name}`;
    for (const page of pages) {
      for (const t of targets) {
        // Warm-up: the first views compile and fill caches; not measured.
        for (let i = 0; i < 3; i++) await view(t, page, i);
        const queries = await countQueries(t, page);
        log(`${page.name.padEnd(13)} ${t.label.padEnd(6)} ${queries.toFixed(1)} SQL statements per view`);
        results.set(key(t, page), { queries, loads: new Map() });
      }
      for (const c of opts.concurrency) {
        for (const t of targets) {
          const l = await load(t, page, c, opts.durationS);
          results.get(key(t, page))!.loads.set(c, l);
          log(
            `${page.name.padEnd(13)} ${t.label.padEnd(6)} c${String(c).padEnd(3)} p50 ${l.p50.toFixed(0).padStart(5)} ms  p95 ${l.p95.toFixed(0).padStart(5)} ms  p99 ${l.p99.toFixed(0).padStart(5)} ms  ${l.rps.toFixed(1).padStart(6)} req/s${l.errors ? `  ${l.errors} errors` : ""}`,
          );
          if (l.errors)
            throw new Error(`${t.label}: ${page.path} had ${l.errors} responses that were not 200 (or timed out) at ${c} users`);
        }
      }
    }
    const loadEnd = loadavg();

    // A table for people, then key=value lines.
    const cols = opts.concurrency;
    console.log(
      `\n| page | build | p50 c${cols[0]} | ${cols.map((c) => `p95 c${c}`).join(" | ")} | p99 c${cols[cols.length - 1]} | req/s (max) | SQL / view |`,
    );
    console.log(`|---|---|---|${cols.map(() => "---|").join("")}---|---|---|`);
    for (const page of pages)
      for (const t of targets) {
        const r = results.get(key(t, page))!;
        const rps = Math.max(...[...r.loads.values()].map((l) => l.rps));
        console.log(
          `| ${page.name} | ${t.label} (${t.ref}) | ${r.loads.get(cols[0]!)!.p50.toFixed(0)} ms | ${cols.map((c) => `${r.loads.get(c)!.p95.toFixed(0)} ms`).join(" | ")} | ${r.loads.get(cols[cols.length - 1]!)!.p99.toFixed(0)} ms | ${rps.toFixed(1)} | ${r.queries.toFixed(1)} |`,
        );
      }
    console.log(
      `\nserver peak RSS: ${targets.map((t) => `${t.label} ${Math.round(t.peakRssMb)} MB`).join(", ")}; load average ${loadStart.map((x) => x.toFixed(2)).join(" ")} at the start, ${loadEnd.map((x) => x.toFixed(2)).join(" ")} at the end\n`,
    );
    for (const t of targets) {
      const prefix = t.label === "before" ? "baseline_" : "";
      for (const page of pages) {
        const r = results.get(key(t, page))!;
        const p = `${prefix}page_${page.name}`;
        for (const c of cols) {
          const l = r.loads.get(c)!;
          if (c === cols[0]) console.log(`${p}_p50_ms_c${c}=${l.p50.toFixed(1)}`);
          console.log(`${p}_p95_ms_c${c}=${l.p95.toFixed(1)}`);
          console.log(`${p}_p99_ms_c${c}=${l.p99.toFixed(1)}`);
          console.log(`${p}_rps_c${c}=${l.rps.toFixed(1)}`);
        }
        console.log(`${p}_rps=${Math.max(...[...r.loads.values()].map((l) => l.rps)).toFixed(1)}`);
        console.log(`${p}_queries=${r.queries.toFixed(1)}`);
      }
      console.log(`${prefix}server_peak_rss_mb=${Math.round(t.peakRssMb)}`);
    }
    if (targets.length > 1)
      for (const page of pages) {
        const rps = (t: Target) => Math.max(...[...results.get(key(t, page))!.loads.values()].map((l) => l.rps));
        console.log(`page_${page.name}_rps_ratio=${(rps(targets[1]!) / rps(targets[0]!)).toFixed(2)}`);
      }
    console.log(`database=${embedded ? "embedded" : "postgresql"}`);
    console.log(`loadavg_1m_start=${loadStart[0]!.toFixed(2)}`);
    console.log(`loadavg_1m_end=${loadEnd[0]!.toFixed(2)}`);
  } finally {
    for (const t of targets) await stop(t);
    if (opts.baseline && !opts.baselineDir)
      log(`the baseline's worktree stays for the next run: git worktree remove --force ${targets[0]!.dir} to delete it`);
  }
}
