"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";

/** A block of text to paste into a Claude app (a prompt, a Project's instructions): read-only, with a Copy button. */
export function CopyBlock({ id, label, text, rows = 6 }: { id: string; label: string; text: string; rows?: number }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        <Button
          type="button"
          variant="secondary"
          className="text-xs"
          aria-label={`Copy ${label.toLowerCase()}`}
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <textarea
        id={id}
        readOnly
        rows={rows}
        value={text}
        onFocus={(e) => e.currentTarget.select()}
        className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
      />
    </div>
  );
}
