/**
 * `npm run bench -- jobs [--jobs 1000] [--throughput-jobs 5000] [--concurrency 4]`: the job layer's speed on
 * the given database, through the real enqueue and worker (src/server/jobs) with a handler that does nothing:
 * - wait: enqueue → handler start, for `--jobs` jobs enqueued one every 20 ms (each in its own transaction)
 *   while one worker runs, as median and p95;
 * - throughput: `--throughput-jobs` jobs already queued, drained by one worker (jobs per second).
 * Prints key=value lines.
 */
import { performance } from "node:perf_hooks";
import { z } from "zod";

const log = (m: string) => console.log(`[bench] ${m}`);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export async function benchJobs(opts: { jobs: number; throughputJobs: number; concurrency: number }): Promise<void> {
  const { db, disconnectDb } = await import("../../src/server/db");
  const { env } = await import("../../src/server/env");
  const { defineJob } = await import("../../src/server/jobs/define");
  const { enqueue } = await import("../../src/server/jobs/enqueue");
  const { startWorker } = await import("../../src/server/jobs/worker");

  const suffix = Math.random().toString(36).slice(2, 8);
  const sentAt = new Map<number, number>();
  const waits: number[] = [];
  let done = 0;
  const latency = defineJob({
    name: `bench.latency-${suffix}`,
    schema: z.object({ n: z.number() }),
    handler: async ({ n }) => void waits.push(performance.now() - sentAt.get(n)!),
  });
  const drain = defineJob({ name: `bench.drain-${suffix}`, schema: z.object({ n: z.number() }), handler: async () => void done++ });
  const listen = env().DATABASE_POOL_MAX > 1;
  const quiet = () => undefined;

  // Wait between enqueue and start, one worker, jobs arriving one every 20 ms.
  const w1 = startWorker({ definitions: [latency], concurrency: opts.concurrency, log: quiet });
  await new Promise((r) => setTimeout(r, 1_000)); // the LISTEN connection is up
  log(`wait: ${opts.jobs} jobs, one every 20 ms (poll ${env().GATEHOUSE_WORKER_POLL_MS} ms, LISTEN ${listen ? "on" : "off"})`);
  for (let n = 0; n < opts.jobs; n++) {
    sentAt.set(n, performance.now());
    await db.$transaction((tx) => enqueue(tx, latency, { n }));
    await new Promise((r) => setTimeout(r, 20));
  }
  while (waits.length < opts.jobs) await new Promise((r) => setTimeout(r, 50));
  await w1.stop();

  // Throughput: a queue of jobs drained by one worker.
  log(`throughput: queueing ${opts.throughputJobs} jobs`);
  for (let at = 0; at < opts.throughputJobs; at += 500)
    await db.$transaction(
      async (tx) => {
        for (let n = at; n < Math.min(opts.throughputJobs, at + 500); n++) await enqueue(tx, drain, { n });
      },
      { timeout: 120_000 },
    );
  const t0 = performance.now();
  const w2 = startWorker({ definitions: [drain], concurrency: opts.concurrency, log: quiet });
  while (done < opts.throughputJobs) await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - t0) / 1000;
  await w2.stop();
  await db.job.deleteMany({ where: { name: { in: [latency.name, drain.name] } } });
  await disconnectDb();

  console.log(`jobs_wait_jobs=${opts.jobs}`);
  console.log(`jobs_wait_p50_ms=${percentile(waits, 50).toFixed(1)}`);
  console.log(`jobs_wait_p95_ms=${percentile(waits, 95).toFixed(1)}`);
  console.log(`jobs_listen=${listen ? "on" : "off"}`);
  console.log(`jobs_worker_concurrency=${opts.concurrency}`);
  console.log(`jobs_throughput_jobs=${opts.throughputJobs}`);
  console.log(`jobs_throughput_per_s=${Math.round(opts.throughputJobs / seconds)}`);
}
