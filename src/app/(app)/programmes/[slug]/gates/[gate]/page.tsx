import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Badge, type Tone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import {
  GATE_DECISION_LABELS,
  GATE_KEYS,
  GATE_LABELS,
  GATE_STATUS_LABELS,
  REVIEW_FUNCTION_LABELS,
  SIGN_OFF_DECISION_LABELS,
  type GateStatus,
  type ReviewFunction,
} from "@/domain/enums";
import { describeWhatIsMissing } from "@/domain/gates";
import { CloseConditionForm } from "@/features/gates/components/close-condition-form";
import { CriterionRow } from "@/features/gates/components/criterion-row";
import { GateActions } from "@/features/gates/components/gate-actions";
import { PilotDecisionForm } from "@/features/gates/components/pilot-decision-form";
import { SignOffForm } from "@/features/gates/components/sign-off-form";
import { getGateReview } from "@/features/gates/server/get-gate-review";
import { gateKeyFromSlug, gateSlug } from "@/features/gates/slugs";
import { formatDate, formatDateTime } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { loadOr404 } from "@/server/page-guard";

export const metadata: Metadata = { title: "Gate review" };

const TONE: Record<GateStatus, Tone> = { NOT_STARTED: "neutral", IN_REVIEW: "info", APPROVED: "success", REJECTED: "danger" };

