"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { useRouter } from "next/navigation";

import { Button, ButtonLink } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { DEPLOYMENT_KIND_LABELS, DEPLOYMENT_KINDS } from "@/domain/enums";

import { createProgrammeAction } from "../actions";
import { createProgrammeSchema, suggestSlug } from "../schemas";

export function NewProgrammeForm({ today }: { today: string }) {
  const router = useRouter();
  const { form, action, handleSubmitWithAction } = useHookFormAction(createProgrammeAction, zodResolver(createProgrammeSchema), {
    formProps: {
      mode: "onTouched",
      defaultValues: { name: "", organisation: "", slug: "", startDate: today, licensedSeats: 100, deploymentKind: "CLAUDE_APPS" },
    },
    actionProps: {
      onSuccess: ({ data }) => {
        if (data?.slug) router.push(`/programmes/${data.slug}`);
      },
    },
  });
  const errors = form.formState.errors;
  const nameField = form.register("name", {
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      // Suggest a slug from the name until the user edits the slug themselves.
      if (!form.getFieldState("slug").isDirty) form.setValue("slug", suggestSlug(e.target.value));
    },
  });
  const pending = action.isPending || action.hasSucceeded;

  return (
    <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-5" aria-label="New programme">
      <FormError message={action.result.serverError} />
      <Field id="name" label="Programme name" error={errors.name?.message}>
        <input
          id="name"
          className={inputClass(!!errors.name)}
          aria-invalid={!!errors.name}
          aria-describedby={describedBy("name", errors.name?.message)}
          autoFocus
          {...nameField}
        />
      </Field>
      <Field id="organisation" label="Organisation" error={errors.organisation?.message}>
        <input
          id="organisation"
          className={inputClass(!!errors.organisation)}
          aria-invalid={!!errors.organisation}
          aria-describedby={describedBy("organisation", errors.organisation?.message)}
          {...form.register("organisation")}
        />
      </Field>
      <Field
        id="slug"
        label="URL slug"
        hint="Lowercase letters, digits and hyphens; the programme's address in Gatehouse."
        error={errors.slug?.message}
      >
        <div className="flex items-center rounded-md">
          <span className="mr-2 text-sm text-slate-500">/programmes/</span>
          <input
            id="slug"
            className={inputClass(!!errors.slug)}
            aria-invalid={!!errors.slug}
            aria-describedby={describedBy("slug", errors.slug?.message, true)}
            {...form.register("slug")}
          />
        </div>
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="startDate" label="Start date (Day 1)" hint="The 90-day plan counts from this date." error={errors.startDate?.message}>
          <input
            id="startDate"
            type="date"
            className={inputClass(!!errors.startDate)}
            aria-invalid={!!errors.startDate}
            aria-describedby={describedBy("startDate", errors.startDate?.message, true)}
            {...form.register("startDate")}
          />
        </Field>
        <Field
          id="licensedSeats"
          label="Licensed seats"
          hint="Adoption is measured against this number."
          error={errors.licensedSeats?.message}
        >
          <input
            id="licensedSeats"
            type="number"
            inputMode="numeric"
            min={1}
            className={inputClass(!!errors.licensedSeats)}
            aria-invalid={!!errors.licensedSeats}
            aria-describedby={describedBy("licensedSeats", errors.licensedSeats?.message, true)}
            {...form.register("licensedSeats")}
          />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Deployment kind</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {DEPLOYMENT_KINDS.map((k) => (
            <label
              key={k}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
            >
              <input type="radio" value={k} {...form.register("deploymentKind")} />
              {DEPLOYMENT_KIND_LABELS[k]}
            </label>
          ))}
        </div>
        {errors.deploymentKind && (
          <p className="text-xs font-medium text-red-700" role="alert">
            {errors.deploymentKind.message}
          </p>
        )}
      </fieldset>
      <p className="rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-600">
        Gatehouse lays out the 90-day template: four phases with planned dates, the four gates with their criteria and required sign-offs, a
        week-by-week milestone map, the playbook&apos;s ten risks and seven stakeholder slots. You become the programme manager.
      </p>
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending}>
          Create programme
        </Button>
        <ButtonLink href="/programmes" variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
