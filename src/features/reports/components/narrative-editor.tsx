"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";

import {
  draftWeeklyNarrativeAction,
  publishWeeklyNarrativeAction,
  reopenWeeklyNarrativeAction,
  saveWeeklyNarrativeAction,
} from "../actions";

export interface NarrativeEditorProps {
  programmeSlug: string;
  week: number;
  narrative: { text: string; status: "DRAFTED" | "PUBLISHED"; editedBy: string | null } | null;
  claudeConfigured: boolean;
  model: string;
}

const firstError = (v: unknown, field: string): string | undefined =>
  (v as Record<string, { _errors?: string[] }> | undefined)?.[field]?._errors?.[0];

/**
 * The programme manager's controls for the week's summary: write or edit it, have Claude draft it,
 * publish it (after confirming it was checked against the figures), or reopen a published one.
 * The page renders it again (with a new key) after each change, so it starts from the saved state.
 */
export function NarrativeEditor({ programmeSlug, week, narrative, claudeConfigured, model }: NarrativeEditorProps) {
  const saved = narrative?.text ?? "";
  const [text, setText] = useState(saved);
  const [confirm, setConfirm] = useState<null | "publish" | "redraft" | "reopen">(null);
  const [checked, setChecked] = useState(false);
  const draft = useAction(draftWeeklyNarrativeAction, { onSuccess: () => setConfirm(null) });
  const save = useAction(saveWeeklyNarrativeAction);
  const publish = useAction(publishWeeklyNarrativeAction, { onSuccess: () => setConfirm(null) });
  const reopen = useAction(reopenWeeklyNarrativeAction, { onSuccess: () => setConfirm(null) });
  const dirty = text.trim() !== saved.trim();
  const empty = text.trim().length === 0;
  const error =
    draft.result.serverError ??
    save.result.serverError ??
    publish.result.serverError ??
    reopen.result.serverError ??
    firstError(publish.result.validationErrors, "checked");
  const textError = firstError(save.result.validationErrors, "text") ?? firstError(publish.result.validationErrors, "text");
  const cancel = () => {
    setConfirm(null);
    setChecked(false);
    draft.reset();
    publish.reset();
    reopen.reset();
  };

  if (narrative?.status === "PUBLISHED")
    return (
      <div className="space-y-2 border-t border-slate-100 pt-3">
        <FormError message={error} />
        {confirm === "reopen" ? (
          <div
            role="alertdialog"
            aria-label="Reopen the summary as a draft?"
            className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm"
          >
            <p>Reopen week {week}&rsquo;s summary as a draft? It leaves the report and its PDF until it is published again.</p>
            <div className="flex gap-2">
              <Button pending={reopen.isPending} onClick={() => reopen.execute({ programmeSlug, week })} autoFocus>
                Reopen as draft
              </Button>
              <Button variant="ghost" onClick={cancel}>
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <Button variant="secondary" onClick={() => setConfirm("reopen")}>
            Reopen as draft to change it
          </Button>
        )}
      </div>
    );

  const replacing = Boolean(narrative?.editedBy) || dirty;
  const askClaude = () => draft.execute({ programmeSlug, week, replace: replacing });
  const id = `narrative-week-${week}`;

  return (
    <div className="space-y-3">
      <FormError message={error} />
      {save.hasSucceeded && !dirty && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Draft saved.
        </p>
      )}
      <Field
        id={id}
        label={narrative ? `Summary for week ${week}` : `Write the summary for week ${week}`}
        hint="Plain text; a blank line between paragraphs. Sponsors, viewers and the PDF see it only once it is published."
        error={textError}
      >
        <textarea
          id={id}
          rows={9}
          className={inputClass(!!textError)}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={!!textError}
          aria-describedby={describedBy(id, textError, true)}
        />
      </Field>

      {confirm === "publish" ? (
        <div
          role="alertdialog"
          aria-label={`Publish the summary for week ${week}?`}
          className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm"
        >
          <p>Publish this summary? It goes into the weekly report for every member and into its PDF, under your name.</p>
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-0.5" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
            <span>I checked it against week {week}&rsquo;s figures, gates, risks and milestones on this page.</span>
          </label>
          <div className="flex gap-2">
            <Button
              pending={publish.isPending}
              disabled={!checked || empty}
              onClick={() => publish.execute({ programmeSlug, week, text, checked: true })}
            >
              Publish
            </Button>
            <Button variant="ghost" onClick={cancel}>
              Cancel
            </Button>
          </div>
        </div>
      ) : confirm === "redraft" ? (
        <div
          role="alertdialog"
          aria-label="Replace the text with Claude's draft?"
          className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm"
        >
          <p>
            Replace {narrative?.editedBy ? <>the text by {narrative.editedBy}</> : "the text"}
            {dirty ? " and your unsaved changes" : ""} with a new draft from Claude?
          </p>
          <div className="flex gap-2">
            <Button pending={draft.isPending} onClick={askClaude} autoFocus>
              {draft.isPending ? "Claude is drafting…" : "Replace with Claude's draft"}
            </Button>
            <Button variant="ghost" onClick={cancel}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            variant="secondary"
            pending={save.isPending}
            disabled={!dirty || empty}
            onClick={() => save.execute({ programmeSlug, week, text })}
          >
            Save draft
          </Button>
          <Button
            disabled={empty}
            onClick={() => {
              publish.reset();
              setChecked(false);
              setConfirm("publish");
            }}
          >
            Publish…
          </Button>
          {claudeConfigured ? (
            <Button variant="secondary" pending={draft.isPending} onClick={() => (replacing ? setConfirm("redraft") : askClaude())}>
              {draft.isPending ? "Claude is drafting…" : narrative ? "Redraft with Claude" : "Draft with Claude"}
            </Button>
          ) : (
            <p className="text-xs text-slate-600">
              No Anthropic API key is configured, so Claude cannot draft the summary; write it here by hand.
            </p>
          )}
        </div>
      )}
      {claudeConfigured && confirm === null && (
        <p className="text-xs text-slate-500">
          Claude ({model}) receives this page&rsquo;s figures, gates, top risks with their owners, and milestones; nothing else.
        </p>
      )}
    </div>
  );
}
