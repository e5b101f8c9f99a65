import type { CheckResult } from "@/domain/workflows";
import { formatCount, formatSeconds, formatUsdPrecise } from "@/lib/format";

import type { getEvaluation } from "../server/queries";

export const OUTCOME_TONE: Record<string, "success" | "danger" | "warning"> = { PASSED: "success", FAILED: "danger", ERROR: "warning" };
export const OUTCOME_LABEL: Record<string, string> = { PASSED: "Passed", FAILED: "Failed", ERROR: "Error" };

type Result = Awaited<ReturnType<typeof getEvaluation>>["run"]["results"][number];

/** One test case's result in an evaluation: its error, Claude's output, each check and what it cost. */
export function ResultBody({ title, r }: { title: string | null; r: Result }) {
  const checks = r.checks as unknown as CheckResult[];
  return (
    <div className="min-w-0 space-y-2">
      {title && (
        <h4 className="text-xs font-semibold text-slate-500">
          {title}
          {r.outcome !== "PASSED" && <> · {OUTCOME_LABEL[r.outcome]}</>}
        </h4>
      )}
      {r.errorType && (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          {r.errorType}
          {r.errorStatus ? ` (${r.errorStatus})` : ""}: {r.errorMessage}
          {r.requestId && <span className="block font-mono">request id {r.requestId}</span>}
        </p>
      )}
      {r.output !== null && <pre className="max-h-64 overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-xs">{r.output}</pre>}
      {checks.length > 0 && (
        <ul className="space-y-1 text-xs" aria-label="Checks">
          {checks.map((c, i) => (
            <li key={i} className="flex gap-2">
              <span aria-hidden className={c.passed ? "text-emerald-700" : "text-red-700"}>
                {c.passed ? "✓" : "✗"}
              </span>
              <span>
                <span className="sr-only">{c.passed ? "Passed: " : "Failed: "}</span>
                <span className="font-medium">{c.expectation}</span> — {c.detail}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="text-xs text-slate-500">
        {formatCount(r.inputTokens)} in / {formatCount(r.outputTokens)} out tokens · {formatUsdPrecise(r.costUsd)} ·{" "}
        {formatSeconds(r.latencyMs, 2)}
      </p>
    </div>
  );
}
