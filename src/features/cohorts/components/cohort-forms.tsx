"use client";

import { useAction } from "next-safe-action/hooks";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { COHORT_KIND_LABELS, COHORT_KINDS, type CohortKind } from "@/domain/cohorts";

import { addRollbackTestAction, saveCohortAction, saveRollbackPlanAction } from "../actions";
import { fieldError } from "./cohort-controls";

function TextInput({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  type = "text",
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
  type?: string;
  inputMode?: "numeric" | "decimal";
}) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        className={inputClass(!!error)}
        aria-invalid={!!error}
        aria-describedby={describedBy(id, error, !!hint)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** Adds a cohort after the last one: people (planned seats) or traffic share (percent). */
export function AddCohortForm({ programmeSlug, defaultKind }: { programmeSlug: string; defaultKind: CohortKind }) {
  const id = useId();
  const save = useAction(saveCohortAction, {
    onSuccess: () => {
      setName("");
      setSeats("");
      setShare("");
      setGoLive("");
    },
  });
  const [name, setName] = useState("");
  const [kind, setKind] = useState<CohortKind>(defaultKind);
  const [seats, setSeats] = useState("");
  const [share, setShare] = useState("");
  const [goLive, setGoLive] = useState("");
  const err = (f: string) => fieldError(save.result.validationErrors, f);
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.execute({
          programmeSlug,
          name,
          kind,
          plannedSeats: kind === "PEOPLE" ? seats : undefined,
          trafficSharePct: kind === "TRAFFIC" ? share : undefined,
          plannedGoLive: goLive,
        });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextInput
          id={`${id}-name`}
          label="Cohort name"
          value={name}
          onChange={setName}
          error={err("name")}
          hint="Usage events name it in their cohort field."
        />
        <Field id={`${id}-kind`} label="Kind">
          <select id={`${id}-kind`} className={inputClass()} value={kind} onChange={(e) => setKind(e.target.value as CohortKind)}>
            {COHORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {COHORT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        {kind === "PEOPLE" ? (
          <TextInput
            id={`${id}-seats`}
            label="Planned seats"
            inputMode="numeric"
            value={seats}
            onChange={setSeats}
            error={err("plannedSeats")}
          />
        ) : (
          <TextInput
            id={`${id}-share`}
            label="Traffic share (%)"
            inputMode="decimal"
            value={share}
            onChange={setShare}
            error={err("trafficSharePct")}
          />
        )}
        <TextInput
          id={`${id}-golive`}
          label="Planned go-live"
          type="date"
          value={goLive}
          onChange={setGoLive}
          error={err("plannedGoLive")}
        />
      </div>
      <FormError message={save.result.serverError} />
      <Button type="submit" pending={save.isPending}>
        Add cohort
      </Button>
    </form>
  );
}

/** The rollback plan: procedure (Markdown), target time, and who has the authority to roll back. */
export function RollbackPlanForm({
  programmeSlug,
  plan,
  members,
}: {
  programmeSlug: string;
  plan: { procedure: string; targetMinutes: number | null; authorityIds: string[] };
  members: { id: string; name: string }[];
}) {
  const id = useId();
  const save = useAction(saveRollbackPlanAction);
  const [procedure, setProcedure] = useState(plan.procedure);
  const [minutes, setMinutes] = useState(plan.targetMinutes?.toString() ?? "");
  const [authority, setAuthority] = useState<string[]>(plan.authorityIds);
  const err = (f: string) => fieldError(save.result.validationErrors, f);
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.execute({ programmeSlug, procedure, targetMinutes: minutes, authorityIds: authority });
      }}
    >
      <Field id={`${id}-procedure`} label="Procedure (Markdown)" error={err("procedure")}>
        <textarea
          id={`${id}-procedure`}
          rows={6}
          className={inputClass(!!err("procedure"))}
          value={procedure}
          onChange={(e) => setProcedure(e.target.value)}
        />
      </Field>
      <TextInput
        id={`${id}-minutes`}
        label="Target time to roll back (minutes)"
        inputMode="numeric"
        value={minutes}
        onChange={setMinutes}
        error={err("targetMinutes")}
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Rollback authority</legend>
        <p className="text-xs text-slate-600">None ticked: the programme managers.</p>
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {members.map((m) => (
            <label key={m.id} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                checked={authority.includes(m.id)}
                onChange={(e) => setAuthority((a) => (e.target.checked ? [...a, m.id] : a.filter((x) => x !== m.id)))}
              />
              {m.name}
            </label>
          ))}
        </div>
        {err("authorityIds") && <p className="text-xs font-medium text-red-700">{err("authorityIds")}</p>}
      </fieldset>
      <FormError message={save.result.serverError} />
      <Button type="submit" variant="secondary" pending={save.isPending}>
        Save rollback plan
      </Button>
      {save.hasSucceeded && (
        <p className="text-xs text-slate-600" role="status">
          Saved.
        </p>
      )}
    </form>
  );
}

export function RollbackTestForm({ programmeSlug }: { programmeSlug: string }) {
  const id = useId();
  const add = useAction(addRollbackTestAction);
  const [testedOn, setTestedOn] = useState("");
  const [environment, setEnvironment] = useState("staging");
  const [duration, setDuration] = useState("");
  const [result, setResult] = useState<"PASSED" | "FAILED">("PASSED");
  const err = (f: string) => fieldError(add.result.validationErrors, f);
  return (
    <form
      className="grid gap-3 sm:grid-cols-5 sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        add.execute({ programmeSlug, testedOn, environment, durationMinutes: duration, result });
      }}
    >
      <TextInput id={`${id}-date`} label="Tested on" type="date" value={testedOn} onChange={setTestedOn} error={err("testedOn")} />
      <TextInput id={`${id}-env`} label="Environment" value={environment} onChange={setEnvironment} error={err("environment")} />
      <TextInput
        id={`${id}-duration`}
        label="Took (minutes)"
        inputMode="numeric"
        value={duration}
        onChange={setDuration}
        error={err("durationMinutes")}
      />
      <Field id={`${id}-result`} label="Result">
        <select
          id={`${id}-result`}
          className={inputClass()}
          value={result}
          onChange={(e) => setResult(e.target.value as "PASSED" | "FAILED")}
        >
          <option value="PASSED">Passed</option>
          <option value="FAILED">Failed</option>
        </select>
      </Field>
      <Button type="submit" variant="secondary" pending={add.isPending}>
        Record test
      </Button>
      <div className="sm:col-span-5">
        <FormError message={add.result.serverError} />
      </div>
    </form>
  );
}
