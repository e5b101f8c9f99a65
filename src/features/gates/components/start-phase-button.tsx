"use client";

import { useAction } from "next-safe-action/hooks";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { PhaseKey } from "@/domain/enums";

import { startPhaseAction } from "../actions";

/** Starts the next phase. The server decides; a refusal says exactly what is missing. */
export function StartPhaseButton({ programmeSlug, phase, label }: { programmeSlug: string; phase: PhaseKey; label: string }) {
  const start = useAction(startPhaseAction);
  return (
    <div className="space-y-2">
      <Button variant="secondary" pending={start.isPending} onClick={() => start.execute({ programmeSlug, phase })}>
        Start {label}
      </Button>
      <FormError message={start.result.serverError} />
    </div>
  );
}
