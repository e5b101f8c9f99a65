import { connect } from "node:net";

import { env } from "./env";

/**
 * Whether the database can be reached, for the proxy to answer pages with 503 while it cannot
 * (decision record 018). A page cannot set its own status (an error boundary renders as a 500), so the
 * check happens before rendering: a TCP connection to DATABASE_URL's host and port, at most one probe a
 * second per process (concurrent requests share it), plus a mark set by code that just lost the
 * database (the page guard), which holds for a couple of seconds.
 */
const PROBE_EVERY_MS = 1_000;
const PROBE_TIMEOUT_MS = 1_000;
const MARK_HOLDS_MS = 2_000;

interface Health {
  checkedAt: number;
  reachable: boolean;
  inFlight: Promise<boolean> | null;
  markedDownAt: number;
}

// One state per process, shared by the proxy's bundle and the app's (they are bundled apart, run together).
const KEY = Symbol.for("gatehouse.db-health");
const health: Health = ((globalThis as Record<symbol, Health | undefined>)[KEY] ??= {
  checkedAt: 0,
  reachable: true,
  inFlight: null,
  markedDownAt: 0,
});

/** Called where the database was just found unreachable: the next requests are answered 503 without waiting. */
export function markDatabaseUnavailable(now = Date.now()): void {
  health.markedDownAt = now;
}

function target(): { host: string; port: number } | null {
  try {
    const u = new URL(env().DATABASE_URL);
    if (!u.hostname) return null; // a Unix socket: nothing to probe over TCP
    return { host: u.hostname.replace(/^\[|\]$/g, ""), port: Number(u.port || 5432) };
  } catch {
    return null;
  }
}

function probe(t: { host: string; port: number }): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: t.host, port: t.port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** True when the database is known to be unreachable right now (probed at most once a second). */
export async function databaseLooksUnavailable(now = Date.now()): Promise<boolean> {
  if (now - health.markedDownAt < MARK_HOLDS_MS) return true;
  const t = target();
  if (!t) return false;
  if (now - health.checkedAt < PROBE_EVERY_MS) return !health.reachable;
  health.inFlight ??= probe(t).then((reachable) => {
    Object.assign(health, { reachable, checkedAt: Date.now(), inFlight: null });
    return reachable;
  });
  return !(await health.inFlight);
}

/** Forget the state (tests). */
export function resetDatabaseHealth(): void {
  Object.assign(health, { checkedAt: 0, reachable: true, inFlight: null, markedDownAt: 0 });
}
