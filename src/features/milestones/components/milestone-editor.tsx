"use client";

import { useAction } from "next-safe-action/hooks";

import { FormError } from "@/components/ui/field";
import { MILESTONE_STATUS_LABELS, MILESTONE_STATUSES, type MilestoneStatus } from "@/domain/enums";

import { updateMilestoneAction } from "../actions";

/** Status and owner of one milestone, saved as soon as they change. */
export function MilestoneEditor({
  programmeSlug,
  milestone,
  members,
}: {
  programmeSlug: string;
  milestone: { id: string; title: string; status: MilestoneStatus; ownerId: string | null };
  members: { id: string; name: string }[];
}) {
  const save = useAction(updateMilestoneAction);
  const current = save.input && !save.hasErrored ? save.input : { status: milestone.status, ownerId: milestone.ownerId };
  const send = (patch: Partial<{ status: MilestoneStatus; ownerId: string | null }>) =>
    save.execute({
      programmeSlug,
      milestoneId: milestone.id,
      status: current.status as MilestoneStatus,
      ownerId: current.ownerId ?? null,
      ...patch,
    });
  return (
    <div className="flex flex-wrap items-center gap-2" aria-busy={save.isPending || undefined}>
      <label className="sr-only" htmlFor={`ms-${milestone.id}-status`}>
        Status of {milestone.title}
      </label>
      <select
        id={`ms-${milestone.id}-status`}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
        value={current.status}
        disabled={save.isPending}
        onChange={(e) => send({ status: e.target.value as MilestoneStatus })}
      >
        {MILESTONE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {MILESTONE_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor={`ms-${milestone.id}-owner`}>
        Owner of {milestone.title}
      </label>
      <select
        id={`ms-${milestone.id}-owner`}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
        value={current.ownerId ?? ""}
        disabled={save.isPending}
        onChange={(e) => send({ ownerId: e.target.value || null })}
      >
        <option value="">No owner</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <FormError message={save.result.serverError} />
    </div>
  );
}
