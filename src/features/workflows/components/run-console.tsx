"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { formatCount, formatSeconds, formatUsdPrecise } from "@/lib/format";

import { runWorkflowAction } from "../actions";

/** Runs the production version with the member's values and shows the output, tokens, cost and latency. */
export function RunConsole({
  programmeSlug,
  workflowSlug,
  variables,
  noKeyMessage,
}: {
  programmeSlug: string;
  workflowSlug: string;
  variables: string[];
  noKeyMessage: string | null;
}) {
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(variables.map((v) => [v, ""])));
  const run = useAction(runWorkflowAction);
  const r = run.result.data;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        method="post"
        aria-label="Run workflow"
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          run.execute({ programmeSlug, workflowSlug, variables: values });
        }}
      >
        {variables.map((v) => (
          <Field key={v} id={`run-${v}`} label={v}>
            <textarea
              id={`run-${v}`}
              rows={3}
              className={inputClass()}
              value={values[v] ?? ""}
              onChange={(e) => setValues({ ...values, [v]: e.target.value })}
            />
          </Field>
        ))}
        {noKeyMessage && <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{noKeyMessage}</p>}
        <FormError message={run.result.serverError} />
        <Button type="submit" pending={run.isPending} disabled={!!noKeyMessage}>
          Run
        </Button>
      </form>
      <section aria-label="Output" aria-live="polite" className="space-y-3">
        <h3 className="text-sm font-semibold">Output</h3>
        {run.isPending && <p className="text-sm text-slate-600">Running… Claude is writing the output.</p>}
        {!run.isPending && !r && <p className="text-sm text-slate-500">Fill in the inputs and run it; the output appears here.</p>}
        {!run.isPending && r && r.status === "SUCCEEDED" && (
          <pre className="whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">{r.output}</pre>
        )}
        {!run.isPending && r && r.status === "FAILED" && r.error && (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            The run failed after retries: {r.error.type}
            {r.error.status ? ` (${r.error.status})` : ""} — {r.error.message}
            {r.error.requestId && <span className="block font-mono text-xs">request id {r.error.requestId}</span>}
          </div>
        )}
        {!run.isPending && r && (
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs text-slate-600 sm:grid-cols-4">
            <dt>Tokens in</dt>
            <dd className="tabular-nums">{formatCount(r.tokens.input)}</dd>
            <dt>Tokens out</dt>
            <dd className="tabular-nums">{formatCount(r.tokens.output)}</dd>
            <dt>Cost</dt>
            <dd className="tabular-nums">{formatUsdPrecise(r.costUsd)}</dd>
            <dt>Latency</dt>
            <dd className="tabular-nums">{formatSeconds(r.latencyMs)}</dd>
            <dt>Version</dt>
            <dd>v{r.version}</dd>
            <dt>Run id</dt>
            <dd className="truncate font-mono">{r.runId}</dd>
          </dl>
        )}
      </section>
    </div>
  );
}
