"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useRouter } from "next/navigation";
import type { FieldErrors, UseFormRegister } from "react-hook-form";

import { Button, ButtonLink } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";

import { createDecisionAction, updateDecisionAction } from "../actions";
import { createDecisionSchema, updateDecisionSchema } from "../schemas";

export interface DecisionValues {
  title: string;
  claudeProduct: string;
  models: string;
  dataFlows: string;
  integrationPoints: string;
  failureModes: string;
}

type FieldsProps = { register: UseFormRegister<DecisionValues>; errors: FieldErrors<DecisionValues>; idPrefix: string };

const AREAS: { name: Exclude<keyof DecisionValues, "title" | "claudeProduct">; label: string; hint: string; rows: number }[] = [
  { name: "models", label: "Models per use case", hint: "Opus, Sonnet or Haiku for each use case, and why.", rows: 3 },
  {
    name: "dataFlows",
    label: "Data flows",
    hint: "Where data comes from, where it goes, what leaves your environment, and where it is stored.",
    rows: 4,
  },
  {
    name: "integrationPoints",
    label: "Integration points and MCP connectors",
    hint: "Systems Claude reads or writes, MCP connectors (Salesforce, Jira, SharePoint…), identity and provisioning.",
    rows: 4,
  },
  {
    name: "failureModes",
    label: "Failure modes",
    hint: "What breaks (auth token expiry, outages, rate limits, bad output) and what happens then.",
    rows: 4,
  },
];

function DecisionFields({ register, errors, idPrefix }: FieldsProps) {
  const id = (f: string) => `${idPrefix}-${f}`;
  return (
    <div className="space-y-4">
      <Field id={id("title")} label="Decision" error={errors.title?.message}>
        <input
          id={id("title")}
          className={inputClass(!!errors.title)}
          aria-invalid={!!errors.title}
          aria-describedby={describedBy(id("title"), errors.title?.message)}
          {...register("title")}
        />
      </Field>
      <Field
        id={id("product")}
        label="Claude product"
        hint="API, Cowork, Claude Code, or a combination."
        error={errors.claudeProduct?.message}
      >
        <input
          id={id("product")}
          list={id("products")}
          className={inputClass(!!errors.claudeProduct)}
          aria-invalid={!!errors.claudeProduct}
          aria-describedby={describedBy(id("product"), errors.claudeProduct?.message, true)}
          {...register("claudeProduct")}
        />
        <datalist id={id("products")}>
          <option value="API" />
          <option value="Cowork" />
          <option value="Claude Code" />
          <option value="Cowork and API" />
        </datalist>
      </Field>
      {AREAS.map((a) => (
        <Field key={a.name} id={id(a.name)} label={a.label} hint={a.hint} error={errors[a.name]?.message}>
          <textarea
            id={id(a.name)}
            rows={a.rows}
            className={inputClass(!!errors[a.name])}
            aria-invalid={!!errors[a.name]}
            aria-describedby={describedBy(id(a.name), errors[a.name]?.message, true)}
            {...register(a.name)}
          />
        </Field>
      ))}
    </div>
  );
}

/** Proposes a new record (numbered by the server) and opens its page. */
export function NewDecisionForm({ programmeSlug, values }: { programmeSlug: string; values: DecisionValues }) {
  const router = useRouter();
  const { form, action, handleSubmitWithAction } = useHookFormAction(createDecisionAction, zodResolver(createDecisionSchema), {
    formProps: { defaultValues: { programmeSlug, ...values } },
    actionProps: { onSuccess: ({ data }) => data && router.push(`/programmes/${programmeSlug}/decisions/${data.decisionId}`) },
  });
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-5" aria-label="New decision record">
      <FormError message={action.result.serverError} />
      <DecisionFields
        register={form.register as unknown as UseFormRegister<DecisionValues>}
        errors={form.formState.errors as FieldErrors<DecisionValues>}
        idPrefix="new-adr"
      />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={action.isPending || action.hasSucceeded}>
          Propose decision
        </Button>
        <ButtonLink href={`/programmes/${programmeSlug}/decisions`} variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}

/** Revises a proposed record and goes back to its page. */
export function EditDecisionForm({
  programmeSlug,
  decisionId,
  values,
}: {
  programmeSlug: string;
  decisionId: string;
  values: DecisionValues;
}) {
  const router = useRouter();
  const back = `/programmes/${programmeSlug}/decisions/${decisionId}`;
  const { form, action, handleSubmitWithAction } = useHookFormAction(updateDecisionAction, zodResolver(updateDecisionSchema), {
    formProps: { defaultValues: { programmeSlug, decisionId, ...values } },
    actionProps: { onSuccess: () => router.push(back) },
  });
  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-5" aria-label="Edit decision record">
      <FormError message={action.result.serverError} />
      <DecisionFields
        register={form.register as unknown as UseFormRegister<DecisionValues>}
        errors={form.formState.errors as FieldErrors<DecisionValues>}
        idPrefix={`adr-${decisionId}`}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={action.isPending || action.hasSucceeded}>
          Save decision
        </Button>
        <ButtonLink href={back} variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
