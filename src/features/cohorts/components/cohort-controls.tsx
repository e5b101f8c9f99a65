"use client";

import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import {
  PILOT_TAG_LABELS,
  PILOT_TAGS,
  THRESHOLD_DEFINITIONS,
  THRESHOLD_METRICS,
  TRIGGER_DEFINITIONS,
  TRIGGER_METRICS,
  type MetricUnit,
  type PilotTag,
} from "@/domain/cohorts";

import {
  changeCohortStatusAction,
  importCohortPeopleAction,
  resolveRollbackAlertAction,
  setThresholdAction,
  setTriggerAction,
  tagCohortPersonAction,
} from "../actions";

type Errors = Record<string, { _errors?: string[] } | string[] | undefined> | undefined;
/** The first message next-safe-action reports for a field. */
export function fieldError(errors: unknown, name: string): string | undefined {
  const e = (errors as Errors)?.[name];
  if (!e) return undefined;
  return Array.isArray(e) ? e[0] : e._errors?.[0];
}

const UNIT_HINT: Record<MetricUnit, string> = { share: "in percent", usd: "in US dollars", days: "in days" };

/** Go live, pause, complete, roll back: the server checks every rule and says why a change is refused. */
export function CohortStatusControls({
  programmeSlug,
  cohortId,
  cohortName,
  actions,
}: {
  programmeSlug: string;
  cohortId: string;
  cohortName: string;
  actions: readonly ("goLive" | "pause" | "complete" | "rollBack")[];
}) {
  const change = useAction(changeCohortStatusAction);
  const LABEL = { goLive: "Go live", pause: "Pause", complete: "Complete", rollBack: "Roll back" } as const;
  if (actions.length === 0) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label={`Change the status of ${cohortName}`}>
        {actions.map((a) => (
          <Button
            key={a}
            variant={a === "rollBack" ? "danger" : a === "goLive" ? "primary" : "secondary"}
            pending={change.isPending && change.input?.action === a}
            disabled={change.isPending}
            onClick={() => change.execute({ programmeSlug, cohortId, action: a })}
          >
            {LABEL[a]}
            <span className="sr-only"> {cohortName}</span>
          </Button>
        ))}
      </div>
      <FormError message={change.result.serverError} />
    </div>
  );
}

