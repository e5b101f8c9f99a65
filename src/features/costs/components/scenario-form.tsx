"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";

import { Button, ButtonLink } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { scenarioCost, type ScenarioInput } from "@/domain/costs";
import type { ModelPriceData } from "@/domain/prices";
import { formatShare, formatUsd, formatUsdPrecise } from "@/lib/format";

import { createScenarioAction, updateScenarioAction } from "../actions";
import { createScenarioSchema, updateScenarioSchema, type CreateScenarioInput } from "../schemas";
import { MeasureTokensPanel } from "./measure-tokens-panel";

export interface ScenarioFormProps {
  programmeSlug: string;
  models: { model: string; label: string }[];
  prices: ModelPriceData[];
  claudeConfigured: boolean;
  /** The scenario being edited; absent for a new one. */
  scenario?: ScenarioInput & { id: string; name: string; tokensMeasuredWith: string | null };
}

type Values = Omit<CreateScenarioInput, "programmeSlug">;

const blank = (models: { model: string }[]): Values => ({
  name: "",
  users: 100,
  tasksPerUserPerDay: 5,
  workingDaysPerMonth: 21,
  inputTokensPerTask: 3000,
  outputTokensPerTask: 600,
  cacheHitRate: 0,
  batchShare: 0,
  modelMix: [{ model: models.find((m) => m.model === "claude-sonnet-4-6")?.model ?? models[0]?.model ?? "", share: 1 }],
  seats: 0,
  seatPricePerMonth: 0,
  engineeringCostPerMonth: 0,
  changeMgmtCostPerMonth: 0,
  supportCostPerMonth: 0,
  tokensMeasuredWith: null,
});

/** New scenario, or edit one: usage, tokens per task (measured or by hand), model mix, seats and people; a live estimate. */
export function ScenarioForm(props: ScenarioFormProps) {
  return props.scenario ? <EditScenarioForm {...props} scenario={props.scenario} /> : <CreateScenarioForm {...props} />;
}

function CreateScenarioForm(props: ScenarioFormProps) {
  const router = useRouter();
  const { form, action, handleSubmitWithAction } = useHookFormAction(createScenarioAction, zodResolver(createScenarioSchema), {
    formProps: { defaultValues: { programmeSlug: props.programmeSlug, ...blank(props.models) } },
    actionProps: {
      onSuccess: ({ data }) => data?.scenarioId && router.push(`/programmes/${props.programmeSlug}/costs/scenarios/${data.scenarioId}`),
    },
  });
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate aria-label="Cost scenario">
      <ScenarioFields
        {...props}
        form={form as never}
        serverError={action.result.serverError}
        pending={action.isPending || action.hasSucceeded}
        submitLabel="Create scenario"
      />
    </form>
  );
}

function EditScenarioForm(props: ScenarioFormProps & { scenario: NonNullable<ScenarioFormProps["scenario"]> }) {
  const router = useRouter();
  const { id, ...values } = props.scenario;
  const { form, action, handleSubmitWithAction } = useHookFormAction(updateScenarioAction, zodResolver(updateScenarioSchema), {
    formProps: {
      defaultValues: { programmeSlug: props.programmeSlug, scenarioId: id, ...values, modelMix: values.modelMix.map((m) => ({ ...m })) },
    },
    actionProps: { onSuccess: () => router.push(`/programmes/${props.programmeSlug}/costs/scenarios/${id}`) },
  });
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate aria-label="Cost scenario">
      <ScenarioFields
        {...props}
        form={form as never}
        serverError={action.result.serverError}
        pending={action.isPending || action.hasSucceeded}
        submitLabel="Save scenario"
        cancelHref={`/programmes/${props.programmeSlug}/costs/scenarios/${id}`}
      />
    </form>
  );
}

type FieldName = keyof Values & string;

