import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { claudeProjectInstructions, formatRate } from "@/domain/workflows";
import { formatDateTime } from "@/lib/format";

import type { getWorkflow } from "../server/queries";
import { CopyBlock } from "./copy-block";
import { EVAL_LABEL } from "./evaluation-status";
import { ApproveButton, MarkCandidateButton, PromoteButton, RollbackButton, RunEvaluationButton } from "./version-controls";

type WorkflowView = Awaited<ReturnType<typeof getWorkflow>>;

/**
 * A workflow's versions, newest first: labels, latest evaluation, approvals and promotions, what stops
 * each from going to production (the server's promotion rule, computed with the page's data) and the
 * actions the member may take on it.
 */
export function VersionList({
  programmeSlug,
  data,
  userId,
  keyMissing,
}: {
  programmeSlug: string;
  data: WorkflowView;
  userId: string;
  /** Why evaluations cannot run (no Claude key), or null. */
  keyMissing: string | null;
}) {
  const { workflow: w, production, can, latestByVersion, promotionProblemsByVersion: problemsByVersion } = data;
  const slug = programmeSlug;
  const base = `/programmes/${slug}/workflows/${w.slug}`;
  const latest = w.versions[0]!;
  const ref = (version: number) => ({ programmeSlug: slug, workflowSlug: w.slug, version });
  return (
    <ol className="divide-y divide-slate-100" aria-label="Versions">
      {w.versions.map((v) => {
        const ev = latestByVersion.get(v.id);
        const isProd = v.id === w.productionVersionId;
        const isCandidate = v.id === w.candidateVersionId;
        const everProd = v.promotions.some((p) => p.kind === "PROMOTE");
        const problems = problemsByVersion.get(v.id) ?? [];
        const approvedByMe = v.approvals.some((a) => a.approverId === userId);
        return (
          <li key={v.id} className="space-y-2 py-3" aria-label={`Version ${v.number}`}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-sm font-semibold">v{v.number}</span>
              {isProd && <Badge tone="success">production</Badge>}
              {isCandidate && <Badge tone="info">candidate</Badge>}
              {!isProd && !isCandidate && <Badge>{everProd ? "earlier production" : "draft"}</Badge>}
              <span className="text-sm">{v.note}</span>
              <span className="text-xs text-slate-500">
                by {v.authorName}, {formatDateTime(v.createdAt)} · {v.model}
              </span>
            </div>
            <p className="text-xs text-slate-600">
              Latest evaluation:{" "}
              {ev ? `${formatRate(ev.passRate)} (${EVAL_LABEL[ev.status]}${ev.mode === "MANUAL" ? ", manual" : ""})` : "none"} · Approvals:{" "}
              {v.approvals.length ? v.approvals.map((a) => a.approverName).join(", ") : "none"}
              {v.promotions.length > 0 && (
                <>
                  {" "}
                  ·{" "}
                  {v.promotions
                    .map((p) => `${p.kind === "PROMOTE" ? "promoted" : "rolled back to"} by ${p.actorName} ${formatDateTime(p.createdAt)}`)
                    .join("; ")}
                </>
              )}
            </p>
            {!isProd && problems.length > 0 && (
              <details className="text-xs text-slate-600">
                <summary className="cursor-pointer">
                  Not ready for production: {problems.length} condition{problems.length === 1 ? "" : "s"} missing
                </summary>
                <ul className="ml-5 list-disc">
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </details>
            )}
            <div className="flex flex-wrap items-start gap-2">
              {can.manage && (
                <RunEvaluationButton
                  refTo={ref(v.number)}
                  disabledReason={
                    keyMissing
                      ? `${keyMissing} Or evaluate by hand: run the cases in a Claude app and paste the outputs.`
                      : w.testCases.length === 0
                        ? "Add a test case first."
                        : null
                  }
                />
              )}
              {can.manage && w.testCases.length > 0 && (
                <Link
                  href={`${base}/versions/${v.number}/evaluate`}
                  className="self-center text-xs text-brand-700 underline"
                  title="Run each test case in a Claude app and paste the outputs: for organisations without an API key"
                >
                  Evaluate v{v.number} by hand (paste outputs)
                </Link>
              )}
              {can.manage && !isProd && !isCandidate && v.number === latest.number && <MarkCandidateButton refTo={ref(v.number)} />}
              {can.approve && !isProd && v.authorId !== userId && !approvedByMe && <ApproveButton refTo={ref(v.number)} />}
              {can.promote && !isProd && problems.length === 0 && <PromoteButton refTo={ref(v.number)} />}
              {can.promote && everProd && !isProd && production && v.number < production.number && <RollbackButton refTo={ref(v.number)} />}
              {everProd && (
                <a href={`${base}/versions/${v.number}/skill`} className="self-center text-xs text-brand-700 underline" download>
                  Export as Claude Skill (.zip)
                </a>
              )}
              {isProd && (
                <details className="w-full text-xs">
                  <summary className="cursor-pointer text-brand-700 underline">Use in a Claude Project (copy the instructions)</summary>
                  <div className="mt-2 space-y-1">
                    <p className="text-slate-600">
                      For Claude&apos;s apps: paste this into a Claude Project&apos;s instructions once; then each chat in the Project only
                      needs the inputs ({v.variables.join(", ") || "none"}).
                    </p>
                    <CopyBlock
                      id={`project-${v.number}`}
                      label="Claude Project instructions"
                      text={claudeProjectInstructions(v, w.name)}
                      rows={10}
                    />
                  </div>
                </details>
              )}
              {v.number > 1 && (
                <Link href={`${base}/compare?a=${v.number - 1}&b=${v.number}`} className="self-center text-xs text-brand-700 underline">
                  Compare with v{v.number - 1}
                </Link>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
