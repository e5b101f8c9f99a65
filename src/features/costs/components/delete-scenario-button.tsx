"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

import { deleteScenarioAction } from "../actions";

export function DeleteScenarioButton({ programmeSlug, scenarioId, name }: { programmeSlug: string; scenarioId: string; name: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useAction(deleteScenarioAction, { onSuccess: () => router.push(`/programmes/${programmeSlug}/costs`) });
  if (!confirming)
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete scenario
      </Button>
    );
  return (
    <div role="alertdialog" aria-label={`Delete ${name}?`} className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm">
      <p>
        Delete the scenario <strong>{name}</strong>? This cannot be undone.
      </p>
      <FormError message={remove.result.serverError} />
      <div className="flex gap-2">
        <Button
          variant="danger"
          pending={remove.isPending || remove.hasSucceeded}
          onClick={() => remove.execute({ programmeSlug, scenarioId })}
          autoFocus
        >
          Delete
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            remove.reset();
            setConfirming(false);
          }}
        >
          Cancel
        </Button>
      </div>
    </div>
  );
}
