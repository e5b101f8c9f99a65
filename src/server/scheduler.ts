import "server-only";

/**
 * The in-process schedule of the Next server (started once, from src/instrumentation.ts): every hour it
 * runs the scheduled usage syncs that are due — a programme's is due when none started in the last 24
 * hours, so each programme with a key is synced once a day, and at start when its last scheduled sync is
 * older than that. Which process runs a programme's sync is settled in the database (the claim locks the
 * programme's row), so several app processes may all run this schedule.
 */

const TICK_MS = 60 * 60_000;
const FIRST_TICK_MS = 60_000; // let the server finish starting first

type SchedulerState = { started: boolean; busy: boolean };
const state: SchedulerState = ((globalThis as unknown as { __gatehouseScheduler?: SchedulerState }).__gatehouseScheduler ??= {
  started: false,
  busy: false,
});

export async function runSchedulerTick(): Promise<void> {
  if (state.busy) return; // the previous tick is still syncing
  state.busy = true;
  try {
    const { runScheduledSyncs } = await import("@/features/usage/sync/server/run-scheduled-syncs");
    for (const r of await runScheduledSyncs()) {
      const { status, pages, records, inserted, error } = r.outcome;
      const line = `[gatehouse] daily usage sync of ${r.programmeSlug}: ${status.toLowerCase()}, ${pages} pages, ${records} events (${inserted} new)`;
      if (error) console.warn(`${line}: ${error}`);
      else console.log(line);
    }
  } catch (e) {
    // Never the keys: errors here come from the database or the code, and carry no secret.
    console.error("[gatehouse] the daily usage sync could not run:", e instanceof Error ? e.message : String(e));
  } finally {
    state.busy = false;
  }
}

/** Starts the hourly tick once per process; the timers do not keep the process alive. */
export function startUsageSyncScheduler(): void {
  if (state.started) return;
  state.started = true;
  setTimeout(() => void runSchedulerTick(), FIRST_TICK_MS).unref();
  setInterval(() => void runSchedulerTick(), TICK_MS).unref();
}
