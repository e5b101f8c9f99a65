"use client";

import { useAction } from "next-safe-action/hooks";
import { useCallback, useEffect, useState } from "react";

import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormError, inputClass } from "@/components/ui/field";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
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
          <EmptyState variant="panel" title="No syncs yet.">
            &ldquo;Sync now&rdquo; pulls the days you pick; once a key is saved, a daily sync pulls the last complete days by itself.
          </EmptyState>
        ) : (
          <Table>
            <TableHead>
              <Tr>
                <Th>Started</Th>
                <Th>Days</Th>
                <Th>Status</Th>
                <Th numeric>Pages</Th>
                <Th numeric>Events (new)</Th>
                <Th>
                  <span className="sr-only">Details and actions</span>
                </Th>
              </Tr>
            </TableHead>
            <TableBody>
              {syncs.map((s) => (
                <SyncRow
                  key={s.id}
                  sync={s}
                  resumable={running === null && !resume.isPending}
                  resuming={resume.isPending && resume.input?.syncId === s.id}
                  onResume={() => resume.execute({ programmeSlug, syncId: s.id })}
                />
              ))}
            </TableBody>
          </Table>
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
      <Tr>
        <Td>
          <div className="whitespace-nowrap">{started}</div>
          <div className="text-xs text-slate-500">
            {s.trigger === "SCHEDULED" ? "Daily schedule" : `Sync now${s.startedBy ? ` by ${s.startedBy}` : ""}`}
          </div>
        </Td>
        <Td nowrap>{s.from === s.to ? s.from : `${s.from} – ${s.to}`}</Td>
        <Td>
          <Badge tone={STATUS[s.status].tone}>{STATUS[s.status].label}</Badge>
          {s.error && <p className="mt-1 max-w-lg text-xs text-red-800">{s.error}</p>}
        </Td>
        <Td numeric>{formatCount(s.pages)}</Td>
        <Td numeric>
          {formatCount(s.records)} ({formatCount(s.inserted)})
        </Td>
        <Td>
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
        </Td>
      </Tr>
      {open && (
        <Tr id={`sync-${s.id}-endpoints`}>
          <Td className="bg-slate-50 px-3 pb-3" colSpan={6}>
            <EndpointTable sync={s} />
          </Td>
        </Tr>
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
    <Table density="compact" size="xs" className="mt-1">
      <TableHead>
        <Tr>
          <Th>Endpoint</Th>
          <Th>State</Th>
          <Th numeric>Pages</Th>
          <Th numeric>Events (new)</Th>
        </Tr>
      </TableHead>
      <TableBody>
        {sync.endpoints.map((e) => (
          <Tr key={e.key}>
            <Td>
              {e.label}
              {e.note && <div className="text-slate-500">{e.note}</div>}
              {e.error && e.error !== sync.error && <div className="text-red-800">{e.error}</div>}
            </Td>
            <Td nowrap>
              <Badge tone={ENDPOINT_STATE[e.state].tone}>{ENDPOINT_STATE[e.state].label}</Badge>
              {e.day && (e.state === "running" || e.state === "failed") && <span className="ml-1 text-slate-500">{e.day}</span>}
            </Td>
            <Td numeric>{formatCount(e.pages)}</Td>
            <Td numeric>
              {formatCount(e.events)} ({formatCount(e.inserted)})
            </Td>
          </Tr>
        ))}
      </TableBody>
    </Table>
  );
}