/** Sets or removes one entry threshold or rollback trigger (blank value removes it). */
export function CohortRuleForm({
  programmeSlug,
  cohortId,
  kind,
}: {
  programmeSlug: string;
  cohortId: string;
  kind: "threshold" | "trigger";
}) {
  const id = useId();
  const threshold = useAction(setThresholdAction);
  const trigger = useAction(setTriggerAction);
  const action = kind === "threshold" ? threshold : trigger;
  const metrics = kind === "threshold" ? THRESHOLD_METRICS : TRIGGER_METRICS;
  const [metric, setMetric] = useState<string>(metrics[0]);
  const [value, setValue] = useState("");
  const unit =
    kind === "threshold"
      ? THRESHOLD_DEFINITIONS[metric as (typeof THRESHOLD_METRICS)[number]].unit
      : TRIGGER_DEFINITIONS[metric as (typeof TRIGGER_METRICS)[number]].unit;
  const valueName = kind === "threshold" ? "target" : "limit";
  const error = fieldError(action.result.validationErrors, valueName);
  return (
    <form
      className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        if (kind === "threshold")
          threshold.execute({ programmeSlug, cohortId, metric: metric as (typeof THRESHOLD_METRICS)[number], target: value });
        else trigger.execute({ programmeSlug, cohortId, metric: metric as (typeof TRIGGER_METRICS)[number], limit: value });
      }}
    >
      <Field id={`${id}-metric`} label={kind === "threshold" ? "Entry threshold" : "Rollback trigger"}>
        <select id={`${id}-metric`} className={inputClass()} value={metric} onChange={(e) => setMetric(e.target.value)}>
          {metrics.map((m) => (
            <option key={m} value={m}>
              {kind === "threshold"
                ? THRESHOLD_DEFINITIONS[m as (typeof THRESHOLD_METRICS)[number]].label
                : TRIGGER_DEFINITIONS[m as (typeof TRIGGER_METRICS)[number]].label}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-value`} label={kind === "threshold" ? `Target (${UNIT_HINT[unit]})` : `Limit (${UNIT_HINT[unit]})`} error={error}>
        <input
          id={`${id}-value`}
          inputMode="decimal"
          className={inputClass(!!error)}
          aria-invalid={!!error}
          aria-describedby={describedBy(`${id}-value`, error)}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="blank removes it"
        />
      </Field>
      <Button type="submit" variant="secondary" pending={action.isPending}>
        {kind === "threshold" ? "Set threshold" : "Set trigger"}
      </Button>
      <div className="sm:col-span-3">
        <FormError message={action.result.serverError} />
        {action.hasSucceeded && (
          <p className="text-xs text-slate-600" role="status">
            Saved.
          </p>
        )}
      </div>
    </form>
  );
}

/** Roll the cohort back, or accept the alert with a written reason: only the people with rollback authority see this. */
export function ResolveAlertForm({ programmeSlug, alertId, cohortName }: { programmeSlug: string; alertId: string; cohortName: string }) {
  const id = useId();
  const resolve = useAction(resolveRollbackAlertAction);
  const [reason, setReason] = useState("");
  const error = fieldError(resolve.result.validationErrors, "reason");
  return (
    <div className="space-y-2">
      <Field id={`${id}-reason`} label="Reason" hint="Required to accept; optional when rolling back." error={error}>
        <textarea
          id={`${id}-reason`}
          rows={2}
          className={inputClass(!!error)}
          aria-invalid={!!error}
          aria-describedby={describedBy(`${id}-reason`, error, true)}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="danger"
          pending={resolve.isPending && resolve.input?.resolution === "rollBack"}
          disabled={resolve.isPending}
          onClick={() => resolve.execute({ programmeSlug, alertId, resolution: "rollBack", reason })}
        >
          Roll back {cohortName}
        </Button>
        <Button
          variant="secondary"
          pending={resolve.isPending && resolve.input?.resolution === "accept"}
          disabled={resolve.isPending}
          onClick={() => resolve.execute({ programmeSlug, alertId, resolution: "accept", reason })}
        >
          Accept with this reason
        </Button>
      </div>
      <FormError message={resolve.result.serverError} />
    </div>
  );
}

/** People from a CSV (emails are stored only as their pseudonym) or from the usage data that names the cohort. */
export function PeopleImportForm({ programmeSlug, cohortId }: { programmeSlug: string; cohortId: string }) {
  const id = useId();
  const importPeople = useAction(importCohortPeopleAction);
  const [csv, setCsv] = useState("");
  const error = fieldError(importPeople.result.validationErrors, "csv") ?? fieldError(importPeople.result.validationErrors, "fromUsage");
  const data = importPeople.result.data;
  return (
    <div className="space-y-2">
      <Field
        id={`${id}-csv`}
        label="People (CSV)"
        hint='One email or pseudonymous id per line, optionally ",early adopter" or ",sceptic". Emails are stored only as their pseudonym.'
        error={error}
      >
        <textarea
          id={`${id}-csv`}
          rows={3}
          className={inputClass(!!error)}
          aria-invalid={!!error}
          aria-describedby={describedBy(`${id}-csv`, error, true)}
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          pending={importPeople.isPending && !importPeople.input?.fromUsage}
          disabled={importPeople.isPending}
          onClick={() => importPeople.execute({ programmeSlug, cohortId, csv })}
        >
          Import people
        </Button>
        <Button
          variant="ghost"
          pending={importPeople.isPending && !!importPeople.input?.fromUsage}
          disabled={importPeople.isPending}
          onClick={() => importPeople.execute({ programmeSlug, cohortId, fromUsage: true })}
        >
          Take people from the usage data
        </Button>
      </div>
      {data && (
        <p className="text-xs text-slate-600" role="status">
          {data.added} added of {data.listed} listed{data.inOtherCohorts > 0 ? `; ${data.inOtherCohorts} already in another cohort` : ""}.
        </p>
      )}
      <FormError message={importPeople.result.serverError} />
    </div>
  );
}

export function PersonTagSelect({
  programmeSlug,
  cohortId,
  userRef,
  tag,
}: {
  programmeSlug: string;
  cohortId: string;
  userRef: string;
  tag: PilotTag | null;
}) {
  const setTag = useAction(tagCohortPersonAction);
  return (
    <div>
      <label className="sr-only" htmlFor={`tag-${userRef}`}>
        Tag for {userRef}
      </label>
      <select
        id={`tag-${userRef}`}
        className={inputClass()}
        defaultValue={tag ?? ""}
        disabled={setTag.isPending}
        onChange={(e) => setTag.execute({ programmeSlug, cohortId, userRef, tag: (e.target.value || null) as PilotTag | null })}
      >
        <option value="">No tag</option>
        {PILOT_TAGS.map((t) => (
          <option key={t} value={t}>
            {PILOT_TAG_LABELS[t]}
          </option>
        ))}
      </select>
      <FormError message={setTag.result.serverError} />
    </div>
  );
}
