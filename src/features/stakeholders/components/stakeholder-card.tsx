"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useHookFormAction } from "@next-safe-action/adapter-react-hook-form/hooks";
import { clsx } from "clsx";
import { useState } from "react";

import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { describedBy, Field, FormError, inputClass } from "@/components/ui/field";
import { STAKEHOLDER_ROLE_LABELS, STANCE_LABELS, STANCES, type StakeholderRole, type Stance } from "@/domain/enums";

import { updateStakeholderAction } from "../actions";
import { updateStakeholderSchema } from "../schemas";

export interface StakeholderView {
  id: string;
  role: StakeholderRole;
  personName: string | null;
  personTitle: string | null;
  relationshipOwnerId: string | null;
  ownerName: string | null;
  concerns: string;
  engagementPlan: string;
  stance: Stance;
  engageByWeek: number;
  flags: { kind: string; tone: "danger" | "warning"; message: string }[];
}

export const STANCE_TONE: Record<Stance, Tone> = { NOT_ENGAGED: "neutral", ENGAGED: "info", SUPPORTIVE: "success", BLOCKING: "danger" };

/** One role of the stakeholder map: who, who owns the relationship, the plan and the stance; editable by the programme manager. */
export function StakeholderCard({
  programmeSlug,
  stakeholder: s,
  members,
  editable,
}: {
  programmeSlug: string;
  stakeholder: StakeholderView;
  members: { id: string; name: string }[];
  editable: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const label = STAKEHOLDER_ROLE_LABELS[s.role];
  const defaults = {
    programmeSlug,
    stakeholderId: s.id,
    personName: s.personName ?? "",
    personTitle: s.personTitle ?? "",
    relationshipOwnerId: s.relationshipOwnerId,
    concerns: s.concerns,
    engagementPlan: s.engagementPlan,
    stance: s.stance,
    engageByWeek: s.engageByWeek,
  };
  const { form, action, handleSubmitWithAction } = useHookFormAction(updateStakeholderAction, zodResolver(updateStakeholderSchema), {
    formProps: { defaultValues: defaults },
    actionProps: { onSuccess: () => setEditing(false) },
  });
  const errors = form.formState.errors;
  const id = (f: string) => `sh-${s.id}-${f}`;
  const blocking = s.stance === "BLOCKING";

  return (
    <section
      id={`stakeholder-${s.role.toLowerCase().replace(/_/g, "-")}`}
      aria-labelledby={id("heading")}
      className={clsx(
        "flex flex-col rounded-lg border bg-white shadow-xs",
        blocking ? "border-red-300 ring-2 ring-red-200" : "border-slate-200",
      )}
    >
      <header
        className={clsx(
          "flex items-start justify-between gap-3 border-b px-4 py-3",
          blocking ? "border-red-100 bg-red-50" : "border-slate-100",
        )}
      >
        <div className="min-w-0">
          <h2 id={id("heading")} className="text-sm font-semibold text-slate-900">
            {label}
          </h2>
          <p className="text-sm text-slate-700">
            {s.personName ? (
              <>
                {s.personName}
                {s.personTitle && <span className="text-slate-500"> · {s.personTitle}</span>}
              </>
            ) : (
              <span className="text-slate-500">Nobody named yet</span>
            )}
          </p>
        </div>
        <Badge tone={STANCE_TONE[s.stance]}>{STANCE_LABELS[s.stance]}</Badge>
      </header>
      <div className="flex flex-1 flex-col gap-3 p-4 text-sm">
        {s.flags.length > 0 && (
          <ul className="space-y-1" aria-label={`Flags for ${label}`}>
            {s.flags.map((f) => (
              <li
                key={f.kind}
                className={clsx(
                  "rounded px-2 py-1 text-xs font-medium",
                  f.tone === "danger" ? "bg-red-50 text-red-800" : "bg-amber-50 text-amber-900",
                )}
              >
                {f.message}
              </li>
            ))}
          </ul>
        )}
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
          <dt className="text-slate-500">Relationship owner</dt>
          <dd>{s.ownerName ?? <span className="font-medium text-amber-800">No owner</span>}</dd>
          <dt className="text-slate-500">Engage by</dt>
          <dd>Week {s.engageByWeek}</dd>
        </dl>
        {!editing && (
          <>
            <div>
              <h3 className="text-xs font-medium text-slate-500">Concerns</h3>
              <p className="whitespace-pre-wrap text-slate-700">{s.concerns || "—"}</p>
            </div>
            <div>
              <h3 className="text-xs font-medium text-slate-500">Engagement plan</h3>
              <p className="whitespace-pre-wrap text-slate-700">{s.engagementPlan || "—"}</p>
            </div>
            {editable && (
              <div className="mt-auto pt-1">
                <Button
                  variant="secondary"
                  onClick={() => {
                    form.reset(defaults);
                    setEditing(true);
                  }}
                  aria-label={`Edit ${label}`}
                >
                  Edit
                </Button>
              </div>
            )}
          </>
        )}
        {editing && (
          <form method="post" onSubmit={handleSubmitWithAction} noValidate className="space-y-3" aria-label={`Stakeholder: ${label}`}>
            <FormError message={action.result.serverError} />
            <div className="grid gap-3 sm:grid-cols-2">
              <Field id={id("name")} label="Named person" error={errors.personName?.message}>
                <input
                  id={id("name")}
                  className={inputClass(!!errors.personName)}
                  aria-invalid={!!errors.personName}
                  aria-describedby={describedBy(id("name"), errors.personName?.message)}
                  {...form.register("personName")}
                />
              </Field>
              <Field id={id("title")} label="Their title" error={errors.personTitle?.message}>
                <input
                  id={id("title")}
                  className={inputClass(!!errors.personTitle)}
                  aria-invalid={!!errors.personTitle}
                  aria-describedby={describedBy(id("title"), errors.personTitle?.message)}
                  {...form.register("personTitle")}
                />
              </Field>
              <Field id={id("owner")} label="Relationship owner" error={errors.relationshipOwnerId?.message}>
                <select
                  id={id("owner")}
                  className={inputClass(!!errors.relationshipOwnerId)}
                  {...form.register("relationshipOwnerId", { setValueAs: (v: string) => v || null })}
                >
                  <option value="">No owner</option>
                  {members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={id("stance")} label="Stance" error={errors.stance?.message}>
                <select id={id("stance")} className={inputClass(!!errors.stance)} {...form.register("stance")}>
                  {STANCES.map((st) => (
                    <option key={st} value={st}>
                      {STANCE_LABELS[st]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={id("week")} label="Engage by week" hint="Week 1–13 of the plan." error={errors.engageByWeek?.message}>
                <input
                  id={id("week")}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={13}
                  className={inputClass(!!errors.engageByWeek)}
                  aria-invalid={!!errors.engageByWeek}
                  aria-describedby={describedBy(id("week"), errors.engageByWeek?.message, true)}
                  {...form.register("engageByWeek")}
                />
              </Field>
            </div>
            <Field id={id("concerns")} label="Concerns" error={errors.concerns?.message}>
              <textarea
                id={id("concerns")}
                rows={3}
                className={inputClass(!!errors.concerns)}
                aria-invalid={!!errors.concerns}
                aria-describedby={describedBy(id("concerns"), errors.concerns?.message)}
                {...form.register("concerns")}
              />
            </Field>
            <Field id={id("plan")} label="Engagement plan" error={errors.engagementPlan?.message}>
              <textarea
                id={id("plan")}
                rows={3}
                className={inputClass(!!errors.engagementPlan)}
                aria-invalid={!!errors.engagementPlan}
                aria-describedby={describedBy(id("plan"), errors.engagementPlan?.message)}
                {...form.register("engagementPlan")}
              />
            </Field>
            <div className="flex gap-2">
              <Button type="submit" pending={action.isPending}>
                Save
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
      </div>
    </section>
  );
}
