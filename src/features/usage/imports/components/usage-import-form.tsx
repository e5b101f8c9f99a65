"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { FormError, inputClass } from "@/components/ui/field";
import { FileImportField } from "@/components/ui/file-import-field";
import { formatCount } from "@/lib/format";

import { importUsageFileAction } from "../actions";
import { IMPORT_FORMAT_LABELS, IMPORT_FORMATS, MAX_IMPORT_BYTES, type ImportFormat } from "../formats";

/** Reads a usage file in the browser and imports it: every event or, if anything is wrong, none, with every problem listed. */
export function UsageImportForm({ programmeSlug }: { programmeSlug: string }) {
  const [format, setFormat] = useState<ImportFormat>("usage-csv");
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const run = useAction(importUsageFileAction);
  const data = run.result.data;
  const validation = run.result.validationErrors;

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setLocalError(null);
    if (!file) return setLocalError("Choose a file to import.");
    if (file.size > MAX_IMPORT_BYTES)
      return setLocalError(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; import at most 12 MB at a time (split the file).`);
    run.execute({ programmeSlug, format, text: await file.text() });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Import usage data" aria-busy={run.isPending || undefined}>
      <div className="space-y-1.5">
        <label htmlFor="usage-import-format" className="block text-sm font-medium text-slate-800">
          Format
        </label>
        <select
          id="usage-import-format"
          className={inputClass()}
          value={format}
          onChange={(e) => {
            setFormat(e.target.value as ImportFormat);
            run.reset();
          }}
        >
          {IMPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {IMPORT_FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
      <FileImportField
        id="usage-import-file"
        label="File (at most 12 MB)"
        accept={format === "usage-csv" ? ".csv,text/csv" : ".json,application/json"}
        onFile={(f) => {
          setFile(f);
          setLocalError(null);
          run.reset();
        }}
      />
      <Button type="submit" pending={run.isPending}>
        {run.isPending ? "Importing…" : "Import"}
      </Button>
      {run.isPending && (
        <p role="status" className="text-sm text-slate-600">
          Checking every record, then importing…
        </p>
      )}
      <FormError message={localError ?? run.result.serverError ?? validation?.text?._errors?.[0] ?? validation?.format?._errors?.[0]} />
      {data?.ok && (
        <div role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {data.summaryDays ? (
            <p>
              Stored {formatCount(data.summaryDays.days)} days of analytics summaries: {formatCount(data.summaryDays.inserted)} new,{" "}
              {formatCount(data.summaryDays.replaced)} replaced with these figures.
            </p>
          ) : (
            <p>
              Read {formatCount(data.received)} events: {formatCount(data.inserted)} new, {formatCount(data.duplicates)} already imported.
            </p>
          )}
          {data.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
      {data && !data.ok && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-medium">
            Nothing was imported: the file has {formatCount(data.totalProblems)} {data.totalProblems === 1 ? "problem" : "problems"}
            {data.totalProblems > data.problems.length ? ` (the first ${data.problems.length} are shown)` : ""}.
          </p>
          <ul className="mt-2 space-y-1" aria-label="Problems in the file">
            {data.problems.map((p, i) => (
              <li key={i}>
                <strong>{p.record}:</strong> {p.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
