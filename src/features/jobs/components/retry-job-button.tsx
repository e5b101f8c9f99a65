"use client";

import { useAction } from "next-safe-action/hooks";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

import { retryJobAction } from "../actions";

export function RetryJobButton({ programmeSlug, job }: { programmeSlug: string; job: { id: string; kind: string } }) {
  const retry = useAction(retryJobAction);
  return (
    <div className="space-y-1">
      <Button
        variant="secondary"
        pending={retry.isPending}
        onClick={() => retry.execute({ programmeSlug, jobId: job.id })}
        aria-label={`Retry ${job.kind}`}
      >
        Retry
      </Button>
      <FormError message={retry.result.serverError} />
    </div>
  );
}
