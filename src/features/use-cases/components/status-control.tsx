"use client";

import { useAction } from "next-safe-action/hooks";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { USE_CASE_STATUS_LABELS, type UseCaseStatus } from "@/domain/enums";
import { PIPELINE } from "@/domain/use-cases";

import { changeUseCaseStatusAction } from "../actions";

const verb = (from: UseCaseStatus, to: UseCaseStatus) => {
  if (to === "PARKED") return "Park";
  if (from === "PARKED") return `Revive as ${USE_CASE_STATUS_LABELS[to].toLowerCase()}`;
  if (to === "POC" && from === "SHORTLISTED") return "Start POC";
  const back = PIPELINE.indexOf(to) < PIPELINE.indexOf(from);
  return back ? `Back to ${USE_CASE_STATUS_LABELS[to]}` : `Move to ${USE_CASE_STATUS_LABELS[to]}`;
};

/** The status moves open to a use case; the server checks every rule and says why a move is refused. */
export function StatusControl({
  programmeSlug,
  useCaseId,
  status,
  moves,
}: {
  programmeSlug: string;
  useCaseId: string;
  status: UseCaseStatus;
  moves: readonly UseCaseStatus[];
}) {
  const change = useAction(changeUseCaseStatusAction);
  const target = change.isPending ? change.input?.status : undefined;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Change status">
        {moves.map((to) => (
          <Button
            key={to}
            variant={to === "PARKED" ? "danger" : PIPELINE.indexOf(to) > PIPELINE.indexOf(status) ? "primary" : "secondary"}
            pending={target === to}
            disabled={change.isPending}
            onClick={() => change.execute({ programmeSlug, useCaseId, status: to })}
          >
            {verb(status, to)}
          </Button>
        ))}
      </div>
      <FormError message={change.result.serverError} />
    </div>
  );
}
