import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { PrismaClient } from "@/generated/prisma/client";

import { env } from "./env";

/**
 * One pg pool per process, shared by Prisma (through @prisma/adapter-pg) and by the rate limiter.
 * The same code path serves a real PostgreSQL and the embedded PGlite socket server.
 */
type Globals = { pool?: pg.Pool; prisma?: PrismaClient };
const globals = globalThis as unknown as { __gatehouse?: Globals };
const store: Globals = (globals.__gatehouse ??= {});

export function pool(): pg.Pool {
  store.pool ??= createPool();
  return store.pool;
}

/**
 * A connection the server closes (a restart, a failover) is dropped from the pool and a new one is
 * opened on next use, so the app recovers by itself once the database is back; until then queries
 * fail fast (connection refused) and API routes answer 503. No connect timeout: in embedded mode
 * (one connection) a query may rightly wait for a long import to finish; transactions have maxWait.
 */
function createPool(): pg.Pool {
  const p = new pg.Pool({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_MAX, keepAlive: true });
  // An idle connection's error is emitted on the pool; unheard, it would end the process.
  p.on("error", (e) => console.warn(`Database connection lost while idle (${e.message}); the pool opens a new one when needed.`));
  return p;
}

export function prismaClient(): PrismaClient {
  // Writers queue on row locks and on the pool: wait for a connection longer than Prisma's 2 s default.
  store.prisma ??= new PrismaClient({ adapter: new PrismaPg(pool()), transactionOptions: { maxWait: 15_000, timeout: 20_000 } });
  return store.prisma;
}

/** The Prisma client. Lazy, so importing this module never opens a connection. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = prismaClient();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export async function disconnectDb(): Promise<void> {
  await store.prisma?.$disconnect();
  await store.pool?.end();
  store.prisma = undefined;
  store.pool = undefined;
}
