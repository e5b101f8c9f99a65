"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

import { approveVersionAction, markCandidateAction, promoteVersionAction, rollbackAction, startEvaluationAction } from "../actions";

type Ref = { programmeSlug: string; workflowSlug: string; version: number };

/** Starts an evaluation of a version and opens its page, which shows the progress. */
export function RunEvaluationButton({ refTo, disabledReason }: { refTo: Ref; disabledReason?: string | null }) {
  const router = useRouter();
  const run = useAction(startEvaluationAction, {
    onSuccess: ({ data }) =>
      data && router.push(`/programmes/${refTo.programmeSlug}/workflows/${refTo.workflowSlug}/evaluations/${data.runId}`),
  });
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        pending={run.isPending || run.hasSucceeded}
        disabled={!!disabledReason}
        title={disabledReason ?? undefined}
        onClick={() => run.execute(refTo)}
      >
        Run evaluation of v{refTo.version}
      </Button>
      {disabledReason && <p className="text-xs text-slate-500">{disabledReason}</p>}
      <FormError message={run.result.serverError} />
    </div>
  );
}

export function ApproveButton({ refTo }: { refTo: Ref }) {
  const [note, setNote] = useState("");
  const [open, setOpen] = useState(false);
  const approve = useAction(approveVersionAction, { onSuccess: () => setOpen(false) });
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Approve v{refTo.version}
      </Button>
    );
  return (
    <div
      role="group"
      aria-label={`Approve version ${refTo.version}`}
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      <label htmlFor={`approve-note-${refTo.version}`} className="block text-sm font-medium">
        Note (optional)
      </label>
      <textarea
        id={`approve-note-${refTo.version}`}
        rows={2}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <FormError message={approve.result.serverError} />
      <div className="flex gap-2">
        <Button pending={approve.isPending} onClick={() => approve.execute({ ...refTo, note })} autoFocus>
          Approve
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

export function MarkCandidateButton({ refTo }: { refTo: Ref }) {
  const mark = useAction(markCandidateAction);
  return (
    <div className="space-y-2">
      <Button variant="secondary" pending={mark.isPending} onClick={() => mark.execute(refTo)}>
        Mark v{refTo.version} as candidate
      </Button>
      <FormError message={mark.result.serverError} />
    </div>
  );
}

export function PromoteButton({ refTo }: { refTo: Ref }) {
  const promote = useAction(promoteVersionAction);
  return (
    <div className="space-y-2">
      <Button pending={promote.isPending} onClick={() => promote.execute(refTo)}>
        Promote v{refTo.version} to production
      </Button>
      <FormError message={promote.result.serverError} />
    </div>
  );
}

export function RollbackButton({ refTo }: { refTo: Ref }) {
  const [confirming, setConfirming] = useState(false);
  const rollback = useAction(rollbackAction, { onSuccess: () => setConfirming(false) });
  if (!confirming)
    return (
      <Button variant="ghost" className="text-xs" onClick={() => setConfirming(true)}>
        Roll back to v{refTo.version}
      </Button>
    );
  return (
    <span
      role="alertdialog"
      aria-label={`Roll back to version ${refTo.version}?`}
      className="inline-flex flex-wrap items-center gap-2 text-xs"
    >
      Move the production label back to v{refTo.version}?
      <Button variant="danger" className="text-xs" pending={rollback.isPending} onClick={() => rollback.execute(refTo)} autoFocus>
        Roll back
      </Button>
      <Button variant="ghost" className="text-xs" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
      {rollback.result.serverError && (
        <span role="alert" className="text-red-700">
          {rollback.result.serverError}
        </span>
      )}
    </span>
  );
}

/** While a run is in progress, re-reads the page every second so its progress stays current. */
export function RefreshWhileRunning({ running }: { running: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(t);
  }, [running, router]);
  return null;
}
