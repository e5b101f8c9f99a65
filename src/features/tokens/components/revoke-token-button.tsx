"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

import { revokeProgrammeTokenAction } from "../actions";

export function RevokeTokenButton({ programmeSlug, token }: { programmeSlug: string; token: { id: string; name: string } }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useAction(revokeProgrammeTokenAction);
  if (!confirming)
    return (
      <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Revoke ${token.name}`}>
        Revoke
      </Button>
    );
  return (
    <div
      role="alertdialog"
      aria-label={`Revoke ${token.name}?`}
      className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm"
    >
      <p>Revoke &ldquo;{token.name}&rdquo;? Anything using it is refused from its next request.</p>
      <FormError message={revoke.result.serverError} />
      <div className="flex gap-2">
        <Button variant="danger" pending={revoke.isPending} onClick={() => revoke.execute({ programmeSlug, tokenId: token.id })} autoFocus>
          Revoke token
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            revoke.reset();
            setConfirming(false);
          }}
        >
          Cancel
        </Button>
      </div>
    </div>
  );
}
