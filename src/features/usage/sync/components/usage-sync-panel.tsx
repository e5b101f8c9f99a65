"use client";

import { useAction } from "next-safe-action/hooks";
import { useCallback, useEffect, useState } from "react";

import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError, inputClass } from "@/components/ui/field";
import type { EndpointState } from "@/domain/sync";
import { formatCount, formatDateTime } from "@/lib/format";

import { resumeUsageSyncAction, startUsageSyncAction } from "../actions";
import type { UsageSyncView } from "../views";

const POLL_MS = 1_000;

const STATUS: Record<UsageSyncView["status"], { label: string; tone: Tone }> = {
  RUNNING: { label: "Running", tone: "info" },
  SUCCEEDED: { label: "Succeeded", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
};
const ENDPOINT_STATE: Record<EndpointState, { label: string; tone: Tone }> = {
  pending: { label: "Waiting", tone: "neutral" },
  running: { label: "Pulling", tone: "info" },
  done: { label: "Done", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  skipped: { label: "Nothing to pull", tone: "neutral" },
};

/** "Sync now" with a date range, the running sync's progress (polled every second), and the history with "Resume". */
export function UsageSyncPanel({
  programmeSlug,
  initialSyncs,
  defaultRange,
  lastDay,
  hasKeys,
}: {
  programmeSlug: string;
  initialSyncs: UsageSyncView[];
  defaultRange: { from: string; to: string };
  lastDay: string;
  hasKeys: boolean;
}) {
  const [syncs, setSyncs] = useState(initialSyncs);
  const [from, setFrom] = useState(defaultRange.from);
  const [to, setTo] = useState(defaultRange.to);
  const [pollError, setPollError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const running = syncs.find((s) => s.status === "RUNNING") ?? null;

  const refresh = useCallback(async () => {
    try {
      const res = await fetch(`/programmes/${encodeURIComponent(programmeSlug)}/dashboard/sync/status`, { cache: "no-store" });
      const body = (await res.json()) as { syncs?: UsageSyncView[]; error?: { message: string } };
      if (!res.ok || !body.syncs) throw new Error(body.error?.message ?? "The sync status could not be read.");
      setSyncs(body.syncs);
      setPollError(null);
    } catch (e) {
      setPollError(e instanceof Error ? e.message : "The sync status could not be read.");
    } finally {
      setTick((t) => t + 1);
    }
  }, [programmeSlug]);

  // While a sync runs, read its progress every second.
  useEffect(() => {
    if (!running) return;
    const t = setTimeout(() => void refresh(), POLL_MS);
    return () => clearTimeout(t);
  }, [running, tick, refresh]);

  const start = useAction(startUsageSyncAction, { onSuccess: () => void refresh() });
  const resume = useAction(resumeUsageSyncAction, { onSuccess: () => void refresh() });
  const v = start.result.validationErrors;
  const startError = start.result.serverError ?? v?.from?._errors?.[0] ?? v?.to?._errors?.[0];

  return (
    <div className="space-y-6">
      <form
        noValidate
        aria-label="Sync now"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          start.execute({ programmeSlug, from, to });
        }}
      >
        <div className="flex flex-wrap items-end gap-3">
          <div className="space-y-1.5">
            <label htmlFor="sync-from" className="block text-sm font-medium text-slate-800">
              From
            </label>
            <input
              id="sync-from"
              type="date"
              className={inputClass(Boolean(v?.from))}
              value={from}
              max={lastDay}
              onChange={(e) => {
                setFrom(e.target.value);
                start.reset();
              }}
            />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="sync-to" className="block text-sm font-medium text-slate-800">
              To
            </label>
            <input
              id="sync-to"
              type="date"
              className={inputClass(Boolean(v?.to))}
              value={to}
              max={lastDay}
              onChange={(e) => {
                setTo(e.target.value);
                start.reset();
              }}
            />
          </div>
          <Button type="submit" pending={start.isPending} disabled={!hasKeys || running !== null}>
            {start.isPending ? "Starting…" : "Sync now"}
          </Button>
        </div>
        <p className="text-xs text-slate-500">
          UTC days, up to yesterday ({lastDay}): a day is pulled once it is over, and a record already pulled is never changed. Pulling days
          again adds only what is new.
          {running && " A sync is running; the next can start when it finishes."}
        </p>
        {!hasKeys && <p className="text-sm text-slate-600">Add an admin key or an analytics key above to sync.</p>}
        <FormError message={startError} />
      </form>

      {running && <SyncProgress sync={running} />}
      {pollError && <FormError message={`Progress could not be refreshed: ${pollError}`} />}

      <section aria-labelledby="sync-history-heading" className="space-y-2">
        <h3 id="sync-history-heading" className="text-sm font-semibold text-slate-900">
          Syncs
        </h3>
        <FormError message={resume.result.serverError} />
        {syncs.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
            No syncs yet. &ldquo;Sync now&rdquo; pulls the days you pick; once a key is saved, a daily sync pulls the last complete days by
            itself.
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Started
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Days
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Pages
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    Events (new)
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Details and actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {syncs.map((s) => (
                  <SyncRow
                    key={s.id}
                    sync={s}
                    resumable={running === null && !resume.isPending}
                    resuming={resume.isPending && resume.input?.syncId === s.id}
                    onResume={() => resume.execute({ programmeSlug, syncId: s.id })}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function SyncRow({
  sync: s,
  resumable,
  resuming,
  onResume,
}: {
  sync: UsageSyncView;
  resumable: boolean;
  resuming: boolean;
  onResume: () => void;
}) {
  const [open, setOpen] = useState(false);
  const started = formatDateTime(new Date(s.startedAt));
  return (
    <>
      <tr>
        <td className="py-2 pr-3">
          <div className="whitespace-nowrap">{started}</div>
          <div className="text-xs text-slate-500">
            {s.trigger === "SCHEDULED" ? "Daily schedule" : `Sync now${s.startedBy ? ` by ${s.startedBy}` : ""}`}
          </div>
        </td>
        <td className="whitespace-nowrap py-2 pr-3">{s.from === s.to ? s.from : `${s.from} – ${s.to}`}</td>
        <td className="py-2 pr-3">
          <Badge tone={STATUS[s.status].tone}>{STATUS[s.status].label}</Badge>
          {s.error && <p className="mt-1 max-w-lg text-xs text-red-800">{s.error}</p>}
        </td>
        <td className="py-2 pr-3 text-right tabular-nums">{formatCount(s.pages)}</td>
        <td className="py-2 pr-3 text-right tabular-nums">
          {formatCount(s.records)} ({formatCount(s.inserted)})
        </td>
        <td className="py-2">
          <div className="flex flex-wrap justify-end gap-2">
            {s.status === "FAILED" && (
              <Button
                variant="secondary"
                pending={resuming}
                disabled={!resumable}
                onClick={onResume}
                aria-label={`Resume the sync of ${s.from} to ${s.to} started ${started}`}
              >
                Resume
              </Button>
            )}
            <Button variant="ghost" aria-expanded={open} aria-controls={`sync-${s.id}-endpoints`} onClick={() => setOpen((o) => !o)}>
              {open ? "Hide endpoints" : "Endpoints"}
            </Button>
          </div>
        </td>
      </tr>
      {open && (
        <tr id={`sync-${s.id}-endpoints`}>
          <td colSpan={6} className="bg-slate-50 px-3 pb-3">
            <EndpointTable sync={s} />
          </td>
        </tr>
      )}
    </>
  );
}

function SyncProgress({ sync }: { sync: UsageSyncView }) {
  return (
    <section aria-label="Sync in progress" aria-live="polite" className="space-y-2 rounded-md border border-brand-100 bg-brand-50/40 p-3">
      <p className="text-sm text-slate-800">
        Syncing {sync.from === sync.to ? sync.from : `${sync.from} – ${sync.to}`}: {formatCount(sync.pages)} pages,{" "}
        {formatCount(sync.records)} events so far ({formatCount(sync.inserted)} new).
      </p>
      <EndpointTable sync={sync} />
    </section>
  );
}

function EndpointTable({ sync }: { sync: UsageSyncView }) {
  if (sync.endpoints.length === 0) return <p className="text-xs text-slate-500">No endpoints.</p>;
  return (
    <table className="mt-1 w-full text-left text-xs">
      <thead className="text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-2 font-medium">
            Endpoint
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            State
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            Pages
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Events (new)
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {sync.endpoints.map((e) => (
          <tr key={e.key}>
            <td className="py-1 pr-2">
              {e.label}
              {e.note && <div className="text-slate-500">{e.note}</div>}
              {e.error && e.error !== sync.error && <div className="text-red-800">{e.error}</div>}
            </td>
            <td className="whitespace-nowrap py-1 pr-2">
              <Badge tone={ENDPOINT_STATE[e.state].tone}>{ENDPOINT_STATE[e.state].label}</Badge>
              {e.day && (e.state === "running" || e.state === "failed") && <span className="ml-1 text-slate-500">{e.day}</span>}
            </td>
            <td className="py-1 pr-2 text-right tabular-nums">{formatCount(e.pages)}</td>
            <td className="py-1 text-right tabular-nums">
              {formatCount(e.events)} ({formatCount(e.inserted)})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
