import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface EmbeddedPostgres {
  url: string;
  fresh: boolean;
  stop(): Promise<void>;
}

export const EMBEDDED_MAX_CONNECTIONS = 16;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts PGlite (PostgreSQL in WebAssembly) and serves it over the Postgres protocol on a free local
 * port, so the app connects through the same pg/adapter-pg path as to a real server.
 * `dataDir` undefined means in memory. A lock file keeps a second process off the same data folder
 * (PGlite has no cross-process locking of its own).
 */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  let lockFile: string | undefined;
  let fresh = true;
  if (dataDir) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    lockFile = `${dataDir}.lock`;
    if (existsSync(lockFile)) {
      const pid = Number(readFileSync(lockFile, "utf8"));
      if (pid && pid !== process.pid && pidAlive(pid))
        throw new Error(`The embedded database in ${dataDir} is in use by process ${pid}. Stop that Gatehouse first.`);
    }
    writeFileSync(lockFile, String(process.pid));
    fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  }
  const db = await PGlite.create(dataDir);
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: EMBEDDED_MAX_CONNECTIONS });
  await server.start();
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    fresh,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop().catch(() => undefined);
      await db.close().catch(() => undefined);
      if (lockFile) rmSync(lockFile, { force: true });
    },
  };
}

export const EMBEDDED_STATE_DIR = ".gatehouse";

/**
 * The database for operator commands: DATABASE_URL if set; else the embedded database of a running
 * `npm start`; else the embedded data folder opened here (stopped again by the returned `stop`).
 */
export async function resolveOperatorDatabase(root = process.cwd()): Promise<{ url: string; embedded: boolean; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => undefined };
  const stateDir = path.join(root, EMBEDDED_STATE_DIR);
  const runtime = path.join(stateDir, "runtime.json");
  if (existsSync(runtime)) {
    const { pid, databaseUrl } = JSON.parse(readFileSync(runtime, "utf8")) as { pid: number; databaseUrl: string };
    if (pidAlive(pid)) return { url: databaseUrl, embedded: true, stop: async () => undefined };
  }
  const dataDir = path.join(stateDir, "pgdata");
  if (!existsSync(path.join(dataDir, "PG_VERSION")))
    throw new Error("No database: set DATABASE_URL, or run `npm start` once to create the embedded one.");
  const pg = await startEmbeddedPostgres(dataDir);
  return { url: pg.url, embedded: true, stop: pg.stop };
}