export default async function GatePage({ params }: { params: Promise<{ slug: string; gate: string }> }) {
  const { slug, gate: gateParam } = await params;
  const key = gateKeyFromSlug(gateParam);
  if (!key) notFound();
  const path = `/programmes/${slug}/gates/${gateParam}`;
  const user = await requirePageUser(path);
  const r = await loadOr404(() => getGateReview(user, slug, key));
  const { gate, readiness } = r;
  const current = r.signOffs.filter((s) => s.round === gate.round);
  const earlier = r.signOffs.filter((s) => s.round !== gate.round);

  return (
    <div className="space-y-6">
      <nav aria-label="Gates" className="flex flex-wrap gap-2">
        {GATE_KEYS.map((k) => (
          <Link
            key={k}
            href={`/programmes/${slug}/gates/${gateSlug(k)}`}
            aria-current={k === key ? "page" : undefined}
            className={
              k === key
                ? "rounded-full bg-brand-600 px-3 py-1 text-xs font-medium text-white"
                : "rounded-full bg-white px-3 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-200 hover:ring-brand-600"
            }
          >
            {GATE_LABELS[k]}
          </Link>
        ))}
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 className="text-lg font-semibold">{gate.name}</h2>
          <p className="text-sm text-slate-600">
            Planned {formatDate(gate.plannedDate)} · round {gate.round} · <span data-testid="readiness">{readiness.summary}</span>
          </p>
        </div>
        <div className="flex items-center gap-3">
          <Link href={`/programmes/${slug}/gates/${gateParam}/record`} className="text-sm font-medium text-brand-700 hover:underline">
            Gate record
          </Link>
          <Badge tone={TONE[gate.status]}>{GATE_STATUS_LABELS[gate.status]}</Badge>
          {r.canManage && <GateActions programmeSlug={slug} gateKey={gate.key} status={gate.status} />}
        </div>
      </div>

      {gate.status === "IN_REVIEW" && !readiness.complete && (
        <p role="status" className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
          {describeWhatIsMissing(gate.key, readiness)}
        </p>
      )}

      {gate.key === "PILOT_DEBRIEF" &&
        (gate.decision || r.conditions.length > 0 || (r.canManage && (gate.status === "APPROVED" || gate.status === "REJECTED"))) && (
          <Card title="Decision">
            {gate.decision ? (
              <p className="text-sm">
                Recorded: <strong>{GATE_DECISION_LABELS[gate.decision]}</strong>
                {gate.decidedAt && <> on {formatDate(gate.decidedAt)}</>}
              </p>
            ) : (
              r.canManage && <PilotDecisionForm programmeSlug={slug} members={r.members} canGo={gate.status === "APPROVED"} />
            )}
            {r.conditions.length > 0 && <ConditionList slug={slug} conditions={r.conditions} />}
          </Card>
        )}
      {gate.key === "PRODUCTION_READINESS" && r.conditions.length > 0 && (
        <Card title="Pilot Debrief conditions">
          <ConditionList slug={slug} conditions={r.conditions} />
        </Card>
      )}

      <div className="grid gap-6 lg:grid-cols-5">
        <Card title={`Criteria (${readiness.criteriaMet} of ${readiness.criteriaTotal} met or waived)`} className="lg:col-span-3">
          <ol className="divide-y divide-slate-100">
            {r.criteria.map((c) => (
              <CriterionRow
                key={c.id}
                programmeSlug={slug}
                criterion={{ ...c, ownerName: c.owner?.user.name ?? null }}
                members={r.members}
                editable={r.canManage && gate.status !== "APPROVED"}
              />
            ))}
          </ol>
        </Card>

        <div className="space-y-6 lg:col-span-2">
          <Card title={`Sign-offs (${readiness.signOffsDone} of ${readiness.signOffsRequired})`}>
            <ul className="space-y-3" aria-label="Required sign-offs">
              {(gate.requiredFunctions as ReviewFunction[]).map((f) => {
                const valid = current.find((s) => s.function === f && s.voidedAt === null);
                const resign = readiness.resignRequired.includes(f);
                return (
                  <li key={f} className="rounded-md border border-slate-200 px-3 py-2">
                    <div className="flex items-center justify-between gap-2">
                      <span className="text-sm font-medium">{REVIEW_FUNCTION_LABELS[f]}</span>
                      {valid ? (
                        <Badge tone={valid.decision === "REJECT" ? "danger" : "success"}>{SIGN_OFF_DECISION_LABELS[valid.decision]}</Badge>
                      ) : resign ? (
                        <Badge tone="warning">Re-sign required</Badge>
                      ) : (
                        <Badge>Waiting</Badge>
                      )}
                    </div>
                    {valid && (
                      <p className="mt-1 text-xs text-slate-600">
                        {valid.meaning} — {valid.printedName}, {formatDateTime(valid.signedAt)}
                        {valid.reason && <span className="block italic">&ldquo;{valid.reason}&rdquo;</span>}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          </Card>

          {r.signable.length > 0 && (
            <Card title="Your sign-off">
              <SignOffForm
                programmeSlug={slug}
                gateKey={gate.key}
                gateName={gate.name}
                functions={r.signable}
                withPassword={r.signsWithPassword}
                returnTo={path}
              />
            </Card>
          )}
        </div>
      </div>

      <Card title="Signature history">
        {r.signOffs.length === 0 ? (
          <p className="text-sm text-slate-600">No signatures yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Round
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Signature
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    When (UTC) and where
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Evidence SHA-256
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                {[...current, ...earlier].map((s) => (
                  <tr key={s.id} className={s.voidedAt ? "text-slate-400" : undefined}>
                    <td className="py-2 pr-3">{s.round}</td>
                    <td className="py-2 pr-3">
                      <p className={s.voidedAt ? "line-through" : "font-medium"}>{s.meaning}</p>
                      <p className="text-xs">{s.printedName}</p>
                      {s.reason && <p className="text-xs italic">&ldquo;{s.reason}&rdquo;</p>}
                      {s.voidedAt && (
                        <p className="text-xs font-medium text-amber-700">
                          Void: {s.voidReason ?? "evidence changed"} ({formatDateTime(s.voidedAt)})
                        </p>
                      )}
                    </td>
                    <td className="py-2 pr-3 text-xs">
                      {formatDateTime(s.signedAt)}
                      <br />
                      {s.ipAddress ?? "—"} · <span title={s.userAgent ?? ""}>{(s.userAgent ?? "—").slice(0, 40)}</span>
                    </td>
                    <td className="break-all py-2 font-mono text-[11px]">{s.evidenceHash}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-3 break-all text-xs text-slate-500">
          Current evidence SHA-256: <span className="font-mono">{r.evidenceHash}</span>
        </p>
      </Card>
    </div>
  );
}

function ConditionList({ slug, conditions }: { slug: string; conditions: Awaited<ReturnType<typeof getGateReview>>["conditions"] }) {
  return (
    <ul className="mt-3 divide-y divide-slate-100" aria-label="Conditions">
      {conditions.map((c) => (
        <li key={c.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
          <div>
            <p className={c.closedAt ? "text-sm text-slate-500 line-through" : "text-sm font-medium"}>{c.title}</p>
            <p className="text-xs text-slate-600">
              {c.ownerName ?? "No owner"} · due {formatDate(c.dueDate)}
              {c.closedAt && (
                <>
                  {" "}
                  · closed {formatDate(c.closedAt)}: {c.closedNote}
                </>
              )}
            </p>
          </div>
          {c.closedAt ? (
            <Badge tone="success">Closed</Badge>
          ) : c.canClose ? (
            <CloseConditionForm programmeSlug={slug} conditionId={c.id} title={c.title} />
          ) : (
            <Badge tone="warning">Open</Badge>
          )}
        </li>
      ))}
    </ul>
  );
}
