/**
 * Next.js calls register() once when a server process starts. In the Node.js runtime it starts the
 * in-process schedule of the daily usage sync (src/server/scheduler.ts); not in the edge runtime, and
 * not while `next build` prerenders.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startUsageSyncScheduler } = await import("./server/scheduler");
  startUsageSyncScheduler();
}
