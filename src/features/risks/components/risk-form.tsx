"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldErrors, UseFormRegister } from "react-hook-form";

import { Button, ButtonLink } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { LEVEL_LABELS, LEVELS, RISK_STATUS_LABELS, RISK_STATUSES, type Level, type RiskStatus } from "@/domain/enums";

import { createRiskAction, updateRiskAction } from "../actions";
import { createRiskSchema, updateRiskSchema } from "../schemas";

export interface RiskValues {
  title: string;
  probability: Level;
  impact: Level;
  consequence: string;
  mitigation: string;
  ownerId: string | null;
  status: RiskStatus;
  reviewDate: string;
}

type Members = { id: string; name: string }[];
type FieldsForm = { register: UseFormRegister<RiskValues>; errors: FieldErrors<RiskValues> };

function RiskFields({ register, errors, members, idPrefix }: FieldsForm & { members: Members; idPrefix: string }) {
  const id = (f: string) => `${idPrefix}-${f}`;
  return (
    <div className="space-y-4">
      <Field id={id("title")} label="Risk" error={errors.title?.message}>
        <input
          id={id("title")}
          className={inputClass(!!errors.title)}
          aria-invalid={!!errors.title}
          aria-describedby={describedBy(id("title"), errors.title?.message)}
          {...register("title")}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={id("probability")} label="Probability" error={errors.probability?.message}>
          <select id={id("probability")} className={inputClass(!!errors.probability)} {...register("probability")}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id("impact")} label="Impact" error={errors.impact?.message}>
          <select id={id("impact")} className={inputClass(!!errors.impact)} {...register("impact")}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id("status")} label="Status" error={errors.status?.message}>
          <select id={id("status")} className={inputClass(!!errors.status)} {...register("status")}>
            {RISK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {RISK_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        id={id("consequence")}
        label="Consequence"
        hint="What happens if it occurs (e.g. “Schedule slip of 4-8 weeks”)."
        error={errors.consequence?.message}
      >
        <textarea
          id={id("consequence")}
          rows={2}
          className={inputClass(!!errors.consequence)}
          aria-invalid={!!errors.consequence}
          aria-describedby={describedBy(id("consequence"), errors.consequence?.message, true)}
          {...register("consequence")}
        />
      </Field>
      <Field id={id("mitigation")} label="Mitigation" error={errors.mitigation?.message}>
        <textarea
          id={id("mitigation")}
          rows={3}
          className={inputClass(!!errors.mitigation)}
          aria-invalid={!!errors.mitigation}
          aria-describedby={describedBy(id("mitigation"), errors.mitigation?.message)}
          {...register("mitigation")}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("owner")} label="Owner" error={errors.ownerId?.message}>
          <select
            id={id("owner")}
            className={inputClass(!!errors.ownerId)}
            {...register("ownerId", { setValueAs: (v: string | null) => v || null })}
          >
            <option value="">No owner</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={id("review")}
          label="Next review date"
          hint="An open risk past this date is flagged overdue."
          error={errors.reviewDate?.message}
        >
          <input
            id={id("review")}
            type="date"
            className={inputClass(!!errors.reviewDate)}
            aria-invalid={!!errors.reviewDate}
            aria-describedby={describedBy(id("review"), errors.reviewDate?.message, true)}
            {...register("reviewDate")}
          />
        </Field>
      </div>
    </div>
  );
}

const BLANK: RiskValues = {
  title: "",
  probability: "MEDIUM",
  impact: "MEDIUM",
  consequence: "",
  mitigation: "",
  ownerId: null,
  status: "OPEN",
  reviewDate: "",
};

/** Adds one of the programme's own risks; afterwards the register shows it on the heat map. */
export function NewRiskForm({ programmeSlug, members }: { programmeSlug: string; members: Members }) {
  const router = useRouter();
  const { form, action, handleSubmitWithAction } = useHookFormAction(createRiskAction, zodResolver(createRiskSchema), {
    formProps: { defaultValues: { programmeSlug, ...BLANK } },
    actionProps: { onSuccess: () => router.push(`/programmes/${programmeSlug}/risks`) },
  });
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-5" aria-label="New risk">
      <FormError message={action.result.serverError} />
      <RiskFields
        register={form.register as unknown as UseFormRegister<RiskValues>}
        errors={form.formState.errors as FieldErrors<RiskValues>}
        members={members}
        idPrefix="new-risk"
      />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={action.isPending || action.hasSucceeded}>
          Add risk
        </Button>
        <ButtonLink href={`/programmes/${programmeSlug}/risks`} variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}

/** Reassesses a risk on its own page. */
export function EditRiskForm({
  programmeSlug,
  riskId,
  values,
  members,
}: {
  programmeSlug: string;
  riskId: string;
  values: RiskValues;
  members: Members;
}) {
  const [saved, setSaved] = useState(false);
  const { form, action, handleSubmitWithAction } = useHookFormAction(updateRiskAction, zodResolver(updateRiskSchema), {
    formProps: { defaultValues: { programmeSlug, riskId, ...values } },
    actionProps: { onSuccess: () => setSaved(true), onExecute: () => setSaved(false) },
  });
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-5" aria-label="Edit risk">
      <FormError message={action.result.serverError} />
      {saved && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Saved.
        </p>
      )}
      <RiskFields
        register={form.register as unknown as UseFormRegister<RiskValues>}
        errors={form.formState.errors as FieldErrors<RiskValues>}
        members={members}
        idPrefix={`risk-${riskId}`}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={action.isPending}>
          Save risk
        </Button>
        <ButtonLink href={`/programmes/${programmeSlug}/risks`} variant="ghost">
          Back to the register
        </ButtonLink>
      </div>
    </form>
  );
}
