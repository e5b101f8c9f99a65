"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";

import { recordManualEvaluationAction } from "../actions";
import type { getManualEvaluationForm } from "../server/manual-evaluation";
import { CopyBlock } from "./copy-block";

type Form = Awaited<ReturnType<typeof getManualEvaluationForm>>;
type Grade = { result: "pass" | "fail" | null; note: string };

/**
 * A manual evaluation: for each test case, the prompt to paste into a Claude app, a box for the output
 * Claude gave, and a pass/fail grade with a note for each rubric criterion. The server runs the same
 * checks as an API evaluation on the outputs.
 */
export function ManualEvaluationForm({ programmeSlug, form }: { programmeSlug: string; form: Form }) {
  const router = useRouter();
  const [outputs, setOutputs] = useState<Record<string, string>>({});
  const [grades, setGrades] = useState<Record<string, Grade[]>>(
    Object.fromEntries(form.cases.map((c) => [c.id, c.rubric.map(() => ({ result: null, note: "" }))])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useAction(recordManualEvaluationAction, {
    onSuccess: ({ data }) => data && router.push(`/programmes/${programmeSlug}/workflows/${form.workflow.slug}/evaluations/${data.runId}`),
  });

  const setGrade = (caseId: string, i: number, g: Partial<Grade>) =>
    setGrades((all) => ({ ...all, [caseId]: all[caseId]!.map((x, j) => (j === i ? { ...x, ...g } : x)) }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    for (const c of form.cases) {
      if (!(outputs[c.id] ?? "").trim()) problems[`${c.id}-output`] = "Paste the output Claude produced for this case.";
      grades[c.id]!.forEach((g, i) => {
        if (g.result === null) problems[`${c.id}-grade-${i}`] = "Grade this criterion: pass or fail.";
      });
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      document.getElementById(Object.keys(problems)[0]!)?.focus();
      return;
    }
    save.execute({
      programmeSlug,
      workflowSlug: form.workflow.slug,
      version: form.version.number,
      cases: form.cases.map((c) => ({
        testCaseId: c.id,
        output: outputs[c.id] ?? "",
        grades: grades[c.id]!.map((g) => ({ result: g.result ?? "fail", note: g.note })),
      })),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Manual evaluation" className="space-y-4">
      {form.cases.map((c, n) => {
        const outputId = `${c.id}-output`;
        return (
          <Card
            key={c.id}
            title={
              <span>
                Case {n + 1} of {form.cases.length}: {c.name}
              </span>
            }
          >
            <div className="space-y-4">
              {c.problem ? (
                <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
                  {c.problem} It will be recorded as an error; paste what Claude answered anyway.
                </p>
              ) : (
                <CopyBlock id={`${c.id}-prompt`} label="Prompt to paste into Claude" text={c.prompt ?? ""} />
              )}
              {c.expectations.length > 0 && <p className="text-xs text-slate-600">Checked automatically: {c.expectations.join("; ")}.</p>}
              <Field id={outputId} label="Claude's output" error={errors[outputId]} hint="Paste the whole answer, as Claude gave it.">
                <textarea
                  id={outputId}
                  rows={6}
                  className={inputClass(!!errors[outputId])}
                  aria-invalid={!!errors[outputId]}
                  aria-describedby={describedBy(outputId, errors[outputId], true)}
                  value={outputs[c.id] ?? ""}
                  onChange={(e) => setOutputs((o) => ({ ...o, [c.id]: e.target.value }))}
                />
              </Field>
              {c.rubric.map((criterion, i) => {
                const gid = `${c.id}-grade-${i}`;
                const g = grades[c.id]![i]!;
                return (
                  <fieldset key={gid} className="space-y-2 rounded-md border border-slate-200 p-3">
                    <legend className="px-1 text-sm font-medium">
                      <Badge>rubric</Badge> {criterion}
                    </legend>
                    <div className="flex flex-wrap gap-4 text-sm" role="radiogroup" aria-label={`Grade: ${criterion}`}>
                      {(["pass", "fail"] as const).map((r, k) => (
                        <label key={r} className="flex items-center gap-1.5">
                          <input
                            id={k === 0 ? gid : undefined}
                            type="radio"
                            name={gid}
                            value={r}
                            checked={g.result === r}
                            onChange={() => setGrade(c.id, i, { result: r })}
                          />
                          {r === "pass" ? "Pass" : "Fail"}
                        </label>
                      ))}
                    </div>
                    {errors[gid] && (
                      <p className="text-xs font-medium text-red-700" role="alert">
                        {errors[gid]}
                      </p>
                    )}
                    <label className="block text-xs text-slate-700">
                      Note (why)
                      <input
                        className={inputClass()}
                        value={g.note}
                        maxLength={1000}
                        onChange={(e) => setGrade(c.id, i, { note: e.target.value })}
                      />
                    </label>
                  </fieldset>
                );
              })}
            </div>
          </Card>
        );
      })}
      <FormError message={save.result.serverError ?? (save.result.validationErrors ? "Check the outputs and grades above." : null)} />
      <Button type="submit" pending={save.isPending || save.hasSucceeded}>
        Record manual evaluation of v{form.version.number}
      </Button>
    </form>
  );
}
