/**
 * Next.js calls register() once when a server process starts. In the Node.js runtime it starts the job
 * worker (src/server/jobs/worker.ts) with every feature's jobs (src/jobs.ts), unless GATEHOUSE_WORKER=off;
 * not in the edge runtime, and not while `next build` prerenders. SIGTERM/SIGINT stop it gracefully
 * (no new jobs; running ones finish or are given back) before the process exits.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("./server/env");
  if (env().GATEHOUSE_WORKER === "off") return;
  const { registerAllJobs } = await import("./jobs");
  const { startWorker } = await import("./server/jobs/worker");
  registerAllJobs();
  const state = globalThis as unknown as { __gatehouseWorker?: ReturnType<typeof startWorker> };
  if (state.__gatehouseWorker) return; // dev reloads register again
  const worker = (state.__gatehouseWorker = startWorker({
    concurrency: env().GATEHOUSE_WORKER_CONCURRENCY,
    pollMs: env().GATEHOUSE_WORKER_POLL_MS,
  }));
  console.log(`[gatehouse] job worker ${worker.id} started`);
  for (const signal of ["SIGTERM", "SIGINT"] as const)
    process.once(signal, () => {
      void worker.stop().finally(() => process.exit(0));
    });
}
