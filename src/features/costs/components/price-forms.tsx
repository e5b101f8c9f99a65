"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { Td, Th, Tr } from "@/components/ui/table";
import type { PriceStatus } from "@/domain/prices";
import { formatDate, formatPerMTok } from "@/lib/format";

import { addPriceAction, updatePriceAction } from "../actions";
import { addPriceSchema, updatePriceSchema } from "../schemas";

export interface PriceView {
  id: string;
  model: string;
  label: string;
  inputPerMTok: number;
  cacheWrite5mPerMTok: number;
  cacheWrite1hPerMTok: number;
  cacheReadPerMTok: number;
  outputPerMTok: number;
  batchDiscountPct: number;
  effectiveFrom: Date;
  status: PriceStatus;
}

const PRICE_FIELDS = [
  ["inputPerMTok", "Input"],
  ["cacheWrite5mPerMTok", "Cache write, 5 min"],
  ["cacheWrite1hPerMTok", "Cache write, 1 hour"],
  ["cacheReadPerMTok", "Cache read"],
  ["outputPerMTok", "Output"],
] as const;

type PriceFormValues = { label: string; batchDiscountPct: unknown } & Record<(typeof PRICE_FIELDS)[number][0], unknown>;

function PriceInputs({ form, idPrefix }: { form: UseFormReturn<PriceFormValues>; idPrefix: string }) {
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  return (
    <fieldset>
      <legend className="mb-1.5 text-xs text-slate-600">Prices in USD per million tokens</legend>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {PRICE_FIELDS.map(([name, label]) => {
          const id = `${idPrefix}-${name}`;
          const error = errors[name]?.message;
          return (
            <Field key={name} id={id} label={label} error={error}>
              <input
                id={id}
                type="number"
                step="any"
                min={0}
                inputMode="decimal"
                className={inputClass(!!error)}
                aria-invalid={!!error}
                aria-describedby={describedBy(id, error)}
                {...form.register(name)}
              />
            </Field>
          );
        })}
        <Field id={`${idPrefix}-batch`} label="Batch discount %" error={errors.batchDiscountPct?.message}>
          <input
            id={`${idPrefix}-batch`}
            type="number"
            step="1"
            min={0}
            max={100}
            className={inputClass(!!errors.batchDiscountPct)}
            {...form.register("batchDiscountPct")}
          />
        </Field>
      </div>
    </fieldset>
  );
}

const STATUS_TONE = { CURRENT: "success", SCHEDULED: "info", SUPERSEDED: "neutral" } as const;
const STATUS_LABEL = { CURRENT: "In force", SCHEDULED: "Scheduled", SUPERSEDED: "Superseded" } as const;

