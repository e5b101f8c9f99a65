import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Badge, type Tone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
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
import { ConditionList } from "@/features/gates/components/condition-list";
import { CriterionRow } from "@/features/gates/components/criterion-row";
import { GateActions } from "@/features/gates/components/gate-actions";
import { PilotDecisionForm } from "@/features/gates/components/pilot-decision-form";
import { SignOffForm } from "@/features/gates/components/sign-off-form";
import { SignatureHistory } from "@/features/gates/components/signature-history";
import { getGateReview } from "@/features/gates/server/get-gate-review";
import { gateKeyFromSlug, gateSlug } from "@/features/gates/slugs";
import { ValueSummary } from "@/features/usage/components/value-summary";
import { getPilotValue } from "@/features/usage/server/get-pilot-value";
import { formatDate, formatDateTime, formatDay } from "@/lib/format";
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
  // The Pilot Debrief weighs the pilot's value against its cost: shown with the evidence reviewers sign.
  const pilotValue = key === "PILOT_DEBRIEF" ? await getPilotValue(user, slug) : null;
  const { gate, readiness } = r;
  const current = r.signOffs.filter((s) => s.round === gate.round);
  const earlier = r.signOffs.filter((s) => s.round !== gate.round);

  return (
    <div className="space-y-6">
      <nav aria-label="Gates" className="flex flex-wrap gap-2">
        {GATE_KEYS.map((k) => (
          <Link
            prefetch={false}
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
      <PageHeader
        title={gate.name}
        description={
          <>
            Planned {formatDate(gate.plannedDate)} · round {gate.round} · <span data-testid="readiness">{readiness.summary}</span>
          </>
        }
        align="start"
        actions={
          <>
            <Link
              prefetch={false}
              href={`/programmes/${slug}/gates/${gateParam}/record`}
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              Gate record
            </Link>
            <Badge tone={TONE[gate.status]}>{GATE_STATUS_LABELS[gate.status]}</Badge>
            {r.canManage && <GateActions programmeSlug={slug} gateKey={gate.key} status={gate.status} />}
          </>
        }
      />

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
            {r.conditions.length > 0 && <ConditionList programmeSlug={slug} conditions={r.conditions} />}
          </Card>
        )}
      {gate.key === "PRODUCTION_READINESS" && r.conditions.length > 0 && (
        <Card title="Pilot Debrief conditions">
          <ConditionList programmeSlug={slug} conditions={r.conditions} />
        </Card>
      )}

      {pilotValue && (
        <Card title={`Value and return on cost over the pilot (${formatDay(pilotValue.from)} to ${formatDay(pilotValue.to)}, estimated)`}>
          <ValueSummary value={pilotValue.value} settingsHref={`/programmes/${slug}/dashboard/value`} canManage={pilotValue.canManage} />
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
          <EmptyState variant="inline" title="No signatures yet." />
        ) : (
          <SignatureHistory signOffs={[...current, ...earlier]} />
        )}
        <p className="mt-3 break-all text-xs text-slate-500">
          Current evidence SHA-256: <span className="font-mono">{r.evidenceHash}</span>
        </p>
      </Card>
    </div>
  );
}
