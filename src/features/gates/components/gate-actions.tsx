"use client";

import { useAction } from "next-safe-action/hooks";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { GateKey, GateStatus } from "@/domain/enums";

import { openGateReviewAction, openNewRoundAction } from "../actions";

/** The programme manager's gate controls: open it for review, or open a new round after a rejection. */
export function GateActions({ programmeSlug, gateKey, status }: { programmeSlug: string; gateKey: GateKey; status: GateStatus }) {
  const open = useAction(openGateReviewAction);
  const round = useAction(openNewRoundAction);
  if (status === "NOT_STARTED")
    return (
      <div className="space-y-2">
        <FormError message={open.result.serverError} />
        <Button pending={open.isPending} onClick={() => open.execute({ programmeSlug, gateKey })}>
          Open for review
        </Button>
      </div>
    );
  if (status === "REJECTED")
    return (
      <div className="space-y-2">
        <FormError message={round.result.serverError} />
        <Button pending={round.isPending} onClick={() => round.execute({ programmeSlug, gateKey })}>
          Open a new round
        </Button>
      </div>
    );
  return null;
}
