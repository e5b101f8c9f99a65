"use client";

import { describedBy, Field } from "./field";

/**
 * The labelled file input of an import form (CSV, JSON): the file is read in the browser by the form,
 * which gets it through `onFile` (null when the choice is cleared).
 */
export function FileImportField({
  id,
  label,
  accept,
  hint,
  error,
  onFile,
}: {
  id: string;
  label: string;
  /** e.g. ".csv,text/csv" */
  accept: string;
  hint?: string;
  error?: string;
  onFile: (file: File | null) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type="file"
        accept={accept}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, !!hint)}
        className="block max-w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
    </Field>
  );
}
