"use client";

import { useAction } from "next-safe-action/hooks";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

import { createPolicyDraftAction } from "../actions";

/** Starts the next version as a draft, from the latest version's text. */
export function NewDraftButton({ programmeSlug, first }: { programmeSlug: string; first: boolean }) {
  const create = useAction(createPolicyDraftAction);
  return (
    <div className="space-y-2">
      <FormError message={create.result.serverError} />
      <Button pending={create.isPending} onClick={() => create.execute({ programmeSlug })}>
        {first ? "Write the first draft" : "Start a new draft"}
      </Button>
    </div>
  );
}