function ScenarioFields({
  form,
  models,
  prices,
  programmeSlug,
  claudeConfigured,
  serverError,
  pending,
  submitLabel,
  cancelHref,
}: ScenarioFormProps & { form: UseFormReturn<Values>; serverError?: string; pending: boolean; submitLabel: string; cancelHref?: string }) {
  const errors = form.formState.errors;
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "modelMix" });
  const values = useWatch({ control: form.control }) as Values;
  const measuredWith = values.tokensMeasuredWith;

  const numberField = (
    name: FieldName,
    label: string,
    opts: { hint?: string; step?: string; min?: number; max?: number; onChange?: () => void } = {},
  ) => {
    const error = (errors[name] as { message?: string } | undefined)?.message;
    const id = `scenario-${name}`;
    return (
      <Field id={id} label={label} hint={opts.hint} error={error}>
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step={opts.step ?? "any"}
          min={opts.min ?? 0}
          max={opts.max}
          className={inputClass(!!error)}
          aria-invalid={!!error}
          aria-describedby={describedBy(id, error, !!opts.hint)}
          {...form.register(name, { onChange: opts.onChange })}
        />
      </Field>
    );
  };
  const handEntered = () => form.setValue("tokensMeasuredWith", null);
  const mixError =
    (errors.modelMix as { message?: string; root?: { message?: string } } | undefined)?.message ??
    (errors.modelMix as { root?: { message?: string } } | undefined)?.root?.message;
  const shareTotal = (values.modelMix ?? []).reduce((n, m) => n + (Number(m?.share) || 0), 0);

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="space-y-6">
        <FormError message={serverError} />
        <Field id="scenario-name" label="Scenario name" error={errors.name?.message}>
          <input
            id="scenario-name"
            className={inputClass(!!errors.name)}
            aria-invalid={!!errors.name}
            aria-describedby={describedBy("scenario-name", errors.name?.message)}
            autoFocus
            {...form.register("name")}
          />
        </Field>

        <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold text-slate-900">Usage</legend>
          <div className="grid gap-4 sm:grid-cols-3">
            {numberField("users", "Users", { step: "1", hint: "People (or systems) sending tasks." })}
            {numberField("tasksPerUserPerDay", "Tasks per user per day", { step: "0.1" })}
            {numberField("workingDaysPerMonth", "Working days a month", { step: "1", min: 1, max: 31 })}
          </div>
        </fieldset>

        <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold text-slate-900">Tokens per task</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {numberField("inputTokensPerTask", "Input tokens per task", {
              step: "1",
              hint: "Prompt, context and documents sent with each task.",
              onChange: handEntered,
            })}
            {numberField("outputTokensPerTask", "Output tokens per task", {
              step: "1",
              hint: "What Claude writes back.",
              onChange: handEntered,
            })}
          </div>
          <p className="text-xs text-slate-600" data-testid="tokens-source">
            {measuredWith ? <>Measured: {measuredWith}.</> : "Entered by hand."}
          </p>
          {claudeConfigured ? (
            <MeasureTokensPanel
              programmeSlug={programmeSlug}
              models={models}
              defaultModel={values.modelMix?.[0]?.model || models[0]?.model || ""}
              onMeasured={(r) => {
                form.setValue("inputTokensPerTask", r.inputTokens, { shouldDirty: true, shouldValidate: true });
                if (r.outputTokens !== null)
                  form.setValue("outputTokensPerTask", r.outputTokens, { shouldDirty: true, shouldValidate: true });
                form.setValue("tokensMeasuredWith", r.measuredWith, { shouldDirty: true });
              }}
            />
          ) : (
            <p role="note" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
              No Anthropic API key is configured; enter tokens by hand.
            </p>
          )}
        </fieldset>

        <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold text-slate-900">Models, caching and batch</legend>
          <div className="space-y-2" role="group" aria-label="Model mix">
            {fields.map((f, i) => {
              const modelError = errors.modelMix?.[i]?.model?.message;
              const shareError = errors.modelMix?.[i]?.share?.message;
              return (
                <div key={f.id} className="grid gap-2 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
                  <Field id={`mix-${i}-model`} label={`Model ${i + 1}`} error={modelError}>
                    <select
                      id={`mix-${i}-model`}
                      className={inputClass(!!modelError)}
                      aria-invalid={!!modelError}
                      {...form.register(`modelMix.${i}.model`)}
                    >
                      <option value="">Choose…</option>
                      {models.map((m) => (
                        <option key={m.model} value={m.model}>
                          {m.label}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field id={`mix-${i}-share`} label={`Share of tasks, model ${i + 1}`} error={shareError}>
                    <input
                      id={`mix-${i}-share`}
                      type="number"
                      step="0.05"
                      min={0}
                      max={1}
                      inputMode="decimal"
                      className={inputClass(!!shareError)}
                      aria-invalid={!!shareError}
                      {...form.register(`modelMix.${i}.share`)}
                    />
                  </Field>
                  <Button
                    type="button"
                    variant="ghost"
                    onClick={() => remove(i)}
                    disabled={fields.length === 1}
                    aria-label={`Remove model ${i + 1}`}
                  >
                    Remove
                  </Button>
                </div>
              );
            })}
            <p className={`text-xs ${Math.abs(shareTotal - 1) > 0.001 ? "font-medium text-amber-800" : "text-slate-500"}`}>
              Shares are fractions of tasks (0.7 = 70%); together {formatShare(shareTotal)} of 100%.
            </p>
            {mixError && (
              <p className="text-xs font-medium text-red-700" role="alert">
                {mixError}
              </p>
            )}
            <Button
              type="button"
              variant="secondary"
              onClick={() => append({ model: "", share: 0 })}
              disabled={fields.length >= models.length}
            >
              Add a model
            </Button>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            {numberField("cacheHitRate", "Cache hit rate", {
              step: "0.05",
              max: 1,
              hint: "Share of input tokens read from the prompt cache, 0–1.",
            })}
            {numberField("batchShare", "Batch share", {
              step: "0.05",
              max: 1,
              hint: "Share of tasks sent through the Batch API (50% off), 0–1.",
            })}
          </div>
        </fieldset>

        <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold text-slate-900">Seats and people, per month (USD)</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {numberField("seats", "Seats", { step: "1", hint: "Claude apps / Cowork licences." })}
            {numberField("seatPricePerMonth", "Seat price a month", { step: "0.01" })}
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            {numberField("engineeringCostPerMonth", "Engineering", { step: "100" })}
            {numberField("changeMgmtCostPerMonth", "Change management", { step: "100" })}
            {numberField("supportCostPerMonth", "Ongoing support", { step: "100" })}
          </div>
        </fieldset>

        <div className="flex items-center gap-3">
          <Button type="submit" pending={pending}>
            {submitLabel}
          </Button>
          <ButtonLink variant="ghost" href={cancelHref ?? `/programmes/${programmeSlug}/costs`}>
            Cancel
          </ButtonLink>
        </div>
      </div>
      <LiveEstimate values={values} prices={prices} />
    </div>
  );
}

/** The scenario's cost as typed, with the same maths as the server (the server's figures are the ones saved). */
function LiveEstimate({ values, prices }: { values: Values; prices: ModelPriceData[] }) {
  const lookup = useMemo(() => new Map(prices.map((p) => [p.model, p])), [prices]);
  const n = (v: unknown) => Number(v);
  const input: ScenarioInput = {
    users: n(values.users),
    tasksPerUserPerDay: n(values.tasksPerUserPerDay),
    workingDaysPerMonth: n(values.workingDaysPerMonth),
    inputTokensPerTask: n(values.inputTokensPerTask),
    outputTokensPerTask: n(values.outputTokensPerTask),
    cacheHitRate: n(values.cacheHitRate),
    batchShare: n(values.batchShare),
    modelMix: (values.modelMix ?? []).filter((m) => m?.model).map((m) => ({ model: m.model, share: n(m.share) })),
    seats: n(values.seats),
    seatPricePerMonth: n(values.seatPricePerMonth),
    engineeringCostPerMonth: n(values.engineeringCostPerMonth),
    changeMgmtCostPerMonth: n(values.changeMgmtCostPerMonth),
    supportCostPerMonth: n(values.supportCostPerMonth),
  };
  const r = scenarioCost(input, lookup);
  const ok = Number.isFinite(r.monthlyTotal);
  return (
    <aside aria-label="Estimate" className="h-fit space-y-3 rounded-lg border border-brand-100 bg-brand-50 p-4 lg:sticky lg:top-4">
      <h2 className="text-sm font-semibold text-brand-900">Estimate as you type</h2>
      <dl className="space-y-2 text-sm">
        <div>
          <dt className="text-xs text-slate-600">Monthly total</dt>
          <dd className="text-xl font-semibold">{ok ? formatUsd(r.monthlyTotal) : "—"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">90-day total</dt>
          <dd className="font-medium">{ok ? formatUsd(r.ninetyDayTotal) : "—"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">API tokens a month</dt>
          <dd className="font-medium">{ok ? formatUsd(r.tokenCost) : "—"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">Cost per task (all-in)</dt>
          <dd className="font-medium">{ok && r.costPerTask !== null ? formatUsdPrecise(r.costPerTask) : "—"}</dd>
        </div>
      </dl>
      <p className="text-xs text-slate-600">
        Estimated from the price table in force today. Saving computes the same figures on the server.
      </p>
    </aside>
  );
}
