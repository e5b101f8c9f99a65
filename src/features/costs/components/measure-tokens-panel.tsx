"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { formatCount } from "@/lib/format";

import { measureTokensAction } from "../actions";

export interface Measurement {
  inputTokens: number;
  outputTokens: number | null;
  measuredWith: string;
}

/**
 * Counts tokens per task on a sample with Anthropic's token counting (server side, with the
 * configured key) and hands the numbers to the scenario form. Not a form of its own: it sits inside
 * the scenario form and sends with a button.
 */
export function MeasureTokensPanel({
  programmeSlug,
  models,
  defaultModel,
  onMeasured,
}: {
  programmeSlug: string;
  models: { model: string; label: string }[];
  defaultModel: string;
  onMeasured: (m: Measurement) => void;
}) {
  const [model, setModel] = useState(defaultModel);
  const [system, setSystem] = useState("");
  const [prompt, setPrompt] = useState("");
  const [sampleResponse, setSampleResponse] = useState("");
  const [last, setLast] = useState<Measurement | null>(null);
  const measure = useAction(measureTokensAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      setLast(data);
      onMeasured(data);
    },
  });
  const fieldErrors = measure.result.validationErrors as Record<string, { _errors?: string[] }> | undefined;
  const error = measure.result.serverError ?? Object.values(fieldErrors ?? {}).flatMap((e) => e?._errors ?? [])[0];
  return (
    <details className="rounded-md border border-slate-200 bg-slate-50 p-3">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">Measure tokens with Claude on a sample</summary>
      <div className="mt-3 space-y-3">
        <p className="text-xs text-slate-600">
          Paste a typical task. Anthropic&apos;s token counting measures its input tokens without generating anything; a sample response, if
          you paste one, estimates the output tokens. The numbers fill the fields above, where you can still change them.
        </p>
        <Field id="measure-model" label="Count with model">
          <select id="measure-model" className={inputClass()} value={model} onChange={(e) => setModel(e.target.value)}>
            {models.map((m) => (
              <option key={m.model} value={m.model}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="measure-system" label="System prompt (optional)">
          <textarea id="measure-system" rows={2} className={inputClass()} value={system} onChange={(e) => setSystem(e.target.value)} />
        </Field>
        <Field id="measure-prompt" label="Sample prompt">
          <textarea id="measure-prompt" rows={4} className={inputClass()} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
        </Field>
        <Field id="measure-response" label="Sample response (optional)">
          <textarea
            id="measure-response"
            rows={2}
            className={inputClass()}
            value={sampleResponse}
            onChange={(e) => setSampleResponse(e.target.value)}
          />
        </Field>
        <FormError message={error} />
        {last && !measure.isPending && (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {formatCount(last.inputTokens)} input tokens
            {last.outputTokens !== null ? ` and about ${formatCount(last.outputTokens)} output tokens` : ""} — filled in above.
          </p>
        )}
        <Button
          type="button"
          variant="secondary"
          pending={measure.isPending}
          onClick={() => measure.execute({ programmeSlug, model, system, prompt, sampleResponse })}
        >
          Count tokens
        </Button>
      </div>
    </details>
  );
}