/** One row of the price table; the programme manager corrects it in place. */
export function PriceTableRow({ programmeSlug, price: p, canManage }: { programmeSlug: string; price: PriceView; canManage: boolean }) {
  const [editing, setEditing] = useState(false);
  const defaults = {
    programmeSlug,
    priceId: p.id,
    label: p.label,
    inputPerMTok: p.inputPerMTok,
    cacheWrite5mPerMTok: p.cacheWrite5mPerMTok,
    cacheWrite1hPerMTok: p.cacheWrite1hPerMTok,
    cacheReadPerMTok: p.cacheReadPerMTok,
    outputPerMTok: p.outputPerMTok,
    batchDiscountPct: p.batchDiscountPct,
  };
  const { form, action, handleSubmitWithAction } = useHookFormAction(updatePriceAction, zodResolver(updatePriceSchema), {
    formProps: { defaultValues: defaults },
    actionProps: { onSuccess: () => setEditing(false) },
  });
  const cols = canManage ? 10 : 9;
  if (editing)
    return (
      <Tr>
        <Td colSpan={cols}>
          <form
            method="post"
            onSubmit={handleSubmitWithAction}
            noValidate
            className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
            aria-label={`Price of ${p.model} from ${formatDate(p.effectiveFrom)}`}
          >
            <FormError message={action.result.serverError} />
            <p className="text-sm">
              <span className="font-mono text-xs">{p.model}</span>, effective from {formatDate(p.effectiveFrom)}. To record a price change
              from a date, add a new row instead.
            </p>
            <Field id={`price-${p.id}-label`} label="Label" error={form.formState.errors.label?.message}>
              <input id={`price-${p.id}-label`} className={inputClass(!!form.formState.errors.label)} {...form.register("label")} />
            </Field>
            <PriceInputs form={form as never} idPrefix={`price-${p.id}`} />
            <div className="flex gap-2">
              <Button type="submit" pending={action.isPending}>
                Save price
              </Button>
              <Button
                type="button"
                variant="ghost"
                onClick={() => {
                  action.reset();
                  form.reset(defaults);
                  setEditing(false);
                }}
              >
                Cancel
              </Button>
            </div>
          </form>
        </Td>
      </Tr>
    );
  return (
    <Tr className={p.status === "SUPERSEDED" ? "text-slate-500" : undefined}>
      <Th scope="row">
        {p.label}
        <span className="block font-mono text-[11px] font-normal text-slate-500">{p.model}</span>
      </Th>
      <Td numeric>{formatPerMTok(p.inputPerMTok)}</Td>
      <Td numeric>{formatPerMTok(p.cacheWrite5mPerMTok)}</Td>
      <Td numeric>{formatPerMTok(p.cacheWrite1hPerMTok)}</Td>
      <Td numeric>{formatPerMTok(p.cacheReadPerMTok)}</Td>
      <Td numeric>{formatPerMTok(p.outputPerMTok)}</Td>
      <Td numeric>{p.batchDiscountPct}%</Td>
      <Td nowrap>{formatDate(p.effectiveFrom)}</Td>
      <Td>
        <Badge tone={STATUS_TONE[p.status]}>{STATUS_LABEL[p.status]}</Badge>
      </Td>
      {canManage && (
        <Td className="text-right">
          <Button
            variant="secondary"
            onClick={() => setEditing(true)}
            aria-label={`Edit the price of ${p.label} from ${formatDate(p.effectiveFrom)}`}
          >
            Edit
          </Button>
        </Td>
      )}
    </Tr>
  );
}

/** The programme manager adds a price from a date (a price change), or a model the table lacks. */
export function AddPriceForm({
  programmeSlug,
  models,
  today,
}: {
  programmeSlug: string;
  models: { model: string; label: string }[];
  today: string;
}) {
  const [added, setAdded] = useState<string | null>(null);
  const defaults = {
    programmeSlug,
    model: "",
    label: "",
    effectiveFrom: today,
    inputPerMTok: "",
    cacheWrite5mPerMTok: "",
    cacheWrite1hPerMTok: "",
    cacheReadPerMTok: "",
    outputPerMTok: "",
    batchDiscountPct: 50,
  };
  const { form, action, handleSubmitWithAction } = useHookFormAction(addPriceAction, zodResolver(addPriceSchema), {
    formProps: { defaultValues: defaults },
    actionProps: {
      onExecute: () => setAdded(null),
      onSuccess: ({ data }) => {
        setAdded(data?.model ?? null);
        form.reset(defaults);
      },
    },
  });
  const errors = form.formState.errors;
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-3" aria-label="Add a price">
      <FormError message={action.result.serverError} />
      {added && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Added a price for {added}.
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="add-price-model" label="Model id" hint="As Anthropic writes it, e.g. claude-sonnet-4-6." error={errors.model?.message}>
          <input
            id="add-price-model"
            list="add-price-models"
            className={inputClass(!!errors.model)}
            aria-invalid={!!errors.model}
            aria-describedby={describedBy("add-price-model", errors.model?.message, true)}
            {...form.register("model", {
              onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
                const known = models.find((m) => m.model === e.target.value);
                if (known && !form.getValues("label")) form.setValue("label", known.label);
              },
            })}
          />
          <datalist id="add-price-models">
            {models.map((m) => (
              <option key={m.model} value={m.model}>
                {m.label}
              </option>
            ))}
          </datalist>
        </Field>
        <Field id="add-price-label" label="Label" error={errors.label?.message}>
          <input id="add-price-label" className={inputClass(!!errors.label)} aria-invalid={!!errors.label} {...form.register("label")} />
        </Field>
        <Field id="add-price-effective" label="Effective from" error={errors.effectiveFrom?.message}>
          <input
            id="add-price-effective"
            type="date"
            className={inputClass(!!errors.effectiveFrom)}
            aria-invalid={!!errors.effectiveFrom}
            {...form.register("effectiveFrom")}
          />
        </Field>
      </div>
      <PriceInputs form={form as never} idPrefix="add-price" />
      <Button type="submit" pending={action.isPending}>
        Add price
      </Button>
    </form>
  );
}
