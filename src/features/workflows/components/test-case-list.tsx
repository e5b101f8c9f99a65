import { EmptyState } from "@/components/ui/empty-state";
import { MIN_TEST_CASES } from "@/domain/workflows";

import type { getWorkflow } from "../server/queries";
import { EditableTestCase, TestCaseForm, type TestCaseValues } from "./test-case-form";

type WorkflowView = Awaited<ReturnType<typeof getWorkflow>>;

/** A workflow's test cases (each editable by a manager) and the form to add one. */
export function TestCaseList({ programmeSlug, data }: { programmeSlug: string; data: WorkflowView }) {
  const { workflow: w, can } = data;
  const slug = programmeSlug;
  const latest = w.versions[0]!;
  return (
    <>
      {w.testCases.length === 0 ? (
        <EmptyState variant="inline" title="No test cases yet.">
          Add real examples with what a good output must and must not contain.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Test cases">
          {w.testCases.map((c) => {
            const vars = c.variables as Record<string, string>;
            const values: TestCaseValues = {
              name: c.name,
              variables: Object.fromEntries(latest.variables.map((v) => [v, vars[v] ?? ""])),
              mustContain: c.mustContain.join("\n"),
              mustNotContain: c.mustNotContain.join("\n"),
              pattern: c.pattern ?? "",
              minLength: c.minLength?.toString() ?? "",
              maxLength: c.maxLength?.toString() ?? "",
              rubric: c.rubric.join("\n"),
            };
            const summary = (
              <div className="text-sm">
                <p className="font-medium">{c.name}</p>
                <p className="text-xs text-slate-600">
                  {Object.entries(vars)
                    .map(([k, v]) => `${k} = “${v}”`)
                    .join(", ")}
                </p>
                <p className="text-xs text-slate-500">
                  {[
                    c.mustContain.length && `contains ${c.mustContain.map((s) => `“${s}”`).join(", ")}`,
                    c.mustNotContain.length && `not ${c.mustNotContain.map((s) => `“${s}”`).join(", ")}`,
                    c.pattern && `matches /${c.pattern}/`,
                    (c.minLength !== null || c.maxLength !== null) && `length ${c.minLength ?? 0}–${c.maxLength ?? "∞"}`,
                    c.rubric.length && `${c.rubric.length} rubric criteri${c.rubric.length === 1 ? "on" : "a"}`,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </div>
            );
            return (
              <li key={c.id} className="py-2">
                {can.manage ? (
                  <EditableTestCase
                    programmeSlug={slug}
                    workflowSlug={w.slug}
                    variables={latest.variables}
                    testCaseId={c.id}
                    values={values}
                    summary={summary}
                  />
                ) : (
                  summary
                )}
              </li>
            );
          })}
        </ul>
      )}
      {can.manage && (
        <details className="mt-4 rounded-md border border-slate-200 p-3" open={w.testCases.length < MIN_TEST_CASES}>
          <summary className="cursor-pointer text-sm font-medium">Add a test case</summary>
          <div className="mt-3">
            <TestCaseForm programmeSlug={slug} workflowSlug={w.slug} variables={latest.variables} />
          </div>
        </details>
      )}
    </>
  );
}
