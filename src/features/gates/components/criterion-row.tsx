"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { CRITERION_STATUS_LABELS, CRITERION_STATUSES, type CriterionStatus } from "@/domain/enums";
import { linkKind } from "@/domain/input";

import { updateCriterionAction } from "../actions";
import { updateCriterionSchema } from "../schemas";

export interface CriterionView {
  id: string;
  ordinal: number;
  title: string;
  guidance: string;
  status: CriterionStatus;
  ownerId: string | null;
  ownerName: string | null;
  evidenceUrl: string | null;
  evidenceNote: string | null;
  waiverReason: string | null;
}

const TONE = { OPEN: "neutral", MET: "success", WAIVED: "warning" } as const;

export function CriterionRow({
  programmeSlug,
  criterion: c,
  members,
  editable,
}: {
  programmeSlug: string;
  criterion: CriterionView;
  members: { id: string; name: string }[];
  editable: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [voided, setVoided] = useState<string[]>([]);
  const defaults = {
    programmeSlug,
    criterionId: c.id,
    status: c.status,
    ownerId: c.ownerId,
    evidenceUrl: c.evidenceUrl ?? "",
    evidenceNote: c.evidenceNote ?? "",
    waiverReason: c.waiverReason ?? "",
  };
  const { form, action, handleSubmitWithAction } = useHookFormAction(updateCriterionAction, zodResolver(updateCriterionSchema), {
    formProps: { defaultValues: defaults },
    actionProps: {
      onSuccess: ({ data }) => {
        setVoided(data?.voided ?? []);
        setEditing(false);
      },
    },
  });
  const errors = form.formState.errors;
  const status = form.watch("status");
  const id = (f: string) => `c-${c.id}-${f}`;

  return (
    <li className="py-3 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium">
            <span className="text-slate-500">{c.ordinal}. </span>
            {c.title}
          </p>
          <p className="text-xs text-slate-500">{c.guidance}</p>
          <p className="mt-1 text-xs text-slate-600">
            Owner: {c.ownerName ?? <span className="font-medium text-amber-800">No owner</span>}
            {c.evidenceUrl && (
              <>
                {" · "}
                <EvidenceLink href={c.evidenceUrl} />
              </>
            )}
            {c.evidenceNote && <> · {c.evidenceNote}</>}
          </p>
          {c.status === "WAIVED" && c.waiverReason && (
            <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
              <strong>Waived:</strong> {c.waiverReason}
            </p>
          )}
          {voided.length > 0 && (
            <p role="status" className="mt-1 text-xs font-medium text-amber-800">
              Evidence changed: {voided.length} signature{voided.length === 1 ? "" : "s"} voided; re-sign required.
            </p>
          )}
        </div>
        <div className="flex items-center gap-2">
          <Badge tone={TONE[c.status]}>{CRITERION_STATUS_LABELS[c.status]}</Badge>
          {editable && !editing && (
            <Button
              variant="secondary"
              onClick={() => {
                form.reset(defaults);
                setEditing(true);
              }}
              aria-label={`Edit criterion: ${c.title}`}
            >
              Edit
            </Button>
          )}
        </div>
      </div>
      {editing && (
        <form
          method="post"
          onSubmit={handleSubmitWithAction}
          noValidate
          className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
          aria-label={`Criterion: ${c.title}`}
        >
          <FormError message={action.result.serverError} />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id={id("status")} label="Status">
              <select id={id("status")} className={inputClass()} {...form.register("status")}>
                {CRITERION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {CRITERION_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={id("owner")} label="Owner" error={errors.ownerId?.message}>
              <select
                id={id("owner")}
                className={inputClass(!!errors.ownerId)}
                {...form.register("ownerId", { setValueAs: (v: string) => v || null })}
              >
                <option value="">No owner</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <Field
            id={id("url")}
            label="Evidence link"
            hint="A web address, or a page in Gatehouse (/programmes/…)."
            error={errors.evidenceUrl?.message}
          >
            <input
              id={id("url")}
              className={inputClass(!!errors.evidenceUrl)}
              aria-invalid={!!errors.evidenceUrl}
              aria-describedby={describedBy(id("url"), errors.evidenceUrl?.message, true)}
              {...form.register("evidenceUrl")}
            />
          </Field>
          <Field id={id("note")} label="Evidence note" error={errors.evidenceNote?.message}>
            <textarea
              id={id("note")}
              rows={2}
              className={inputClass(!!errors.evidenceNote)}
              aria-invalid={!!errors.evidenceNote}
              aria-describedby={describedBy(id("note"), errors.evidenceNote?.message)}
              {...form.register("evidenceNote")}
            />
          </Field>
          {status === "WAIVED" && (
            <Field id={id("waiver")} label="Reason for waiving" error={errors.waiverReason?.message}>
              <textarea
                id={id("waiver")}
                rows={2}
                className={inputClass(!!errors.waiverReason)}
                aria-invalid={!!errors.waiverReason}
                aria-describedby={describedBy(id("waiver"), errors.waiverReason?.message)}
                {...form.register("waiverReason")}
              />
            </Field>
          )}
          <p className="text-xs text-slate-500">
            Reviewers sign the evidence: changing it during a review voids the signatures given so far.
          </p>
          <div className="flex gap-2">
            <Button type="submit" pending={action.isPending}>
              Save criterion
            </Button>
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                action.reset();
                setEditing(false);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}

/**
 * An evidence link, checked again where it is shown (decision record 018): a path in Gatehouse opens here;
 * an http(s) address opens in a new tab, marked as leaving Gatehouse, without an opener or a Referer;
 * anything else (an older `//host` or `javascript:` link) is shown as text, never as a link.
 */
function EvidenceLink({ href }: { href: string }) {
  const kind = linkKind(href);
  if (kind === "internal")
    return (
      <a href={href} className="text-brand-700 underline">
        evidence
      </a>
    );
  if (kind === "external")
    return (
      <a
        href={href}
        className="text-brand-700 underline"
        target="_blank"
        rel="noopener noreferrer"
        title={`Opens ${new URL(href).host} in a new tab`}
      >
        evidence on {new URL(href).host}
        <span aria-hidden="true"> ↗</span>
        <span className="sr-only"> (external site, opens in a new tab)</span>
      </a>
    );
  return <span className="text-slate-500">evidence: {href} (not a link Gatehouse opens)</span>;
}
