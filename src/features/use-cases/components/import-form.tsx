"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { FileImportField } from "@/components/ui/file-import-field";

import { importUseCasesAction } from "../actions";
import { MAX_IMPORT_CHARS } from "../schemas";

/** Reads a CSV file in the browser and imports it: all rows or, if any row is bad, none, with every bad row listed. */
export function ImportForm({ programmeSlug }: { programmeSlug: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const run = useAction(importUseCasesAction);
  const data = run.result.data;
  const problems = data?.problems ?? [];

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setLocalError(null);
    if (!file) return setLocalError("Choose a CSV file.");
    if (file.size > MAX_IMPORT_CHARS) return setLocalError("The file is too large: import at most 500 KB at a time.");
    run.execute({ programmeSlug, csv: await file.text() });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Import use cases" aria-busy={run.isPending || undefined}>
      <FileImportField
        id="uc-import-file"
        label="CSV file"
        accept=".csv,text/csv"
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
          Checking every row, then importing…
        </p>
      )}
      <FormError message={localError ?? run.result.serverError ?? run.result.validationErrors?.csv?._errors?.[0]} />
      {data && problems.length === 0 && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Imported {data.imported} use {data.imported === 1 ? "case" : "cases"}.
        </p>
      )}
      {problems.length > 0 && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-medium">{data?.message}</p>
          <ul className="mt-2 space-y-1" aria-label="Problems in the file">
            {problems.map((p) => (
              <li key={p.line}>
                <strong>Line {p.line}:</strong> {p.reasons.join(" ")}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
