import { connect, createServer, type Server, type Socket } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

import { EMBEDDED_MAX_CONNECTIONS, freePort } from "@/server/db/embedded";

export type CutPoint =
  /** The message is never delivered: the connection drops in the middle of the request. */
  | "before-sending"
  /** The message is delivered and executed, and the connection drops before its reply arrives (a lost acknowledgement). */
  | "after-reply";

export interface RestartablePostgres {
  /** Where the app connects. */
  url: string;
  /** Stops the server: every open connection is closed, new ones are refused, the data stays on disk. */
  stop(): Promise<void>;
  /** Starts it again on the same data folder and the same port. */
  start(): Promise<void>;
  /**
   * Drops the next connection whose client sends, in order, messages containing each of `patterns`
   * (e.g. `INSERT INTO "UsageEvent"`, then `COMMIT`), at `at` of the last one. Resolves once done.
   */
  cutNext(patterns: string[], at: CutPoint): Promise<void>;
  /** Connections dropped by stop() or cutNext() so far. */
  dropped(): number;
  close(): Promise<void>;
}

/**
 * A private PostgreSQL (PGlite served over the Postgres protocol, as `npm start` runs it) whose data
 * lives in `dataDir`, so it can be stopped and started again like a real server restart: committed
 * data survives; open connections and their transactions do not; while it is down its port refuses
 * connections. The app reaches it through a small TCP relay on that port, which can also drop one
 * connection at a chosen message, to make "the connection dropped mid-request" and "the commit
 * happened but its reply was lost" happen on purpose rather than by luck.
 */
export async function startRestartablePostgres(dataDir: string): Promise<RestartablePostgres> {
  const [port, innerPort] = [await freePort(), await freePort()];
  let db: { pglite: PGlite; server: PGLiteSocketServer } | null = null;
  let relay: Server | null = null;
  const open = new Set<Socket>();
  const clients = new Set<Socket>();
  let fault: { patterns: Buffer[]; at: CutPoint; done: () => void } | null = null;
  let dropped = 0;

  const handle = (client: Socket) => {
    const upstream = connect(innerPort, "127.0.0.1");
    open.add(client).add(upstream);
    clients.add(client);
    client.on("close", () => clients.delete(client));
    let armed: (() => void) | null = null;
    let tail: Buffer = Buffer.alloc(0);
    let progress = { fault, matched: 0 }; // how many of the armed fault's patterns this connection has sent
    const drop = () => {
      if (!client.destroyed) dropped++;
      client.destroy();
      upstream.destroy();
    };
    client.on("data", (chunk: Buffer) => {
      const f = fault;
      if (progress.fault !== f) progress = { fault: f, matched: 0 };
      if (f && Buffer.concat([tail, chunk]).includes(f.patterns[progress.matched]!)) progress.matched++;
      if (f && progress.matched === f.patterns.length) {
        fault = null;
        if (f.at === "before-sending") {
          drop();
          f.done();
          return;
        }
        armed = () => {
          drop();
          f.done();
        };
      }
      tail = chunk.subarray(Math.max(0, chunk.length - 256));
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (armed) return armed(); // the reply to the armed message is the next thing the server sends
      client.write(chunk);
    });
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      a.on("error", () => b.destroy());
      a.on("close", () => {
        open.delete(a);
        b.destroy();
      });
    }
  };

  const start = async () => {
    if (db) return;
    const pglite = await PGlite.create(dataDir);
    const server = new PGLiteSocketServer({ db: pglite, port: innerPort, host: "127.0.0.1", maxConnections: EMBEDDED_MAX_CONNECTIONS });
    await server.start();
    db = { pglite, server };
    relay = createServer(handle);
    await new Promise<void>((resolve, reject) => {
      relay!.once("error", reject);
      relay!.listen(port, "127.0.0.1", () => resolve());
    });
  };

  const stop = async () => {
    if (!db) return;
    const { pglite, server } = db;
    db = null;
    const closed = new Promise<void>((resolve) => relay!.close(() => resolve()));
    relay = null;
    dropped += clients.size;
    for (const s of open) s.destroy();
    await server.stop();
    await pglite.close();
    await closed;
  };

  await start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    start,
    stop,
    cutNext: (patterns, at) => new Promise<void>((done) => (fault = { patterns: patterns.map((p) => Buffer.from(p)), at, done })),
    dropped: () => dropped,
    close: stop,
  };
}
